"""The platform's public pages (home, pricing, signup form) and the storefront home."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.urls import reverse

from modules.core.context import storefront_context
from modules.tenancy.testing import PASSWORD, make_user
from orion.modules import registry
from orion.modules.definition import FrontendType

PLANS = [
    {"name": "Starter", "price": "€19", "period": "month", "features": ["1 store", "Email support"]},
    {"name": "Growth", "price": "€79", "period": "month", "features": ["5 stores"]},
]


def _give_dummy_a_platform_provider(monkeypatch: pytest.MonkeyPatch, provider: Any) -> None:
    definition = registry.MODULES["dummy"]
    providers = {**definition.context_providers, FrontendType.PLATFORM: provider}
    monkeypatch.setitem(registry.MODULES, "dummy", dataclasses.replace(definition, context_providers=providers))


# --- Home ------------------------------------------------------------------


def test_home_shows_the_platform_its_offer_and_the_way_in(client, platform, store, enable):
    platform.description = "Sell online from day one."
    platform.save()
    enable("catalog")

    html = client.get("/").content.decode()

    assert "Main" in html and "Sell online from day one." in html
    assert "Catalog" in html and "Inventory" in html  # enabled modules, and what they require
    assert "Dev tools" not in html and "Monitoring" not in html  # internal tools are not an offer
    assert reverse("public:core:signup") in html and reverse("public:core:login") in html
    assert reverse("public:core:pricing") in html
    assert reverse("storefront:core:home", kwargs={"store_code": "acme"}) in html


def test_home_for_a_logged_in_user_offers_their_stores_and_log_out(client, platform, store):
    client.force_login(make_user("someone@example.test"))

    html = client.get("/").content.decode()

    assert reverse("public:tenancy:store_chooser") in html
    assert f'action="{reverse("public:core:logout")}"' in html
    assert f'href="{reverse("public:core:login")}"' not in html


def test_log_out_from_the_header_is_a_post(client, platform):
    client.force_login(make_user("someone@example.test"))

    client.post(reverse("public:core:logout"))

    assert "_auth_user_id" not in client.session


# --- Pricing ---------------------------------------------------------------


def test_pricing_without_plans_is_on_request_with_the_contact_email(client, platform, settings):
    settings.ORION_CONTACT_EMAIL = "sales@orion.test"

    response = client.get(reverse("public:core:pricing"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Pricing on request" in html and "mailto:sales@orion.test" in html
    assert "€" not in html and "$" not in html  # no invented prices


def test_pricing_lists_plans_an_enabled_module_provides(client, platform, enable, monkeypatch):
    _give_dummy_a_platform_provider(monkeypatch, lambda request, platform: {"pricing_plans": PLANS})
    enable("dummy")

    html = client.get(reverse("public:core:pricing")).content.decode()

    assert "Starter" in html and "€19" in html and "Email support" in html
    assert "Growth" in html and "€79" in html
    assert "Pricing on request" not in html


def test_pricing_ignores_plans_of_a_disabled_module(client, platform, monkeypatch):
    _give_dummy_a_platform_provider(monkeypatch, lambda request, platform: {"pricing_plans": PLANS})

    html = client.get(reverse("public:core:pricing")).content.decode()

    assert "Starter" not in html and "Pricing on request" in html


# --- Signup form -----------------------------------------------------------


def test_signup_form_offers_every_field_and_suggests_the_code(client, platform):
    response = client.get(reverse("public:core:signup"), HTTP_ACCEPT_LANGUAGE="de")

    html = response.content.decode()
    assert response.status_code == 200
    for name in ("company_name", "full_name", "email", "password1", "password2", "store_name", "store_code"):
        assert f'name="{name}"' in html
    assert '<option value="de" selected>' in html  # the visitor's language is the store's default
    assert "id_store_code" in html and "normalize(" in html  # the inline code suggestion


# --- Storefront ------------------------------------------------------------


def test_storefront_home_shows_the_store_and_coming_soon(client, store):
    store.tagline_en, store.description_en = "Gear for every trail", "Tents, boots and maps since 1998."
    store.contact_email = "hello@acme.test"
    store.save()
    store.merchant.legal_name = "Acme Outdoor S.à r.l."
    store.merchant.save()

    response = client.get("/shop/acme/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Gear for every trail" in html and "Tents, boots and maps since 1998." in html
    assert "Products coming soon" in html
    assert "hello@acme.test" in html and "Acme Outdoor S.à r.l." in html
    assert "Powered by Main" in html


def test_storefront_home_shows_what_enabled_modules_put_in_its_slot(client, store, enable, monkeypatch):
    definition = registry.MODULES["dummy"]
    slots = {**definition.template_slots, "storefront.home": "dummy/store/slot.html"}
    monkeypatch.setitem(registry.MODULES, "dummy", dataclasses.replace(definition, template_slots=slots))
    enable("dummy")

    html = client.get("/shop/acme/").content.decode()

    assert "Products coming soon" not in html
    assert 'class="shop-slot"' in html


def test_storefront_tagline_follows_the_language(client, store):
    store.tagline_en, store.tagline_fr = "Gear for every trail", "Du matériel pour chaque sentier"
    store.save()

    english = client.get("/shop/acme/").content.decode()
    client.cookies["django_language"] = "fr"
    french = client.get("/shop/acme/").content.decode()

    assert "Gear for every trail" in english
    assert "Du matériel pour chaque sentier" in french


def test_storefront_context_reads_the_merchant_fresh(rf, store, platform):
    request = rf.get("/shop/acme/")
    request.store = store
    first = storefront_context(request, platform)
    store.merchant.__class__.objects.filter(pk=store.merchant_id).update(legal_name="Renamed SA")

    second = storefront_context(request, platform)

    assert first["store_footer"]["legal_name"] == "Acme Ltd"  # no legal name yet: the trading name
    assert second["store_footer"]["legal_name"] == "Renamed SA"
    assert second["store_header"] == {"name": "Acme", "tagline": "", "code": "acme"}


def test_storefront_context_is_empty_without_a_store(rf, platform):
    request = rf.get("/")
    request.store = None

    assert storefront_context(request, platform) == {}


def test_storefront_of_an_unknown_store_is_a_404(client, platform):
    assert client.get("/shop/nope/").status_code == 404


def test_log_in_page_still_works(client, store):
    response = client.post(reverse("public:core:login"), {"username": "owner@acme.test", "password": PASSWORD})

    assert response.status_code == 302

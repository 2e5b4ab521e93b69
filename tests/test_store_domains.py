"""A storefront on its own host, and the store's default language on its storefront."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from modules.tenancy.models import StoreDomain
from modules.tenancy.testing import owner_of


@pytest.fixture
def acme_domain(store):
    with scope(store=store):
        return StoreDomain.objects.create(store=store, domain="shop.acme.example", kind="custom", is_primary=True)


def test_a_store_domain_serves_the_storefront_at_its_root(client, store, acme_domain, enable):
    enable("dummy")

    response = client.get("/shelf/", HTTP_HOST="shop.acme.example")

    assert response.status_code == 200
    assert response.content == b"shelf of acme"
    assert response.wsgi_request.store == store


def test_the_shop_path_on_the_store_domain_redirects_to_the_root(client, store, acme_domain, enable):
    enable("dummy")

    response = client.get("/shop/acme/shelf/?page=2", HTTP_HOST="shop.acme.example")

    assert response.status_code == 301
    assert response["Location"] == "/shelf/?page=2"


def test_links_on_the_store_domain_point_at_its_root(client, store, acme_domain):
    page = client.get("/", HTTP_HOST="shop.acme.example")

    assert page.status_code == 200
    assert page.wsgi_request.resolver_match.view_name == "storefront:core:home"
    html = page.content.decode()
    assert 'href="/"' in html  # the store's home link, which is /shop/acme/ on the platform's host
    assert "/shop/acme/" not in html


def test_the_dashboard_and_platform_site_stay_on_the_platform_domain(client, store, acme_domain):
    client.force_login(owner_of(store))

    assert client.get("/store/acme/core/dashboard/", HTTP_HOST="shop.acme.example").status_code == 404
    assert client.get("/signup/", HTTP_HOST="shop.acme.example").status_code == 404
    assert client.get("/store/acme/core/dashboard/").status_code == 200  # on the platform's host


def test_reverse_gives_the_shop_path_on_the_platform_and_the_root_on_the_store_domain(store):
    from django.urls import reverse

    assert reverse("storefront:core:home", kwargs={"store_code": "acme"}) == "/shop/acme/"
    assert reverse("storefront:core:home", kwargs={"store_code": "acme"}, urlconf="orion.urls_store_host") == "/"


def test_another_stores_code_on_a_store_domain_is_404(client, store, other_store, acme_domain, enable):
    enable("dummy")

    assert client.get("/shop/bravo/shelf/", HTTP_HOST="shop.acme.example").status_code == 404


def test_a_suspended_stores_domain_serves_nothing(client, store, acme_domain, enable):
    enable("dummy")
    store.status = "suspended"
    store.save()

    assert client.get("/shelf/", HTTP_HOST="shop.acme.example").status_code == 404


def test_a_forwarded_host_never_picks_the_store(client, store, acme_domain, enable):
    enable("dummy")

    response = client.get("/shelf/", HTTP_X_FORWARDED_HOST="shop.acme.example")

    assert response.status_code == 404  # served as testserver, the platform host, where /shelf/ is nothing


def test_a_store_domain_costs_no_query_when_warm(client, store, acme_domain, enable):
    enable("dummy")
    client.get("/shelf/", HTTP_HOST="shop.acme.example")

    with CaptureQueriesContext(connection) as queries:
        client.get("/shelf/", HTTP_HOST="shop.acme.example")

    assert len(queries) == 0


def test_removing_a_domain_applies_on_the_next_request(client, store, acme_domain, enable):
    enable("dummy")
    assert client.get("/shelf/", HTTP_HOST="shop.acme.example").status_code == 200

    with scope(store=store):
        acme_domain.delete()

    assert client.get("/shelf/", HTTP_HOST="shop.acme.example").status_code == 404


def test_the_store_domain_speaks_the_stores_language(client, store, acme_domain):
    store.status, store.default_language = "active", "de"
    store.save()

    assert client.get("/", HTTP_HOST="shop.acme.example", HTTP_ACCEPT_LANGUAGE="fr").wsgi_request.LANGUAGE_CODE == "de"


def test_the_storefront_speaks_the_stores_language_unless_the_shopper_chose(client, store, enable):
    enable("dummy")
    store.default_language = "fr"
    store.save()

    assert client.get("/shop/acme/shelf/", HTTP_ACCEPT_LANGUAGE="de").wsgi_request.LANGUAGE_CODE == "fr"

    client.cookies["django_language"] = "lb"
    assert client.get("/shop/acme/shelf/").wsgi_request.LANGUAGE_CODE == "lb"


def test_the_dashboard_keeps_the_users_language(client, store, enable):
    store.default_language = "fr"
    store.save()

    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.wsgi_request.LANGUAGE_CODE == "de"


def test_one_host_one_tenant_whichever_is_added_second(store, platform):
    from django.core.exceptions import ValidationError

    from modules.tenancy.models import PlatformDomain

    with scope(store=store):
        StoreDomain.objects.create(store=store, domain="shop.acme.example")
        taken_by_platform = StoreDomain(store=store, domain="testserver")
        with pytest.raises(ValidationError):
            taken_by_platform.full_clean()
    with pytest.raises(ValidationError):
        PlatformDomain(platform=platform, domain="shop.acme.example").full_clean()

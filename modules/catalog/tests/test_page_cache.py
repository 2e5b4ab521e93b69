"""The shop's pages come from the storefront page cache for anonymous shoppers, and never go stale on a write."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from modules.catalog import services
from modules.inventory import services as inventory_services
from modules.tenancy import services as tenancy_services
from orion.page_cache import HEADER

from .factories import ShopProductFactory


@pytest.fixture(autouse=True)
def catalog(store, enable, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.ORION_STOREFRONT_CACHE_SECONDS = 60
    enable("catalog")


def url(name: str = "product_list", store_code: str = "acme", **kwargs: Any) -> str:
    return reverse(f"storefront:catalog:{name}", kwargs={"store_code": store_code, **kwargs})


def test_a_second_visit_is_served_from_the_cache_without_a_query(client, store, django_assert_num_queries):
    ShopProductFactory(store=store, title_en="Mug")
    first = client.get(url())

    with django_assert_num_queries(0):
        second = client.get(url())

    assert first[HEADER] == "miss" and second[HEADER] == "hit"
    assert second.content == first.content and "Mug" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]


def test_a_product_change_is_shown_at_once(client, store):
    product = ShopProductFactory(store=store, title_en="Mug", price_cents=1250)
    client.get(url("product_detail", slug="mug"))

    with scope(store=store):
        services.product_update(store=store, actor=None, product=product, values={"price_cents": 1990})
    page = client.get(url("product_detail", slug="mug"))

    assert page[HEADER] == "miss"
    assert "€19.90" in page.content.decode()


def test_a_stock_change_is_shown_at_once(client, store):
    product = ShopProductFactory(store=store, title_en="Mug", stock=1)
    assert "shop-badge-soldout" not in client.get(url()).content.decode()

    with scope(store=store):
        variant = product.variants.get()
        inventory_services.stock_allocate(store=store, lines=[(variant.stock_item_id, 1)], reference="order-1")
    page = client.get(url())

    assert page[HEADER] == "miss"
    assert "shop-badge-soldout" in page.content.decode()


def test_a_change_of_the_store_is_shown_at_once(client, store):
    client.get(url())

    tenancy_services.store_update(store=store, actor=None, name="Acme Renamed")
    page = client.get(url())

    assert page[HEADER] == "miss"
    assert "Acme Renamed" in page.content.decode()


def test_each_store_and_language_has_its_own_pages(client, store, other_store):
    ShopProductFactory(store=store, title_en="Mug")
    ShopProductFactory(store=other_store, title_en="Theirs")
    english = client.get(url()).content.decode()

    theirs = client.get(url(store_code="bravo")).content.decode()
    client.cookies["django_language"] = "de"
    german = client.get(url())

    assert "Theirs" in theirs and "Mug" not in theirs
    assert german[HEADER] == "miss" and german.content.decode() != english
    assert german["Content-Language"] == "de"


def test_a_visitor_with_a_session_gets_a_fresh_page_that_is_not_stored(client, store):
    ShopProductFactory(store=store, title_en="Mug")
    client.cookies["sessionid"] = "a-shoppers-session"

    first, second = client.get(url()), client.get(url())

    assert HEADER not in first and HEADER not in second
    assert Client().get(url())[HEADER] == "miss"  # nothing of the session's visit was stored


def test_shop_pages_carry_no_csrf_token_and_the_language_switch_works_without_one(store):
    client = Client(enforce_csrf_checks=True)
    html = client.get(url()).content.decode()

    assert "csrfmiddlewaretoken" not in html
    assert reverse("shop_set_language") in html
    switched = client.post(reverse("shop_set_language"), {"language": "fr", "next": url()})
    assert switched.status_code == 302 and switched.cookies["django_language"].value == "fr"
    assert client.get(url())["Content-Language"] == "fr"


def test_the_cache_can_be_switched_off(client, store, settings):
    settings.ORION_STOREFRONT_CACHE_SECONDS = 0
    client.get(url())

    assert HEADER not in client.get(url())


def test_a_page_that_used_a_csrf_token_is_not_stored(rf, store):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token
    from django.views import View

    from orion.page_cache import CachedStorefrontPageMixin

    class FormPage(CachedStorefrontPageMixin, View):
        def get(self, request):
            return HttpResponse(f"<form>{get_token(request)}</form>")

    def visit():
        request = rf.get("/shop/acme/form/")
        request.store = store
        return FormPage.as_view()(request)

    assert HEADER not in visit()
    assert HEADER not in visit()  # rendered again: nothing was stored


def test_the_shop_home_shows_a_newly_featured_product_at_once(client, store):
    product = ShopProductFactory(store=store, title_en="Mug")
    home = reverse("storefront:core:home", kwargs={"store_code": "acme"})
    assert "Mug" not in client.get(home).content.decode()

    with scope(store=store):
        services.product_update(store=store, actor=None, product=product, values={"is_featured": True})
    page = client.get(home)

    assert page[HEADER] == "miss"
    assert "Mug" in page.content.decode()

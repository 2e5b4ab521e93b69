"""The catalog's storefront API: what shoppers may browse of one store, without signing in."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_scopes import scope
from rest_framework.test import APIClient

from modules.catalog import services
from modules.catalog.models import Product
from modules.inventory import services as inventory_services
from modules.tenancy.testing import owner_of

from .factories import AttributeFactory, CategoryFactory, ProductFactory, ProductImageFactory


@pytest.fixture(autouse=True)
def catalog(store, enable, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    enable("catalog")


def shop(store, **headers) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_X_STORE=store.code, **headers)
    return client


def url(name: str, **kwargs) -> str:
    return reverse(f"api_storefront:catalog:{name}", kwargs=kwargs)


def receive(store, product: Product, quantity: int, *, skus=None) -> None:
    """``quantity`` units of each of the product's variants (or those with ``skus``) arrive at a warehouse."""
    owner = owner_of(store)
    with scope(store=store):
        location = inventory_services.location_create(
            store=store, actor=owner, name=f"Warehouse {product.pk}", code=f"main-{product.pk}"
        )
        for variant in product.variants.all():
            if skus is None or variant.sku in skus:
                inventory_services.stock_adjust(
                    store=store,
                    actor=owner,
                    item=variant.stock_item_id,
                    location=location,
                    reason="received",
                    delta=quantity,
                )


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


# --- Visibility ------------------------------------------------------------------------


def test_shoppers_see_only_the_stores_active_products(store, other_store):
    ProductFactory(store=store, title_en="Active mug", status="active")
    ProductFactory(store=store, title_en="Draft mug")
    ProductFactory(store=store, title_en="Archived mug", status="archived")
    ProductFactory(store=other_store, title_en="Their mug", status="active")

    assert titles(shop(store).get(url("product_list"))) == ["Active mug"]


@pytest.mark.parametrize("status", ["draft", "archived"])
def test_a_draft_or_archived_product_is_not_found(store, status):
    ProductFactory(store=store, title_en="Hidden", status=status)

    assert shop(store).get(url("product_detail", slug="hidden")).status_code == 404


def test_another_stores_product_is_not_found(store, other_store):
    ProductFactory(store=other_store, title_en="Theirs", status="active")

    assert shop(store).get(url("product_detail", slug="theirs")).status_code == 404
    assert shop(other_store).get(url("product_detail", slug="theirs")).status_code == 200


def test_without_a_store_there_is_nothing(store):
    assert APIClient().get(url("product_list")).status_code == 404


# --- A product's page ------------------------------------------------------------------


def test_a_product_with_variants_options_prices_stock_and_images(store):
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    small, medium = size.made_values
    with scope(store=store):
        product = services.product_create(
            store=store,
            actor=owner_of(store),
            values={"title_en": "Shirt", "title_de": "Hemd", "price_cents": 2000, "status": "active"},
            option_attributes=[size],
            variants=[
                services.VariantInput(sku="SHIRT-S", option_values=[small]),
                services.VariantInput(sku="SHIRT-M", option_values=[medium], price_cents=2400, position=1),
            ],
        )
    receive(store, product, 3, skus={"SHIRT-S"})
    ProductImageFactory(store=store, product=product, alt_text_en="A shirt")

    response = shop(store).get(url("product_detail", slug="shirt"))

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["title"], body["price_cents"], body["currency"], body["in_stock"]) == (
        "Shirt",
        2000,
        store.currency,
        True,
    )
    assert [option["name"] for option in body["options"]] == ["Size"]
    variants = {variant["sku"]: variant for variant in body["variants"]}
    assert variants["SHIRT-S"]["price_cents"] == 2000 and variants["SHIRT-M"]["price_cents"] == 2400
    assert [value["value"] for value in variants["SHIRT-S"]["values"]] == ["S"]
    assert variants["SHIRT-S"]["stock"]["status"] == "in_stock" and variants["SHIRT-S"]["stock"]["available"] == 3
    assert variants["SHIRT-M"]["stock"]["status"] == "sold_out"
    assert body["images"][0]["image"].startswith("http://testserver/media/catalog/")
    assert body["images"][0]["alt_text"] == "A shirt"


def test_translated_fields_follow_the_shoppers_language(store):
    ProductFactory(store=store, title_en="Mug", title_de="Becher", status="active")

    german = shop(store, HTTP_ACCEPT_LANGUAGE="de").get(url("product_detail", slug="mug"))
    default = shop(store).get(url("product_detail", slug="mug"))

    assert (german.json()["title"], german["Content-Language"]) == ("Becher", "de")
    assert (default.json()["title"], default["Content-Language"]) == ("Mug", store.default_language)


# --- Filters ----------------------------------------------------------------------------


@pytest.fixture
def products(store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    mug = ProductFactory(store=store, title_en="Red mug", status="active", price_cents=800)
    plate = ProductFactory(store=store, title_en="Blue plate", status="active", price_cents=1500)
    ProductFactory(store=store, title_en="Green poster", status="active", price_cents=3000)
    with scope(store=store):
        for product in (mug, plate):
            services.product_update(
                store=store, actor=owner_of(store), product=product, values={}, categories=[kitchen]
            )
    receive(store, mug, 2)
    return kitchen


def test_search(store, products):
    assert titles(shop(store).get(url("product_list"), {"q": "mug"})) == ["Red mug"]


def test_filter_by_category(store, products):
    assert sorted(titles(shop(store).get(url("product_list"), {"category": products.pk}))) == [
        "Blue plate",
        "Red mug",
    ]


def test_filter_by_price(store, products):
    response = shop(store).get(url("product_list"), {"price_min": 1000, "price_max": 2000})

    assert titles(response) == ["Blue plate"]


def test_filter_in_stock(store, products):
    response = shop(store).get(url("product_list"), {"in_stock": "true"})

    assert titles(response) == ["Red mug"]
    assert response.json()["results"][0]["in_stock"] is True


def test_ordering_by_price(store, products):
    assert titles(shop(store).get(url("product_list"), {"ordering": "price_asc"})) == [
        "Red mug",
        "Blue plate",
        "Green poster",
    ]


def test_a_bad_filter_value_is_a_400(store, products):
    response = shop(store).get(url("product_list"), {"price_min": "cheap"})

    assert response.status_code == 400
    assert "price_min" in response.json()["errors"]


# --- Categories -------------------------------------------------------------------------


def test_the_category_tree_hides_hidden_branches(store, other_store):
    home = CategoryFactory(store=store, name_en="Home")
    CategoryFactory(store=store, name_en="Kitchen", parent=home)
    attic = CategoryFactory(store=store, name_en="Attic", parent=home)
    CategoryFactory(store=store, name_en="Boxes", parent=attic)
    with scope(store=store):
        services.category_update(store=store, actor=owner_of(store), category=attic, values={"is_active": False})
    CategoryFactory(store=other_store, name_en="Their category")

    response = shop(store).get(url("category_tree"))

    assert response.status_code == 200
    assert [(node["name"], [child["name"] for child in node["children"]]) for node in response.json()] == [
        ("Home", ["Kitchen"])
    ]


# --- Query counts ----------------------------------------------------------------------


# The request's own 2 (platform and store; no session or user for shoppers), then the count and the products:
# the first image and "in stock" are subqueries of the products' query.
PRODUCT_LIST_QUERIES = 4


@pytest.mark.parametrize("size", [3, 40])
def test_the_product_list_reads_a_fixed_number_of_queries(store, django_assert_num_queries, size):
    for n in range(size):
        ProductImageFactory(store=store, product=ProductFactory(store=store, title_en=f"Mug {n}", status="active"))

    with django_assert_num_queries(PRODUCT_LIST_QUERIES):
        response = shop(store).get(url("product_list"), {"limit": 100})

    assert len(titles(response)) == size


# --- The page cache -----------------------------------------------------------------------


def test_a_repeated_request_is_answered_from_the_cache_and_a_write_empties_it(store, django_assert_num_queries):
    from orion.page_cache import HEADER

    product = ProductFactory(store=store, title_en="Mug", status="active")
    client = shop(store)
    first = client.get(url("product_list"))

    with django_assert_num_queries(0):
        second = client.get(url("product_list"))
    with scope(store=store):
        services.product_update(store=store, actor=None, product=product, values={"title_en": "Big mug"})
    third = client.get(url("product_list"))

    assert (first[HEADER], second[HEADER], third[HEADER]) == ("miss", "hit", "miss")
    assert second.json() == first.json() and second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == first["Content-Language"] and "Accept-Language" in second["Vary"]
    assert titles(third) == ["Big mug"]


def test_the_language_asked_for_and_the_stores_default_are_cached_apart(store):
    ProductFactory(store=store, title_en="Mug", title_de="Becher", status="active")
    store.default_language = "de"
    store.save(update_fields=["default_language"])

    default = shop(store).get(url("product_list"))
    english = shop(store, HTTP_ACCEPT_LANGUAGE="en").get(url("product_list"))
    cookie = shop(store)
    cookie.cookies["django_language"] = "en"

    assert titles(default) == ["Becher"]
    assert titles(english) == ["Mug"]
    assert titles(cookie.get(url("product_list"))) == ["Mug"]


def test_a_client_sending_credentials_is_never_served_from_the_cache(store):
    from orion.page_cache import HEADER

    ProductFactory(store=store, title_en="Mug", status="active")
    client = shop(store, HTTP_AUTHORIZATION="Bearer orn_not-a-key")

    answers = [client.get(url("product_list")) for _ in range(2)]

    assert [answer.status_code for answer in answers] == [200, 200]
    assert all(HEADER not in answer for answer in answers)

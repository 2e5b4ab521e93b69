"""The product filters of the store side and the shop, on SQLite and PostgreSQL (full-text search there)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import translation
from django_scopes import scope

from modules.catalog import selectors
from modules.catalog.filters import ProductFilter, ShopProductFilter
from modules.catalog.models import Product
from modules.catalog.tests.factories import CategoryFactory, ProductFactory
from modules.inventory import services as inventory_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _catalog_on(enable):
    enable("catalog")


def stock(store, product, quantity, threshold=None):
    with scope(store=store):
        item = product.variants.get().stock_item_id
        location = inventory_services.location_create(store=store, actor=None, name="Main", code=f"l{product.pk}")
        inventory_services.stock_item_update(store=store, item=item, low_stock_threshold=threshold)
        inventory_services.stock_adjust(
            store=store, actor=None, item=item, location=location, reason="count", count=quantity
        )


def staff(store, **data):
    with scope(store=store):
        filterset = ProductFilter(data, queryset=selectors.product_list(store=store), store=store)
        assert filterset.is_valid(), filterset.errors
        return [p.title_en for p in filterset.qs]


def shop(store, **data):
    with scope(store=store):
        filterset = ShopProductFilter(
            data, queryset=selectors.product_list(store=store).filter(status="active"), store=store
        )
        assert filterset.is_valid(), filterset.errors
        return [p.title_en for p in filterset.qs]


@pytest.fixture
def catalog(store, other_store):
    """Shoes > Boots; four products with stock, prices and statuses; a product of another store."""
    shoes = CategoryFactory(store=store, name_en="Shoes")
    boots = CategoryFactory(store=store, name_en="Boots", parent=shoes)
    hidden = CategoryFactory(store=store, name_en="Hidden", is_active=False)
    made = {
        "Leather boot": dict(
            sku="BOOT-1", price_cents=12000, categories=[boots], status="active", title_de="Arbeitsstiefel"
        ),
        "Canvas shoe": dict(sku="SHOE-1", price_cents=5000, categories=[shoes], status="active"),
        "Wool socks": dict(
            sku="SOCK-1",
            price_cents=900,
            categories=[hidden],
            status="active",
            description_en="<p>Warm <b>merino</b> wool, to wear in a boot</p>",
        ),
        "Draft hat": dict(sku="HAT-1", price_cents=2500),
    }
    products = {title: ProductFactory(store=store, title_en=title, **values) for title, values in made.items()}
    stock(store, products["Leather boot"], 3, threshold=5)
    stock(store, products["Canvas shoe"], 40, threshold=5)
    ProductFactory(store=other_store, title_en="Leather boot elsewhere", sku="BOOT-1", status="active")
    return {"shoes": shoes, "boots": boots, "hidden": hidden, **products}


# --- Store side --------------------------------------------------------------------------------


def test_staff_search_finds_titles_in_any_language_and_partial_skus(store, catalog):
    assert staff(store, q="leather") == ["Leather boot"]
    assert staff(store, q="stiefel") == ["Leather boot"]
    assert sorted(staff(store, q="-1")) == ["Canvas shoe", "Draft hat", "Leather boot", "Wool socks"]
    assert staff(store, q="sock") == ["Wool socks"]
    assert staff(store, q="merino") == []  # descriptions are not searched on the store side


def test_staff_filters_status_category_with_descendants_and_stock(store, catalog):
    assert staff(store, status="draft") == ["Draft hat"]
    assert sorted(staff(store, category=catalog["shoes"].pk)) == ["Canvas shoe", "Leather boot"]
    assert staff(store, category=catalog["boots"].pk) == ["Leather boot"]
    assert staff(store, stock="low") == ["Leather boot"]
    assert sorted(staff(store, stock="in_stock")) == ["Canvas shoe", "Leather boot"]
    assert sorted(staff(store, stock="out_of_stock")) == ["Draft hat", "Wool socks"]


def test_staff_ordering(store, catalog):
    assert staff(store, ordering="price") == ["Wool socks", "Draft hat", "Canvas shoe", "Leather boot"]
    assert staff(store, ordering="-title") == ["Wool socks", "Leather boot", "Draft hat", "Canvas shoe"]
    assert staff(store) == ["Draft hat", "Wool socks", "Canvas shoe", "Leather boot"]  # newest first
    with translation.override("de"):  # German title where there is one, English otherwise
        assert staff(store, ordering="title") == ["Leather boot", "Canvas shoe", "Draft hat", "Wool socks"]


def test_a_category_of_another_store_is_an_invalid_choice(store, other_store, catalog):
    foreign = CategoryFactory(store=other_store)
    with scope(store=store):
        filterset = ProductFilter({"category": foreign.pk}, queryset=selectors.product_list(store=store), store=store)
        assert not filterset.is_valid()
        assert "category" in filterset.errors


# --- Shop -----------------------------------------------------------------------------------------


def test_shop_search_reads_titles_descriptions_and_skus_of_this_store(store, catalog):
    assert shop(store, q="leather") == ["Leather boot"]
    assert shop(store, q="merino wool") == ["Wool socks"]
    assert shop(store, q="BOOT-1") == ["Leather boot"]
    assert shop(store, q="hat") == []  # the queryset given holds active products only
    assert shop(store, q="nothing like this") == []


def test_shop_search_puts_best_matches_first_unless_an_order_is_chosen(store, catalog):
    found = shop(store, q="boot")
    assert set(found) == {"Leather boot", "Wool socks"}
    if connection.vendor == "postgresql":  # "boot" is in the title of one, only in the description of the other
        assert found == ["Leather boot", "Wool socks"]
    assert shop(store, q="boot", ordering="price_asc") == ["Wool socks", "Leather boot"]


def test_shop_filters_price_range_stock_and_visible_categories(store, catalog):
    assert shop(store, price_min=1000, price_max=6000) == ["Canvas shoe"]
    assert shop(store, price_max=900) == ["Wool socks"]
    assert sorted(shop(store, in_stock=True)) == ["Canvas shoe", "Leather boot"]
    assert sorted(shop(store, category=catalog["shoes"].pk)) == ["Canvas shoe", "Leather boot"]
    with scope(store=store):
        filterset = ShopProductFilter(
            {"category": catalog["hidden"].pk, "price_min": -1},
            queryset=selectors.product_list(store=store),
            store=store,
        )
        assert not filterset.is_valid()
        assert set(filterset.errors) == {"category", "price_min"}


def test_shop_ordering(store, catalog):
    assert shop(store, ordering="price_desc") == ["Leather boot", "Canvas shoe", "Wool socks"]
    assert shop(store, ordering="title") == ["Canvas shoe", "Leather boot", "Wool socks"]
    assert shop(store) == ["Wool socks", "Canvas shoe", "Leather boot"]  # newest published first
    Product._base_manager.filter(pk=catalog["Wool socks"].pk).update(published_at=None)  # as an import leaves it
    assert shop(store) == ["Canvas shoe", "Leather boot", "Wool socks"]
    assert shop(store, ordering="title")[-1] == "Wool socks"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search and its GIN index are PostgreSQL's")
def test_shop_search_expression_is_the_one_the_gin_index_of_migration_0002_serves(store, catalog):
    """The search condition alone, sequential scans off: the planner can only answer it from the GIN index
    if the expression is exactly the indexed one (with a realistic catalogue it picks the index by itself)."""
    queryset = selectors.product_search(Product._base_manager.all(), "merino wool")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "Bitmap Index Scan on catalog_product_search" in plan
    assert [p.title_en for p in queryset] == ["Wool socks"]

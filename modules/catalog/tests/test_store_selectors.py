"""The store side's selectors (pages and store API): each store reads its own rows, outside any scope too."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from modules.catalog import selectors

from .factories import AttributeFactory, CategoryFactory, ProductFactory, ProductImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _catalog_on(enable):
    enable("catalog")


def seed(store, tag):
    """The same shape in each store: a category under another, a product in it with an image, a sized attribute."""
    parent = CategoryFactory(store=store, name_en=f"Clothes {tag}")
    child = CategoryFactory(store=store, name_en=f"Shirts {tag}", parent=parent)
    product = ProductFactory(store=store, title_en=f"Tee {tag}", sku=f"TEE-{tag}", categories=[child])
    image = ProductImageFactory(store=store, product=product)
    size = AttributeFactory(store=store, name_en=f"Size {tag}", values=["S", "M"])
    return {"parent": parent, "child": child, "product": product, "image": image, "size": size}


@pytest.fixture
def world(store, other_store):
    return seed(store, "a"), seed(other_store, "b")


QUERYSETS = {
    "products": lambda store, mine: selectors.products(store=store),
    "products_with_variant_count": lambda store, mine: selectors.products_with_variant_count(store=store),
    "product_table": lambda store, mine: selectors.product_table(store=store),
    "product_details": lambda store, mine: selectors.product_details(store=store),
    "product_variants": lambda store, mine: selectors.product_variants(store=store, product=mine["product"]),
    "product_images": lambda store, mine: selectors.product_images(store=store),
    "categories": lambda store, mine: selectors.categories(store=store),
    "active_categories": lambda store, mine: selectors.categories(store=store, active_only=True),
    "categories_with_product_count": lambda store, mine: selectors.categories_with_product_count(store=store),
    "attributes": lambda store, mine: selectors.attributes(store=store),
    "attributes_with_values": lambda store, mine: selectors.attributes_with_values(store=store),
    "attributes_with_value_count": lambda store, mine: selectors.attributes_with_value_count(store=store),
    "attribute_values": lambda store, mine: selectors.attribute_values(store=store),
}


@pytest.mark.parametrize("name", QUERYSETS)
def test_a_selector_reads_only_its_stores_rows(world, store, other_store, name):
    mine, _theirs = world

    rows = list(QUERYSETS[name](store, mine))  # evaluated outside any scope

    assert rows
    assert {row.store_id for row in rows} == {store.pk}


def test_active_categories_leave_out_hidden_ones_and_other_stores(world, store, other_store):
    hidden = CategoryFactory(store=store, name_en="Hidden", is_active=False)
    CategoryFactory(store=other_store, name_en="Theirs")

    rows = set(selectors.categories(store=store, active_only=True))

    assert rows == {world[0]["parent"], world[0]["child"]}
    assert hidden in set(selectors.categories(store=store))


def test_lookups_by_an_id_from_the_url_find_nothing_of_another_store(world, store):
    _mine, theirs = world

    assert not selectors.product_images(store=store, product_id=theirs["product"].pk).exists()
    assert not selectors.attribute_values(store=store, attribute_id=theirs["size"].pk).exists()
    assert not selectors.products(store=store).filter(pk=theirs["product"].pk).exists()


def test_counts_and_rows_stay_in_the_store(world, store, other_store):
    mine, theirs = world

    counts = selectors.category_product_counts(store=store)
    rows = selectors.category_rows(store=store)
    without_parent = selectors.category_rows(store=store, without=mine["parent"])

    assert counts == {mine["parent"].pk: 0, mine["child"].pk: 1}
    assert [(category.pk, depth) for category, depth in rows] == [(mine["parent"].pk, 0), (mine["child"].pk, 1)]
    assert without_parent == []
    assert selectors.subcategory_count(store=store, category=mine["parent"]) == 1
    assert selectors.subcategory_count(store=store, category=theirs["parent"]) == 0


def test_missing_product_ids_names_another_stores_ids_and_unknown_ones(world, store):
    mine, theirs = world

    missing = selectors.missing_product_ids(store=store, ids=[mine["product"].pk, theirs["product"].pk, 10**9])

    assert missing == [theirs["product"].pk, 10**9]


def test_variant_stock_is_read_in_one_query(world, store):
    products = list(selectors.product_details(store=store))

    with CaptureQueriesContext(connection) as queries:
        stock = selectors.variant_stock(store=store, products=products)

    assert len(queries) == 1
    assert set(stock) == {variant.stock_item_id for product in products for variant in product.variants.all()}


@pytest.mark.parametrize("name", ["product_table", "product_details"])
def test_a_page_of_products_costs_the_same_queries_whatever_its_length(store, name):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            for product in QUERYSETS[name](store, {}):
                list(product.variants.all())
                list(product.categories.all())
        return len(queries)

    ProductFactory(store=store, categories=[CategoryFactory(store=store)])
    few = count()
    for _ in range(3):
        ProductFactory(store=store, categories=[CategoryFactory(store=store)])

    assert count() == few

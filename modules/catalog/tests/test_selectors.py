"""Reads for the store side and the interface other modules use: results, query counts, and no leaks between stores."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_scopes import scope

from modules.catalog import interface, selectors, services
from modules.catalog.services import VariantInput
from modules.catalog.tests.factories import (
    AttributeFactory,
    AttributeValueFactory,
    CategoryFactory,
    ProductFactory,
    ProductImageFactory,
)
from modules.inventory import services as inventory_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _catalog_on(enable):
    enable("catalog")


def receive(store, product, quantities, *, threshold=None, reserved=0):
    """Put stock on the product's variants (in order) at a location; optionally reserve some of the first."""
    with scope(store=store):
        location = inventory_services.location_create(store=store, actor=None, name="Main", code=f"main-{product.pk}")
        variants = list(product.variants.all())
        for variant, quantity in zip(variants, quantities, strict=True):
            inventory_services.stock_item_update(store=store, item=variant.stock_item_id, low_stock_threshold=threshold)
            if quantity:
                inventory_services.stock_adjust(
                    store=store,
                    actor=None,
                    item=variant.stock_item_id,
                    location=location,
                    reason="received",
                    delta=quantity,
                )
        if reserved:
            inventory_services.reservation_create(
                store=store, item=variants[0].stock_item_id, quantity=reserved, reference="cart-1"
            )


def untrack(store, product):
    with scope(store=store):
        for variant in product.variants.all():
            inventory_services.stock_item_update(store=store, item=variant.stock_item_id, track_stock=False)


def sized(store, title, skus, **values):
    attribute = AttributeFactory(store=store)
    options = [AttributeValueFactory(attribute=attribute, value_en=sku) for sku in skus]
    return ProductFactory(
        store=store,
        title_en=title,
        option_attributes=[attribute],
        variants=[
            VariantInput(sku=sku, option_values=[v], position=i)
            for i, (sku, v) in enumerate(zip(skus, options, strict=True))
        ],
        **values,
    )


# --- Categories -------------------------------------------------------------------------------


def test_category_tree_nests_children_with_depth_in_one_query(store, other_store, django_assert_num_queries):
    shoes = CategoryFactory(store=store, name_en="Shoes", position=1)
    CategoryFactory(store=store, name_en="Bags", position=0)
    boots = CategoryFactory(store=store, name_en="Boots", parent=shoes)
    CategoryFactory(store=store, name_en="Winter boots", parent=boots)
    CategoryFactory(store=other_store, name_en="Elsewhere")
    with django_assert_num_queries(1):
        tree = selectors.category_tree(store=store)
    assert [(node.category.name_en, node.depth) for root in tree for node in root.walk()] == [
        ("Bags", 0),
        ("Shoes", 0),
        ("Boots", 1),
        ("Winter boots", 2),
    ]


def test_category_tree_active_only_drops_hidden_branches(store):
    shoes = CategoryFactory(store=store, name_en="Shoes")
    hidden = CategoryFactory(store=store, name_en="Hidden", parent=shoes, is_active=False)
    CategoryFactory(store=store, name_en="Under hidden", parent=hidden)
    CategoryFactory(store=store, name_en="Off", is_active=False)
    tree = selectors.category_tree(store=store, active_only=True)
    assert [node.category.name_en for root in tree for node in root.walk()] == ["Shoes"]


def test_category_descendant_ids_stay_in_the_store(store, other_store, django_assert_num_queries):
    top = CategoryFactory(store=store)
    child = CategoryFactory(store=store, parent=top)
    grandchild = CategoryFactory(store=store, parent=child)
    CategoryFactory(store=store)
    foreign = CategoryFactory(store=other_store)
    with django_assert_num_queries(1):
        assert sorted(selectors.category_descendant_ids(store=store, category=top)) == [top.pk, child.pk, grandchild.pk]
    assert selectors.category_descendant_ids(store=store, category=grandchild.pk) == [grandchild.pk]
    assert selectors.category_descendant_ids(store=store, category=foreign) == []


# --- Product list -----------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_product_list_annotates_a_row_in_one_query(store, media):
    shirt = sized(store, "Shirt", ["S", "M", "L"])
    receive(store, shirt, [5, 0, 3], reserved=2)
    second = ProductImageFactory(store=store, product=shirt, position=1)
    first = ProductImageFactory(store=store, product=shirt, position=0)
    service = ProductFactory(store=store, title_en="Gift wrap")
    untrack(store, service)
    ProductFactory(store=store, title_en="Bare")
    with CaptureQueriesContext(connection) as queries:
        rows = {p.title_en: p for p in selectors.product_list(store=store)}
    assert len(queries) == 1
    assert rows["Shirt"].variant_count == 3
    assert (rows["Shirt"].available_stock, rows["Shirt"].tracks_stock) == (6, True)
    assert rows["Shirt"].first_thumbnail == first.thumbnail.name != second.thumbnail.name
    assert (rows["Gift wrap"].available_stock, rows["Gift wrap"].tracks_stock) == (0, False)
    assert (rows["Bare"].variant_count, rows["Bare"].first_thumbnail, rows["Bare"].available_stock) == (1, None, 0)


def test_product_list_query_count_does_not_grow_with_products(store, media):
    for n in range(2):
        receive(store, sized(store, f"P{n}", [f"A{n}", f"B{n}"]), [1, 1])
    with CaptureQueriesContext(connection) as few:
        list(selectors.product_list(store=store))
    for n in range(2, 8):
        receive(store, sized(store, f"P{n}", [f"A{n}", f"B{n}"]), [1, 1])
    with CaptureQueriesContext(connection) as many:
        assert len(list(selectors.product_list(store=store))) == 8
    assert len(few) == len(many) == 1


def test_product_list_leaks_nothing_between_stores(store, other_store):
    ProductFactory(store=store, title_en="Mine")
    ProductFactory(store=other_store, title_en="Theirs")
    assert [p.title_en for p in selectors.product_list(store=store)] == ["Mine"]
    assert [p.title_en for p in selectors.product_list(store=other_store)] == ["Theirs"]


def test_stock_filters(store):
    plenty = ProductFactory(store=store, title_en="Plenty")
    receive(store, plenty, [50], threshold=5)
    low = ProductFactory(store=store, title_en="Low")
    receive(store, low, [6], threshold=5, reserved=2)
    held = ProductFactory(store=store, title_en="All reserved")
    receive(store, held, [2], reserved=2)
    untracked = ProductFactory(store=store, title_en="Untracked")
    untrack(store, untracked)
    ProductFactory(store=store, title_en="Empty")
    base = selectors.product_list(store=store)
    assert sorted(p.title_en for p in selectors.in_stock(base)) == ["Low", "Plenty", "Untracked"]
    assert sorted(p.title_en for p in selectors.out_of_stock(base)) == ["All reserved", "Empty"]
    assert sorted(p.title_en for p in selectors.low_stock(base)) == ["Low"]


def test_product_search_needs_every_word_and_stays_in_the_store(store, other_store):
    ProductFactory(store=store, title_en="Red wool scarf", sku="SC-1")
    ProductFactory(store=store, title_en="Red mug", description_de="<p>Rote Tasse aus Wolle</p>", sku="MUG-9")
    ProductFactory(store=other_store, title_en="Red wool scarf", sku="SC-1")
    base = selectors.product_list(store=store)
    titles = lambda q: sorted(p.title_en for p in selectors.product_search(base, q))  # noqa: E731
    assert titles("red") == ["Red mug", "Red wool scarf"]
    assert titles("red wool") == ["Red wool scarf"]
    assert titles("tasse") == ["Red mug"]
    assert titles("MUG-9") == ["Red mug"]
    assert titles("  ") == ["Red mug", "Red wool scarf"]
    assert titles("green") == []


# --- Interface ----------------------------------------------------------------------------------


def test_variant_info_describes_variants_by_id(store, django_assert_num_queries):
    shirt = sized(store, "Shirt", ["SH-S", "SH-M"], status="active", price_cents=2000)
    with scope(store=store):
        small, medium = shirt.variants.all()
        services.product_update(
            store=store,
            actor=None,
            product=shirt,
            values={},
            variants=[
                VariantInput(id=small.pk, sku="SH-S", option_values=list(small.option_values.all())),
                VariantInput(
                    id=medium.pk, sku="SH-M", price_cents=2500, option_values=list(medium.option_values.all())
                ),
            ],
        )
    with django_assert_num_queries(2):
        infos = interface.variant_info(store=store, variant_ids=[small.pk, medium.pk, 999999])
    assert infos[small.pk] == interface.VariantInfo(
        variant_id=small.pk,
        product_id=shirt.pk,
        sku="SH-S",
        title="Shirt – SH-S",
        price_cents=2000,
        currency="EUR",
        stock_item_id=small.stock_item_id,
        is_active=True,
    )
    assert (infos[medium.pk].price_cents, set(infos)) == (2500, {small.pk, medium.pk})


def test_variant_info_of_a_draft_is_not_active_and_titles_follow_the_language(store):
    product = ProductFactory(store=store, title_en="Mug", title_de="Tasse", sku="MUG")
    with scope(store=store):
        variant = product.variants.get()
    with translation.override("de"):
        info = interface.variant_info(store=store, variant_ids=[variant.pk])[variant.pk]
    assert (info.title, info.is_active) == ("Tasse", False)


def test_variant_info_and_find_by_sku_leak_nothing_between_stores(store, other_store):
    ProductFactory(store=store, sku="SAME")
    theirs = ProductFactory(store=other_store, sku="SAME")
    with scope(store=other_store):
        their_variant = theirs.variants.get()
    assert interface.variant_info(store=store, variant_ids=[their_variant.pk]) == {}
    assert interface.find_variant_by_sku(store=store, sku="SAME").variant_id != their_variant.pk
    assert interface.find_variant_by_sku(store=other_store, sku=" SAME ").variant_id == their_variant.pk
    assert interface.find_variant_by_sku(store=store, sku="NOPE") is None
    assert interface.variant_info(store=store, variant_ids=[]) == {}


# --- Admin: read-only, each platform admin confined to their platforms --------------------------


def admin_url(name, *args):
    from django.urls import reverse

    return reverse(f"admin:catalog_{name}", args=args)


def test_admin_shows_products_read_only(admin_client, store, media):
    product = ProductFactory(store=store, title_en="Mug", sku="MUG-1")
    ProductImageFactory(store=store, product=product)
    page = admin_client.get(admin_url("product_change", product.pk))
    assert page.status_code == 200
    assert b"MUG-1" in page.content and b"thumbs/" in page.content
    assert admin_client.get(admin_url("product_add")).status_code == 403
    assert admin_client.post(admin_url("product_change", product.pk), {"title_en": "Changed"}).status_code == 403
    assert admin_client.post(admin_url("product_delete", product.pk), {"post": "yes"}).status_code == 403
    with scope(store=store):
        product.refresh_from_db()
    assert product.title_en == "Mug"
    for name in ("category_changelist", "attribute_changelist"):
        assert admin_client.get(admin_url(name)).status_code == 200


def test_platform_admins_see_only_their_platforms_catalogue(client, store, other_platform):
    from modules.tenancy.models import PlatformStaff
    from modules.tenancy.testing import make_store, make_user

    elsewhere = make_store(other_platform, "zulu")
    ours = ProductFactory(store=store, title_en="Ours", sku="OUR-SKU")
    theirs = ProductFactory(store=elsewhere, title_en="Theirs")
    CategoryFactory(store=elsewhere, name_en="Their category")
    staff = make_user("admin@main.test", is_staff=True)
    PlatformStaff.objects.create(platform=store.platform, user=staff)
    client.force_login(staff)
    listed = client.get(admin_url("product_changelist"))
    assert [p.title_en for p in listed.context["cl"].queryset] == ["Ours"]
    own_page = client.get(admin_url("product_change", ours.pk))
    assert own_page.status_code == 200 and b"OUR-SKU" in own_page.content  # with its variants inline
    assert client.get(admin_url("product_change", theirs.pk)).status_code == 302  # "not found", back to the index
    assert list(client.get(admin_url("category_changelist")).context["cl"].queryset) == []

"""The rules catalog's services enforce: variants and SKUs, stock items, sanitising, limits, status, categories, attributes."""

from __future__ import annotations

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django_scopes import scope, scopes_disabled

from modules.catalog import events, services
from modules.catalog.exceptions import (
    ActiveProductLimitError,
    AttributeInUseError,
    AttributeNotFoundError,
    CategoryCycleError,
    CategoryNotFoundError,
    DuplicateSkuError,
    ProductNotDraftError,
    ProductNotFoundError,
)
from modules.catalog.models import Attribute, AttributeValue, Product, Variant
from modules.catalog.services import VariantInput
from modules.catalog.tests.factories import AttributeFactory, AttributeValueFactory, CategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _catalog_on(enable):
    enable("catalog")


@pytest.fixture
def size(store):
    attribute = AttributeFactory(store=store, name_en="Size", slug="size")
    return attribute, [AttributeValueFactory(attribute=attribute, value_en=v, slug=v.lower()) for v in ("S", "M", "L")]


@pytest.fixture
def colour(store):
    attribute = AttributeFactory(store=store, name_en="Colour", slug="colour")
    return attribute, [AttributeValueFactory(attribute=attribute, value_en=v, slug=v.lower()) for v in ("Red", "Blue")]


def stock_items(store) -> dict[str, tuple[str, bool]]:
    """The store's stock items: sku -> (name, is_active), read with the inventory models only in tests."""
    from modules.inventory.models import StockItem

    with scopes_disabled():
        return {i.sku: (i.name, i.is_active) for i in StockItem.objects.filter(store=store)}


def create(store, **values):
    return ProductFactory(store=store, **values)


@pytest.fixture
def sent():
    """Events sent, as (signal name, kwargs) in order; on_commit callbacks run in tests with captured callbacks."""
    calls = []

    def published(sender, **kwargs):
        calls.append(("published", kwargs))

    def archived(sender, **kwargs):
        calls.append(("archived", kwargs))

    events.product_published.connect(published)
    events.product_archived.connect(archived)
    yield calls
    events.product_published.disconnect(published)
    events.product_archived.disconnect(archived)


# --- Products: create ------------------------------------------------------------


def test_product_create_makes_a_default_variant_with_its_stock_item(store):
    product = create(store, title_en="Blue Mug", title_de="Blaue Tasse", sku="MUG-1", price_cents=1250)

    with scope(store=store):
        variant = Variant.objects.get(product=product)
    assert (product.slug, product.currency, product.status) == ("blue-mug", "EUR", "draft")
    assert variant.sku == "MUG-1" and variant.stock_item_id is not None
    assert stock_items(store) == {"MUG-1": ("Blue Mug", True)}
    assert product.search_document.split("\n") == ["Blue Mug", "Blaue Tasse", "MUG-1"]
    assert product.published_at is None


def test_product_create_numbers_slugs_taken_in_the_store_only(store, other_store):
    create(other_store, title_en="Mug")
    slugs = [create(store, title_en="Mug").slug for _ in range(3)]
    assert slugs == ["mug", "mug-2", "mug-3"]


def test_product_create_refuses_a_slug_given_but_taken(store):
    create(store, title_en="Mug", slug="mug")
    with pytest.raises(ValidationError) as caught:
        create(store, title_en="Cup", slug="mug")
    assert list(caught.value.message_dict) == ["slug"]


def test_product_create_needs_the_english_title_and_a_sku(store):
    with pytest.raises(ValidationError) as caught:
        create(store, title_en="", title_de="Tasse")
    assert list(caught.value.message_dict) == ["title_en"]
    with pytest.raises(ValidationError) as caught:
        create(store, title_en="Mug", sku="  ")
    assert list(caught.value.message_dict) == ["sku"]


@pytest.mark.parametrize("field", ["price_cents", "compare_at_price_cents"])
def test_product_create_refuses_negative_prices(store, field):
    with pytest.raises(ValidationError) as caught:
        create(store, title_en="Mug", **{field: -1})
    assert field in caught.value.message_dict
    with scope(store=store):
        assert not Product.objects.exists()


def test_product_create_refuses_negative_variant_prices_by_field_path(store, size):
    attribute, (small, medium, _large) = size
    with pytest.raises(ValidationError) as caught:
        create(
            store,
            option_attributes=[attribute],
            variants=[
                VariantInput(sku="A", option_values=[small]),
                VariantInput(sku="B", price_cents=-5, option_values=[medium]),
            ],
        )
    assert list(caught.value.message_dict) == ["variants[1].price_cents"]


def test_product_create_sanitises_every_language_of_the_description(store):
    product = create(
        store,
        title_en="Mug",
        description_en='<p onclick="steal()">Nice <a href="https://example.com" target="_blank">mug</a></p><script>alert(1)</script>',
        description_fr='<p>Belle <a href="javascript:alert(1)">tasse</a></p><style>p{}</style><img src=x onerror=alert(1)>',
    )
    assert product.description_en == (
        '<p>Nice <a href="https://example.com" rel="noopener noreferrer nofollow">mug</a></p>'
    )
    assert product.description_fr == '<p>Belle <a rel="noopener noreferrer nofollow">tasse</a></p>'
    assert "Nice mug" in product.search_document and "Belle tasse" in product.search_document
    assert "alert" not in product.search_document


def test_product_create_with_options_makes_one_variant_per_combination(store, size, colour):
    (sizes, (small, medium, _)), (colours, (red, blue)) = size, colour
    product = create(
        store,
        title_en="Shirt",
        option_attributes=[sizes, colours],
        variants=[
            VariantInput(sku="SH-S-R", option_values=[small, red], position=0),
            VariantInput(sku="SH-M-B", option_values=[medium.pk, blue.pk], price_cents=1500, position=1),
        ],
    )
    with scope(store=store):
        variants = list(product.variants.prefetch_related("option_values"))
    assert [(v.sku, sorted(o.slug for o in v.option_values.all()), v.price_cents) for v in variants] == [
        ("SH-S-R", ["red", "s"], None),
        ("SH-M-B", ["blue", "m"], 1500),
    ]
    assert stock_items(store) == {"SH-S-R": ("Shirt / S / Red", True), "SH-M-B": ("Shirt / M / Blue", True)}
    assert product.search_document.endswith("SH-S-R\nSH-M-B")


@pytest.mark.parametrize(
    ("picked", "field"),
    [
        pytest.param(lambda s, c: [s[0]], "variants[0].option_values", id="missing-an-option"),
        pytest.param(lambda s, c: [s[0], s[1], c[0]], "variants[0].option_values", id="two-values-of-one-option"),
        pytest.param(lambda s, c: [s[0], c[0]], "variants[1].option_values", id="same-combination-twice"),
    ],
)
def test_product_create_refuses_variants_not_one_value_of_each_option(store, size, colour, picked, field):
    (sizes, size_values), (colours, colour_values) = size, colour
    first = picked(size_values, colour_values)
    with pytest.raises(ValidationError) as caught:
        create(
            store,
            option_attributes=[sizes, colours],
            variants=[
                VariantInput(sku="A", option_values=first),
                VariantInput(sku="B", option_values=[size_values[0], colour_values[0]]),
            ],
        )
    assert field in caught.value.message_dict


def test_product_create_refuses_option_values_of_another_store(store, other_store, size):
    attribute, (small, *_rest) = size
    foreign = AttributeValueFactory(attribute=AttributeFactory(store=other_store))
    with pytest.raises(ValidationError) as caught:
        create(store, option_attributes=[attribute], variants=[VariantInput(sku="A", option_values=[foreign])])
    assert list(caught.value.message_dict) == ["variants[0].option_values"]
    with pytest.raises(ValidationError) as caught:
        create(store, categories=[CategoryFactory(store=other_store)])
    assert list(caught.value.message_dict) == ["categories"]


def test_product_create_without_options_refuses_several_variants(store):
    with pytest.raises(ValidationError) as caught:
        create(store, variants=[VariantInput(sku="A"), VariantInput(sku="B")])
    assert list(caught.value.message_dict) == ["variants"]


# --- SKUs --------------------------------------------------------------------------


def test_duplicate_sku_of_another_product_is_refused_on_the_sku_field(store, other_store):
    create(other_store, sku="MUG-1")  # another store: no clash
    create(store, title_en="Mug", sku="MUG-1")
    with pytest.raises(DuplicateSkuError) as caught:
        create(store, title_en="Cup", sku="MUG-1")
    assert list(caught.value.errors) == ["sku"]
    assert "Mug" in caught.value.errors["sku"][0]


def test_duplicate_sku_in_the_third_variant_writes_nothing(store, size, colour):
    create(store, title_en="Other", sku="TAKEN")
    (sizes, (small, medium, large)), _ = size, colour
    before = stock_items(store)
    with pytest.raises(DuplicateSkuError) as caught:
        create(
            store,
            title_en="Shirt",
            option_attributes=[sizes],
            variants=[
                VariantInput(sku="SH-S", option_values=[small]),
                VariantInput(sku="SH-M", option_values=[medium]),
                VariantInput(sku="TAKEN", option_values=[large]),
            ],
        )
    assert caught.value.code == "duplicate_sku"
    assert caught.value.errors == {"variants[2].sku": [caught.value.errors["variants[2].sku"][0]]}
    with scope(store=store):
        assert list(Product.objects.values_list("title_en", flat=True)) == ["Other"]
        assert list(Variant.objects.values_list("sku", flat=True)) == ["TAKEN"]
    assert stock_items(store) == before


def test_duplicate_sku_within_the_submitted_variants_is_refused(store, size):
    sizes, (small, medium, large) = size
    with pytest.raises(DuplicateSkuError) as caught:
        create(
            store,
            option_attributes=[sizes],
            variants=[
                VariantInput(sku="X", option_values=[small]),
                VariantInput(sku="Y", option_values=[medium]),
                VariantInput(sku="X", option_values=[large]),
            ],
        )
    assert list(caught.value.errors) == ["variants[2].sku"]
    assert stock_items(store) == {}


def test_sku_held_by_a_retired_stock_item_is_refused_cleanly(store):
    product = create(store, sku="OLD")
    with scope(store=store):
        services.product_delete(store=store, actor=None, product=product)
    with pytest.raises(DuplicateSkuError) as caught:
        create(store, sku="OLD")
    assert list(caught.value.errors) == ["sku"]


# --- Products: update ------------------------------------------------------------


def test_product_update_changes_fields_and_keeps_stock_item_in_sync(store):
    product = create(store, title_en="Mug", sku="MUG-1")
    with scope(store=store):
        updated = services.product_update(
            store=store,
            actor=None,
            product=product,
            values={"title_en": "Big Mug", "sku": "MUG-BIG", "price_cents": 1500},
        )
        variant = updated.variants.get()
    assert (updated.title_en, updated.price_cents, updated.slug, variant.sku) == ("Big Mug", 1500, "mug", "MUG-BIG")
    assert stock_items(store) == {"MUG-BIG": ("Big Mug", True)}
    assert "Big Mug" in updated.search_document and "MUG-BIG" in updated.search_document
    assert "MUG-1" not in updated.search_document


def test_product_update_variant_set_updates_creates_and_deletes(store, size):
    sizes, (small, medium, large) = size
    product = create(
        store,
        title_en="Shirt",
        option_attributes=[sizes],
        variants=[VariantInput(sku="S", option_values=[small]), VariantInput(sku="M", option_values=[medium])],
    )
    with scope(store=store):
        s_variant, m_variant = product.variants.all()
        services.product_update(
            store=store,
            actor=None,
            product=product,
            values={},
            variants=[
                VariantInput(id=s_variant.pk, sku="S2", option_values=[small], price_cents=900),
                VariantInput(sku="L", option_values=[large], position=2),
            ],
        )
        rows = list(Variant.objects.filter(product=product).values_list("pk", "sku", "price_cents"))
    assert rows[0] == (s_variant.pk, "S2", 900)
    assert [r[1] for r in rows] == ["S2", "L"]
    assert stock_items(store) == {
        "S2": ("Shirt / S", True),
        "M": ("Shirt / M", False),  # retired with its variant
        "L": ("Shirt / L", True),
    }


def test_product_update_swaps_skus_between_variants(store, size):
    sizes, (small, medium, _large) = size
    product = create(
        store,
        title_en="Shirt",
        option_attributes=[sizes],
        variants=[VariantInput(sku="A", option_values=[small]), VariantInput(sku="B", option_values=[medium])],
    )
    with scope(store=store):
        first, second = product.variants.all()
        services.product_update(
            store=store,
            actor=None,
            product=product,
            values={},
            variants=[
                VariantInput(id=first.pk, sku="B", option_values=[small]),
                VariantInput(id=second.pk, sku="A", option_values=[medium]),
            ],
        )
        assert dict(Variant.objects.values_list("pk", "sku")) == {first.pk: "B", second.pk: "A"}
    assert stock_items(store) == {"B": ("Product 0 / S", True), "A": ("Product 0 / M", True)} or set(
        stock_items(store)
    ) == {"A", "B"}


def test_product_update_refuses_a_variant_id_of_another_product(store):
    product, other = create(store, sku="A"), create(store, sku="B")
    with scope(store=store):
        foreign = other.variants.get()
        with pytest.raises(ValidationError) as caught:
            services.product_update(
                store=store, actor=None, product=product, values={}, variants=[VariantInput(id=foreign.pk, sku="A")]
            )
    assert list(caught.value.message_dict) == ["id"]


def test_product_update_refuses_options_the_existing_variants_lack(store, size):
    sizes, _values = size
    product = create(store, sku="A")
    with scope(store=store), pytest.raises(ValidationError) as caught:
        services.product_update(store=store, actor=None, product=product, values={}, option_attributes=[sizes])
    assert "variants[0].option_values" in caught.value.message_dict


def test_product_update_refuses_another_stores_product(store, other_store):
    product = create(other_store)
    with scope(store=store), pytest.raises(ProductNotFoundError):
        services.product_update(store=store, actor=None, product=product, values={"price_cents": 1})


def test_product_update_error_leaves_the_product_as_it_was(store):
    product = create(store, title_en="Mug", sku="A")
    create(store, sku="B")
    with scope(store=store):
        with pytest.raises(DuplicateSkuError):
            services.product_update(store=store, actor=None, product=product, values={"title_en": "Cup", "sku": "B"})
        product.refresh_from_db()
    assert (product.title_en, product.search_document) == ("Mug", "Mug\nA")


# --- Status, publishing and the limit ---------------------------------------------------


def test_published_at_is_set_the_first_time_only_and_events_follow_commit(
    store, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        product = create(store, status="active")
    first = product.published_at
    assert first is not None
    with scope(store=store), django_capture_on_commit_callbacks(execute=True):
        services.products_set_status(store=store, actor=None, product_ids=[product.pk], status="archived")
        services.products_set_status(store=store, actor=None, product_ids=[product.pk], status="active")
        product.refresh_from_db()
    assert product.published_at == first
    assert [(name, kwargs["product_id"], kwargs.get("first_time")) for name, kwargs in sent] == [
        ("published", product.pk, True),
        ("archived", product.pk, None),
        ("published", product.pk, False),
    ]
    assert sent[0][1]["store_id"] == store.pk and sent[0][1]["platform"] == store.platform


def test_events_are_not_sent_when_the_transaction_rolls_back(store, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        create(store, status="active")
    assert sent == []  # queued for commit, not sent
    for callback in callbacks:
        callback()
    assert [name for name, _kwargs in sent] == ["published"]


def test_products_set_status_is_all_or_nothing(store, other_store):
    mine, foreign = create(store), create(other_store)
    with scope(store=store):
        with pytest.raises(ProductNotFoundError):
            services.products_set_status(store=store, actor=None, product_ids=[mine.pk, foreign.pk], status="active")
        mine.refresh_from_db()
        assert mine.status == "draft"
        assert services.products_set_status(store=store, actor=None, product_ids=[mine.pk], status="active") == 1
        assert services.products_set_status(store=store, actor=None, product_ids=[mine.pk], status="active") == 0


def test_products_set_status_refuses_an_unknown_status(store):
    product = create(store)
    with scope(store=store), pytest.raises(ValidationError):
        services.products_set_status(store=store, actor=None, product_ids=[product.pk], status="deleted")


@pytest.fixture
def limit_of(monkeypatch):
    def set_limit(value):
        monkeypatch.setattr("modules.catalog.limits.store_limit", lambda store, name: value)

    return set_limit


def test_active_product_limit_refuses_creating_one_more_active(store, limit_of):
    limit_of(2)
    create(store, status="active"), create(store, status="active")
    create(store, status="draft")  # drafts do not count
    with pytest.raises(ActiveProductLimitError) as caught:
        create(store, status="active", sku="OVER")
    assert (caught.value.code, caught.value.status) == ("active_product_limit_reached", 403)
    assert "2" in caught.value.message
    assert "OVER" not in stock_items(store)


def test_active_product_limit_on_update_and_bulk_publish_changes_nothing(store, limit_of):
    limit_of(2)
    create(store, status="active")
    drafts = [create(store) for _ in range(2)]
    with scope(store=store):
        with pytest.raises(ActiveProductLimitError):
            services.products_set_status(store=store, actor=None, product_ids=[d.pk for d in drafts], status="active")
        assert Product.objects.filter(status="active").count() == 1
        services.product_update(store=store, actor=None, product=drafts[0], values={"status": "active"})
        with pytest.raises(ActiveProductLimitError):
            services.product_update(store=store, actor=None, product=drafts[1], values={"status": "active"})
        # Saving an already active product again is not activating one more.
        services.product_update(store=store, actor=None, product=drafts[0], values={"price_cents": 5})


def test_active_product_limit_falls_back_to_the_module_config(store, limit_of, monkeypatch):
    from modules.catalog import limits

    limit_of(None)
    monkeypatch.setattr(limits, "get_module_config", lambda code: {"active_product_limit": 1})
    create(store, status="active")
    with pytest.raises(ActiveProductLimitError):
        create(store, status="active")
    monkeypatch.setattr(limits, "get_module_config", lambda code: {"active_product_limit": 0})
    create(store, status="active")  # 0: unlimited


def test_active_product_limit_counts_per_store(store, other_store, limit_of):
    limit_of(1)
    create(other_store, status="active")
    create(store, status="active")


# --- Deleting ----------------------------------------------------------------------------


def test_product_delete_retires_its_stock_items(store):
    product = create(store, title_en="Mug", sku="GONE")
    with scope(store=store):
        services.product_delete(store=store, actor=None, product=product)
        assert not Product.objects.exists() and not Variant.objects.exists()
    assert stock_items(store) == {"GONE": ("Mug", False)}


def test_products_delete_drafts_refuses_a_batch_with_an_active_product(store):
    draft, active = create(store), create(store, status="active")
    with scope(store=store):
        with pytest.raises(ProductNotDraftError):
            services.products_delete_drafts(store=store, actor=None, product_ids=[draft.pk, active.pk])
        assert Product.objects.count() == 2
        assert services.products_delete_drafts(store=store, actor=None, product_ids=[draft.pk]) == 1
        assert list(Product.objects.all()) == [active]


# --- Categories ----------------------------------------------------------------------------


def category(store, name, parent=None, **values):
    with scope(store=store):
        return services.category_create(store=store, actor=None, values={"name_en": name, **values}, parent=parent)


def test_category_create_makes_unique_slugs_and_sanitises_descriptions(store):
    first = category(store, "Shoes", description_en="<p>All <script>x</script>shoes</p>")
    second = category(store, "Shoes")
    assert (first.slug, second.slug) == ("shoes", "shoes-2")
    assert first.description_en == "<p>All shoes</p>"


def test_category_parent_must_be_of_the_same_store(store, other_store):
    foreign = category(other_store, "Elsewhere")
    with pytest.raises(ValidationError) as caught:
        category(store, "Shoes", parent=foreign)
    assert list(caught.value.message_dict) == ["parent"]


@pytest.mark.parametrize("target", ["itself", "grandchild"])
def test_category_update_refuses_a_cycle(store, target):
    top = category(store, "Top")
    child = category(store, "Child", parent=top)
    grandchild = category(store, "Grandchild", parent=child)
    new_parent = top if target == "itself" else grandchild
    with scope(store=store), pytest.raises(CategoryCycleError) as caught:
        services.category_update(store=store, actor=None, category=top, values={}, parent=new_parent)
    assert caught.value.errors.keys() == {"parent"}


def test_category_update_moves_and_keeps_parent_when_left_out(store):
    top, other = category(store, "Top"), category(store, "Other")
    child = category(store, "Child", parent=top)
    with scope(store=store):
        moved = services.category_update(store=store, actor=None, category=child, values={}, parent=other)
        renamed = services.category_update(store=store, actor=None, category=moved, values={"name_de": "Kind"})
        to_top = services.category_update(store=store, actor=None, category=renamed, values={}, parent=None)
    assert (moved.parent_id, renamed.parent_id, renamed.name_de, to_top.parent_id) == (other.pk, other.pk, "Kind", None)


def test_category_delete_moves_children_up_and_keeps_products(store):
    top = category(store, "Top")
    middle = category(store, "Middle", parent=top)
    child = category(store, "Child", parent=middle)
    product = create(store, categories=[middle, child])
    with scope(store=store):
        services.category_delete(store=store, actor=None, category=middle)
        child.refresh_from_db()
        assert child.parent_id == top.pk
        assert list(product.categories.all()) == [child]


# --- Attributes ---------------------------------------------------------------------------


def test_attribute_and_value_slugs_are_unique_per_store_and_attribute(store, other_store):
    with scope(store=store):
        size = services.attribute_create(store=store, actor=None, values={"name_en": "Size"})
        again = services.attribute_create(store=store, actor=None, values={"name_en": "Size"})
        small = services.attribute_value_create(store=store, actor=None, attribute=size, values={"value_en": "S"})
        other_small = services.attribute_value_create(
            store=store, actor=None, attribute=again, values={"value_en": "S"}
        )
        with pytest.raises(ValidationError) as caught:
            services.attribute_value_create(
                store=store, actor=None, attribute=size, values={"value_en": "Small", "slug": "s"}
            )
    with scope(store=other_store):
        elsewhere = services.attribute_create(store=other_store, actor=None, values={"name_en": "Size"})
    assert (size.slug, again.slug, elsewhere.slug) == ("size", "size-2", "size")
    assert (small.slug, other_small.slug) == ("s", "s")
    assert list(caught.value.message_dict) == ["slug"]


def test_attribute_value_used_by_a_variant_cannot_be_deleted(store, size):
    sizes, (small, medium, _large) = size
    create(store, option_attributes=[sizes], variants=[VariantInput(sku="A", option_values=[small])])
    with scope(store=store):
        with pytest.raises(AttributeInUseError) as caught:
            services.attribute_value_delete(store=store, actor=None, attribute_value=small)
        assert "1 variant" in caught.value.message
        services.attribute_value_delete(store=store, actor=None, attribute_value=medium)
        assert list(AttributeValue.objects.filter(attribute=sizes).values_list("slug", flat=True)) == ["s", "l"]


def test_attribute_that_is_a_products_option_cannot_be_deleted(store, size, colour):
    sizes, (small, *_rest) = size
    colours, _values = colour
    create(store, option_attributes=[sizes], variants=[VariantInput(sku="A", option_values=[small])])
    with scope(store=store):
        with pytest.raises(AttributeInUseError):
            services.attribute_delete(store=store, actor=None, attribute=sizes)
        services.attribute_delete(store=store, actor=None, attribute=colours)
        assert list(Attribute.objects.values_list("slug", flat=True)) == ["size"]


def test_attribute_update_refuses_another_stores_attribute(store, other_store):
    foreign = AttributeFactory(store=other_store)
    with scope(store=store), pytest.raises(AttributeNotFoundError):
        services.attribute_update(store=store, actor=None, attribute=foreign, values={"name_en": "Mine"})


def test_category_update_refuses_another_stores_category(store, other_store):
    foreign = CategoryFactory(store=other_store)
    with scope(store=store), pytest.raises(CategoryNotFoundError):
        services.category_update(store=store, actor=None, category=foreign, values={"name_en": "Mine"})


# --- Ids that cannot exist ---------------------------------------------------------------------


@pytest.mark.parametrize("bad_id", [2**80, -1, "abc", None], ids=["overflow", "negative", "text", "none"])
def test_ids_that_cannot_be_primary_keys_are_not_found_not_a_crash(store, size, bad_id):
    sizes, _values = size
    product = create(store)
    with scope(store=store):
        with pytest.raises(ProductNotFoundError):
            services.products_set_status(store=store, actor=None, product_ids=[product.pk, bad_id], status="active")
        with pytest.raises(ValidationError) as caught:
            services.product_update(store=store, actor=None, product=product, values={}, categories=[bad_id])
        assert list(caught.value.message_dict) == ["categories"]
    with pytest.raises(ValidationError) as caught:
        create(store, option_attributes=[sizes], variants=[VariantInput(sku="X", option_values=[bad_id])])
    assert list(caught.value.message_dict) == ["variants[0].option_values"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks (SQLite serialises writers anyway)")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_publishes_cannot_both_pass_the_limit(store, limit_of):
    """A publishes the last free slot and holds its transaction open; B must wait for it and then be refused."""
    limit_of(1)
    first, second = create(store), create(store)
    a_checked, outcome = threading.Event(), {}

    def publish(product, *, hold: bool) -> None:
        try:
            with transaction.atomic(), scope(store=store):
                services.products_set_status(store=store, actor=None, product_ids=[product.pk], status="active")
                if hold:
                    a_checked.set()
                    time.sleep(0.5)  # B runs now: without the lock it would count 0 active and pass
            outcome[product.pk] = "published"
        except ActiveProductLimitError:
            outcome[product.pk] = "refused"
        finally:
            connections.close_all()

    a = threading.Thread(target=publish, args=(first,), kwargs={"hold": True})
    a.start()
    assert a_checked.wait(5)
    b = threading.Thread(target=publish, args=(second,), kwargs={"hold": False})
    b.start()
    a.join(10), b.join(10)
    assert outcome == {first.pk: "published", second.pk: "refused"}
    with scopes_disabled():
        assert Product.objects.filter(store=store, status="active").count() == 1


def test_renaming_an_attribute_value_renames_the_stock_items_of_its_variants(store, size, colour):
    (sizes, (small, medium, _large)), (colours, (red, _blue)) = size, colour
    create(
        store,
        title_en="Shirt",
        option_attributes=[colours, sizes],
        variants=[
            VariantInput(sku="S-R", option_values=[red, small]),
            VariantInput(sku="M-R", option_values=[red, medium]),
        ],
    )
    with scope(store=store):
        services.attribute_value_update(store=store, actor=None, attribute_value=small, values={"value_de": "Klein"})
        assert stock_items(store)["S-R"] == ("Shirt / S / Red", True)  # only the default language names items
        services.attribute_value_update(store=store, actor=None, attribute_value=small, values={"value_en": "Small"})
    assert stock_items(store) == {"S-R": ("Shirt / Small / Red", True), "M-R": ("Shirt / M / Red", True)}


def test_a_new_english_title_renames_every_variants_stock_item(store, size):
    sizes, (small, medium, _large) = size
    product = create(
        store,
        title_en="Shirt",
        option_attributes=[sizes],
        variants=[VariantInput(sku="S", option_values=[small]), VariantInput(sku="M", option_values=[medium])],
    )
    with scope(store=store):
        services.product_update(store=store, actor=None, product=product, values={"title_de": "Hemd"})
        assert stock_items(store) == {"S": ("Shirt / S", True), "M": ("Shirt / M", True)}
        services.product_update(store=store, actor=None, product=product, values={"title_en": "Tee"})
    assert stock_items(store) == {"S": ("Tee / S", True), "M": ("Tee / M", True)}


def test_a_sku_taken_between_the_check_and_the_insert_is_a_duplicate_sku_error(store, monkeypatch):
    """The race the unique constraint settles: the check saw the SKU free, the insert finds it taken."""
    from modules.catalog.services import products as product_services

    create(store, title_en="First", sku="RACE")
    monkeypatch.setattr(product_services, "_check_skus", lambda **kwargs: None)
    with pytest.raises(DuplicateSkuError) as caught:
        create(store, title_en="Second", sku="RACE")
    assert list(caught.value.errors) == ["sku"]
    with scope(store=store):
        assert list(Product.objects.values_list("title_en", flat=True)) == ["First"]


# --- The description sanitiser ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        pytest.param(
            '<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>', id="js-mixed-case"
        ),
        pytest.param(
            '<a href="java&#x09;script:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>', id="js-entity"
        ),
        pytest.param(
            '<a href="data:text/html,<script>">x</a>', '<a rel="noopener noreferrer nofollow">x</a>', id="data-url"
        ),
        pytest.param(
            '<a href="/p" title="T" rel="opener" target="_blank" onclick="x()">x</a>',
            '<a href="/p" title="T" rel="noopener noreferrer nofollow">x</a>',
            id="link-attributes",
        ),
        pytest.param("<h1>Big</h1><h2>Ok</h2>", "Big<h2>Ok</h2>", id="h1-unwrapped"),
        pytest.param('<p style="color:red" class="x">Hi</p>', "<p>Hi</p>", id="style-and-class"),
        pytest.param(
            "<iframe src=//evil>inside</iframe><svg><script>1</script></svg>ok", "ok", id="dropped-with-content"
        ),
        pytest.param(
            "<ul><li><strong>a</strong></li></ul><blockquote>q</blockquote>",
            "<ul><li><strong>a</strong></li></ul><blockquote>q</blockquote>",
            id="allowed-kept",
        ),
        pytest.param("<!-- secret --><p>x</p>", "<p>x</p>", id="comments"),
    ],
)
def test_sanitize_html(given, kept):
    from modules.catalog.richtext import sanitize_html

    assert sanitize_html(given) == kept

"""The storefront's reads (``browsing``): only active products, visible categories, a product's page."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404
from django.utils import translation
from django_scopes import scope

from modules.catalog import browsing
from modules.catalog.browsing import StockState, StockStatus
from modules.catalog.models import Product
from modules.catalog.services import VariantInput
from modules.catalog.tests.factories import (
    AttributeFactory,
    AttributeValueFactory,
    CategoryFactory,
    ProductFactory,
    ProductImageFactory,
    ShopProductFactory,
    receive,
)
from modules.inventory import services as inventory_services
from modules.inventory.interface import Availability


@pytest.fixture(autouse=True)
def catalog(store, enable, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    enable("catalog")


# --- Helpers shared with test_storefront.py ------------------------------------------


def track(store: Any, variant: Any, *, tracked: bool = True, threshold: int | None = None) -> None:
    inventory_services.stock_item_update(
        store=store, item=variant.stock_item_id, track_stock=tracked, low_stock_threshold=threshold
    )


def make_sized_product(store: Any, title: str = "Tee", **values: Any) -> tuple[Product, dict[str, Any]]:
    """A product varying by size and colour: S/red and M/red at its price, M/blue with its own (sale) price."""
    size = AttributeFactory(store=store, name_en="Size", slug="size", position=0)
    colour = AttributeFactory(store=store, name_en="Colour", slug="colour", position=1)
    small = AttributeValueFactory(attribute=size, value_en="S", slug="s", position=0)
    medium = AttributeValueFactory(attribute=size, value_en="M", slug="m", position=1)
    red = AttributeValueFactory(attribute=colour, value_en="Red", slug="red", position=0)
    blue = AttributeValueFactory(attribute=colour, value_en="Blue", slug="blue", position=1)
    values.setdefault("status", "active")
    product = ProductFactory(
        store=store,
        title_en=title,
        price_cents=2000,
        compare_at_price_cents=2500,
        option_attributes=[size, colour],
        variants=[
            VariantInput(sku="TEE-S-RED", option_values=[red, small], position=0),
            VariantInput(sku="TEE-M-RED", option_values=[medium, red], position=1),
            VariantInput(
                sku="TEE-M-BLUE",
                option_values=[medium, blue],
                price_cents=1500,
                compare_at_price_cents=1800,
                position=2,
            ),
        ],
        **values,
    )
    with scope(store=store):
        variants = {variant.sku: variant for variant in product.variants.all()}
    return product, {
        "variants": variants,
        "values": {"S": small, "M": medium, "Red": red, "Blue": blue},
        "attributes": (size, colour),
    }


def titles(products: Any) -> list[str]:
    return [product.title for product in products]


# --- Product lists ------------------------------------------------------------------------


def test_shop_products_are_the_stores_active_products(store, other_store):
    ShopProductFactory(store=store, title_en="Active")
    ShopProductFactory(store=store, title_en="Draft", status="draft")
    ShopProductFactory(store=store, title_en="Archived", status="archived")
    ShopProductFactory(store=other_store, title_en="Elsewhere")

    with scope(store=store):
        assert titles(browsing.shop_products(store=store)) == ["Active"]


def test_a_product_card_knows_its_first_image_and_whether_it_can_be_bought(store):
    stocked = ShopProductFactory(store=store, title_en="Stocked", stock=3)
    ShopProductFactory(store=store, title_en="Empty", stock=0)
    untracked = ShopProductFactory(store=store, title_en="Made to order", stock=0)
    with scope(store=store):
        track(store, untracked.variants.get(), tracked=False)
    second = ProductImageFactory(store=store, product=stocked, position=1)
    first = ProductImageFactory(store=store, product=stocked, position=0)

    with scope(store=store):
        cards = {product.title: product for product in browsing.shop_products(store=store)}

    assert cards["Stocked"].in_stock and cards["Made to order"].in_stock
    assert not cards["Empty"].in_stock
    assert cards["Stocked"].card_image == first.image.name != second.image.name
    assert cards["Stocked"].card_thumbnail == first.thumbnail.name
    assert cards["Empty"].card_image is None


def test_a_product_with_one_variant_in_stock_is_in_stock(store):
    product, parts = make_sized_product(store)
    receive(store, parts["variants"]["TEE-M-BLUE"], 1)

    with scope(store=store):
        assert browsing.shop_products(store=store).get(pk=product.pk).in_stock


def test_featured_products_are_active_featured_and_at_most_eight_newest_first(store, other_store):
    for number in range(10):
        ShopProductFactory(store=store, title_en=f"Featured {number}", is_featured=True)
    ShopProductFactory(store=store, title_en="Plain")
    ShopProductFactory(store=store, title_en="Featured draft", is_featured=True, status="draft")
    ShopProductFactory(store=other_store, title_en="Featured elsewhere", is_featured=True)

    with scope(store=store):
        featured = browsing.featured_products(store=store)

    assert titles(featured) == [f"Featured {number}" for number in range(9, 1, -1)]


def test_related_products_share_a_category(store, other_store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen", slug="kitchen")
    garden = CategoryFactory(store=store, name_en="Garden", slug="garden")
    mug = ShopProductFactory(store=store, title_en="Mug", categories=[kitchen, garden])
    ShopProductFactory(store=store, title_en="Plate", categories=[kitchen])
    ShopProductFactory(store=store, title_en="Spade", categories=[garden])
    ShopProductFactory(store=store, title_en="Bowl", categories=[kitchen], status="draft")
    ShopProductFactory(store=store, title_en="Sock")
    ShopProductFactory(store=other_store, title_en="Pan")

    with scope(store=store):
        related = browsing.related_products(store=store, product=mug)

    assert sorted(titles(related)) == ["Plate", "Spade"]


# --- Categories ------------------------------------------------------------------------


def test_visible_categories_leave_out_hidden_ones_and_everything_below_them(store, other_store):
    home = CategoryFactory(store=store, name_en="Home", slug="home", position=0)
    kitchen = CategoryFactory(store=store, name_en="Kitchen", slug="kitchen", parent=home)
    CategoryFactory(store=store, name_en="Cups", slug="cups", parent=kitchen)
    hidden = CategoryFactory(store=store, name_en="Hidden", slug="hidden", is_active=False, position=1)
    CategoryFactory(store=store, name_en="Under hidden", slug="under-hidden", parent=hidden)
    CategoryFactory(store=other_store, name_en="Theirs", slug="theirs")

    with scope(store=store):
        visible = browsing.VisibleCategories(store=store)

    assert list(visible.by_slug) == ["home", "kitchen", "cups"]
    assert visible.top_level() == [home]
    assert visible.children(home) == [kitchen]
    assert [category.slug for category in visible.ancestors(visible.get("cups"))] == ["home", "kitchen"]
    assert visible.choices() == [("home", "Home"), ("kitchen", "\u2003Kitchen"), ("cups", "\u2003\u2003Cups")]
    for slug in ("hidden", "under-hidden", "theirs", "nope"):
        with pytest.raises(Http404):
            visible.get(slug)


# --- A product's page ------------------------------------------------------------------


@pytest.mark.parametrize("status", ["draft", "archived"])
def test_a_product_that_is_not_active_has_no_page(store, status):
    ShopProductFactory(store=store, title_en="Hidden", slug="hidden", status=status)

    with scope(store=store), pytest.raises(Http404):
        browsing.product_page(store=store, slug="hidden")


def test_another_stores_product_has_no_page_in_this_store(store, other_store):
    ShopProductFactory(store=other_store, title_en="Theirs", slug="theirs")

    with scope(store=store), pytest.raises(Http404):
        browsing.product_page(store=store, slug="theirs")


def test_a_product_page_offers_each_variant_with_its_options_price_and_stock(store):
    product, parts = make_sized_product(store)
    variants = parts["variants"]
    receive(store, variants["TEE-M-RED"], 2)
    track(store, variants["TEE-M-RED"], threshold=3)
    receive(store, variants["TEE-M-BLUE"], 10)

    with scope(store=store):
        page = browsing.product_page(store=store, slug=product.slug)

    choices = {choice.variant.sku: choice for choice in page.variants}
    assert [choice.variant.sku for choice in page.variants] == ["TEE-S-RED", "TEE-M-RED", "TEE-M-BLUE"]
    assert choices["TEE-M-RED"].label == "M / Red"  # in the product's option order, whatever order they were given
    assert (choices["TEE-S-RED"].price_cents, choices["TEE-S-RED"].compare_at_price_cents) == (2000, 2500)
    assert (choices["TEE-M-BLUE"].price_cents, choices["TEE-M-BLUE"].compare_at_price_cents) == (1500, 1800)
    assert choices["TEE-S-RED"].stock == StockState(StockStatus.SOLD_OUT, 0)
    assert choices["TEE-M-RED"].stock == StockState(StockStatus.LOW, 2)
    assert choices["TEE-M-BLUE"].stock == StockState(StockStatus.IN_STOCK, 10)
    assert [(option.attribute.slug, [value.slug for value in option.values]) for option in page.options] == [
        ("size", ["s", "m"]),
        ("colour", ["red", "blue"]),
    ]
    assert page.selected.variant.sku == "TEE-M-RED"  # the first one that can be bought
    assert page.in_stock


def test_a_product_page_preselects_the_asked_variant_and_ignores_unknown_ones(store, other_store):
    product, parts = make_sized_product(store)
    blue = parts["variants"]["TEE-M-BLUE"]

    with scope(store=store):
        asked = browsing.product_page(store=store, slug=product.slug, variant_id=blue.pk)
        unknown = browsing.product_page(store=store, slug=product.slug, variant_id=999999)

    assert asked.selected.variant == blue
    assert unknown.selected.variant.sku == "TEE-S-RED"  # nothing in stock: the first variant
    assert not unknown.in_stock


def test_a_product_page_has_its_visible_categories_and_the_first_ones_breadcrumbs(store):
    home = CategoryFactory(store=store, name_en="Home", slug="home", position=0)
    kitchen = CategoryFactory(store=store, name_en="Kitchen", slug="kitchen", parent=home)
    gifts = CategoryFactory(store=store, name_en="Gifts", slug="gifts", position=1)
    hidden = CategoryFactory(store=store, name_en="Hidden", slug="hidden", is_active=False)
    mug = ShopProductFactory(store=store, title_en="Mug", categories=[gifts, hidden, kitchen])
    cup = ShopProductFactory(store=store, title_en="Cup", categories=[kitchen])

    with scope(store=store):
        page = browsing.product_page(store=store, slug=mug.slug)

    assert page.categories == [kitchen, gifts]  # in tree order
    assert page.breadcrumbs == [home, kitchen]
    assert page.related == [cup]


def test_untracked_variants_are_always_available():
    stock = Availability(on_hand=0, reserved=3, available=-3, tracked=False, is_low=False)

    assert StockState.of(stock) == StockState(StockStatus.IN_STOCK, None)
    assert StockState.of(stock).label == "In stock"


@pytest.mark.parametrize(
    ("available", "is_low", "status", "label"),
    [
        (5, False, StockStatus.IN_STOCK, "In stock"),
        (2, True, StockStatus.LOW, "Only 2 left"),
        (0, True, StockStatus.SOLD_OUT, "Sold out"),
        (-1, False, StockStatus.SOLD_OUT, "Sold out"),
    ],
    ids=["plenty", "low", "none", "over-reserved"],
)
def test_tracked_stock_states(available, is_low, status, label):
    state = StockState.of(
        Availability(on_hand=5, reserved=5 - available, available=available, tracked=True, is_low=is_low)
    )

    with translation.override("en"):
        assert (state.status, state.label) == (status, label)
    assert state.is_available == (status != StockStatus.SOLD_OUT)


def test_a_variant_without_a_stock_item_cannot_be_bought():
    assert StockState.of(None) == StockState(StockStatus.SOLD_OUT, 0)


def test_the_pages_script_data_and_structured_data(store):
    product, parts = make_sized_product(store)
    receive(store, parts["variants"]["TEE-M-BLUE"], 4)
    size, colour = parts["attributes"]
    values = parts["values"]

    with scope(store=store), translation.override("en"):
        page = browsing.product_page(store=store, slug=product.slug)
        data = page.variant_data()
        ld = page.json_ld(url="https://shop.example/products/tee/", image_url="")

    assert data["attributes"] == [size.pk, colour.pk]
    assert data["variants"][2] == {
        "id": parts["variants"]["TEE-M-BLUE"].pk,
        "sku": "TEE-M-BLUE",
        "values": [values["M"].pk, values["Blue"].pk],
        "price": "€15.00",
        "compare_at": "€18.00",
        "stock": "in_stock",
        "stock_label": "In stock",
    }
    assert data["variants"][0]["stock"] == "sold_out"
    assert ld["@type"] == "Product" and ld["name"] == "Tee" and ld["sku"] == "TEE-M-BLUE"
    assert "image" not in ld
    assert ld["offers"][2] == {
        "@type": "Offer",
        "sku": "TEE-M-BLUE",
        "price": "15.00",
        "priceCurrency": "EUR",
        "availability": "https://schema.org/InStock",
        "url": "https://shop.example/products/tee/",
    }
    assert ld["offers"][0]["availability"] == "https://schema.org/OutOfStock"


def test_titles_follow_the_language_with_english_as_the_fallback(store):
    ShopProductFactory(store=store, title_en="Mug", title_de="Tasse", slug="mug")
    ShopProductFactory(store=store, title_en="Plate", slug="plate")

    with scope(store=store), translation.override("de"):
        assert sorted(titles(browsing.shop_products(store=store))) == ["Plate", "Tasse"]
        assert browsing.product_page(store=store, slug="plate").product.title == "Plate"

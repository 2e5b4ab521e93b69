"""The catalogue's shop pages: lists, filters, search, categories, product pages, languages and the home slot."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from modules.catalog.tests.factories import CategoryFactory, ProductImageFactory, ShopProductFactory, receive
from modules.tenancy.models import StoreDomain

from .test_browsing import make_sized_product, track


@pytest.fixture(autouse=True)
def catalog(store, enable, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    enable("catalog")


def url(name: str, store_code: str = "acme", **kwargs: Any) -> str:
    return reverse(f"storefront:catalog:{name}", kwargs={"store_code": store_code, **kwargs})


def page(client, path: str, **params: Any) -> str:
    response = client.get(path, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def card_titles(html: str) -> list[str]:
    return re.findall(r'<span class="shop-card-title">([^<]*)</span>', html)


# --- Product list ------------------------------------------------------------------------


def test_the_product_list_shows_active_products_with_price_sale_and_sold_out(client, store, other_store):
    ShopProductFactory(store=store, title_en="Mug", price_cents=1250)
    ShopProductFactory(store=store, title_en="Teapot", price_cents=3000, compare_at_price_cents=4000)
    ShopProductFactory(store=store, title_en="Kettle", stock=0)
    ShopProductFactory(store=store, title_en="Draft", status="draft")
    ShopProductFactory(store=store, title_en="Archived", status="archived")
    ShopProductFactory(store=other_store, title_en="Theirs")

    html = page(client, url("product_list"))

    assert sorted(card_titles(html)) == ["Kettle", "Mug", "Teapot"]
    assert "€12.50" in html
    assert re.search(r"€30\.00</span>\s*<s[^>]*>.*€40\.00", html, re.S)  # the former price struck through
    assert html.count("shop-badge-soldout") == 1
    assert "3 products" in html
    assert url("product_detail", slug="mug") in html


def test_the_product_list_filters_by_category_with_its_descendants(client, store):
    home = CategoryFactory(store=store, name_en="Home", slug="home")
    kitchen = CategoryFactory(store=store, name_en="Kitchen", slug="kitchen", parent=home)
    garden = CategoryFactory(store=store, name_en="Garden", slug="garden")
    ShopProductFactory(store=store, title_en="Mug", categories=[kitchen])
    ShopProductFactory(store=store, title_en="Lamp", categories=[home])
    ShopProductFactory(store=store, title_en="Spade", categories=[garden])

    html = page(client, url("product_list"), category="home")

    assert sorted(card_titles(html)) == ["Lamp", "Mug"]
    assert '<option value="kitchen">\u2003Kitchen</option>' in html


def test_the_product_list_filters_by_price_in_the_stores_currency_and_by_stock(client, store):
    ShopProductFactory(store=store, title_en="Cheap", price_cents=999)
    ShopProductFactory(store=store, title_en="Middle", price_cents=1250)
    ShopProductFactory(store=store, title_en="Middle, sold out", price_cents=1300, stock=0)
    ShopProductFactory(store=store, title_en="Dear", price_cents=5001)

    assert sorted(card_titles(page(client, url("product_list"), price_min="9.99", price_max="13"))) == [
        "Cheap",
        "Middle",
        "Middle, sold out",
    ]
    assert card_titles(page(client, url("product_list"), price_min="10", price_max="50", in_stock="on")) == ["Middle"]


def test_a_bad_price_is_a_field_error_and_filters_nothing(client, store):
    ShopProductFactory(store=store, title_en="Mug", price_cents=1250)

    html = page(client, url("product_list"), price_min="cheap", price_max="5")

    assert card_titles(html) == []  # the valid maximum still applies
    assert "Enter a number." in html
    html = page(client, url("product_list"), price_min="20", price_max="10")
    assert "The highest price must not be below the lowest." in html
    assert card_titles(html) == []  # 20 or more still applies


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Cup", "Bowl", "Anchor"]),
        ("newest", ["Cup", "Bowl", "Anchor"]),
        ("price_asc", ["Bowl", "Cup", "Anchor"]),
        ("price_desc", ["Anchor", "Cup", "Bowl"]),
        ("title", ["Anchor", "Bowl", "Cup"]),
    ],
)
def test_the_product_list_sorts(client, store, sort, expected):
    ShopProductFactory(store=store, title_en="Anchor", price_cents=3000)
    ShopProductFactory(store=store, title_en="Bowl", price_cents=1000)
    ShopProductFactory(store=store, title_en="Cup", price_cents=2000)

    assert card_titles(page(client, url("product_list"), sort=sort)) == expected


def test_searching_lists_matching_products(client, store):
    ShopProductFactory(store=store, title_en="Blue mug", description_en="<p>Stoneware</p>")
    ShopProductFactory(store=store, title_en="Red mug")
    ShopProductFactory(store=store, title_en="Teapot")
    ShopProductFactory(store=store, title_en="Hidden mug", status="draft")

    html = page(client, url("product_list"), q="mug")
    stoneware = page(client, url("product_list"), q="stoneware")

    assert sorted(card_titles(html)) == ["Blue mug", "Red mug"]
    assert "Search results for “mug”" in html
    assert '<option value="" selected>Best match</option>' in html
    assert card_titles(stoneware) == ["Blue mug"]


def test_the_product_list_has_24_a_page_and_page_links_keep_the_filters(client, store):
    for number in range(30):
        ShopProductFactory(store=store, title_en=f"Mug {number:02d}", price_cents=1000 + number, stock=0)

    first = page(client, url("product_list"), q="mug", sort="price_asc")
    second = page(client, url("product_list"), q="mug", sort="price_asc", page=2)

    assert card_titles(first) == [f"Mug {number:02d}" for number in range(24)]
    assert card_titles(second) == [f"Mug {number:02d}" for number in range(24, 30)]
    assert 'href="?q=mug&amp;sort=price_asc&amp;page=2"' in first
    assert 'href="?q=mug&amp;sort=price_asc&amp;page=1"' in second
    assert client.get(url("product_list"), {"page": 3}).status_code == 404


def test_the_product_list_reads_the_same_number_of_queries_for_3_or_40_products(
    client, store, django_assert_num_queries, settings
):
    settings.ORION_STOREFRONT_CACHE_SECONDS = 0  # count what rendering costs, not the page cache
    category = CategoryFactory(store=store, name_en="Kitchen", slug="kitchen")
    for number in range(3):
        ProductImageFactory(
            store=store, product=ShopProductFactory(store=store, title_en=f"Mug {number}", categories=[category])
        )
    client.get(url("product_list"))  # warm the tenant caches

    with django_assert_num_queries(LIST_QUERIES):
        few = client.get(url("product_list"), {"in_stock": "on", "price_min": "1"})
    for number in range(37):
        ProductImageFactory(
            store=store, product=ShopProductFactory(store=store, title_en=f"Plate {number}", categories=[category])
        )
    with django_assert_num_queries(LIST_QUERIES):
        many = client.get(url("product_list"), {"in_stock": "on", "price_min": "1"})

    assert len(card_titles(few.content.decode())) == 3
    assert len(card_titles(many.content.decode())) == 24


# The visible categories, the count, the merchant for the footer and the page of products (cards included).
LIST_QUERIES = 4


def test_a_category_page_reads_the_same_number_of_queries_for_3_or_40_products(client, store, settings):
    settings.ORION_STOREFRONT_CACHE_SECONDS = 0
    home = CategoryFactory(store=store, name_en="Home", slug="home")
    kitchen = CategoryFactory(store=store, name_en="Kitchen", slug="kitchen", parent=home)
    for number in range(3):
        ShopProductFactory(store=store, title_en=f"Mug {number}", categories=[kitchen])
    client.get(url("category_detail", slug="home"))  # warm the tenant caches

    with CaptureQueriesContext(connection) as few:
        client.get(url("category_detail", slug="home"), {"in_stock": "on"})
    for number in range(37):
        ShopProductFactory(store=store, title_en=f"Plate {number}", categories=[kitchen], stock=0)
    with CaptureQueriesContext(connection) as many:
        client.get(url("category_detail", slug="home"))

    assert len(few.captured_queries) == len(many.captured_queries) <= LIST_QUERIES + 3  # the category's sub-tree


# --- Categories ----------------------------------------------------------------------------


def test_the_category_list_shows_the_tree_of_visible_categories(client, store):
    home = CategoryFactory(store=store, name_en="Home", slug="home")
    CategoryFactory(store=store, name_en="Kitchen", slug="kitchen", parent=home)
    CategoryFactory(store=store, name_en="Hidden", slug="hidden", is_active=False)

    html = page(client, url("category_list"))

    assert re.search(r">Home</a>\s*<ul>\s*<li>\s*<a [^>]*>Kitchen</a>", html)
    assert "Hidden" not in html
    assert url("category_detail", slug="kitchen") in html


def test_a_category_page_lists_its_products_and_its_descendants_with_breadcrumbs(client, store):
    home = CategoryFactory(store=store, name_en="Home", slug="home")
    kitchen = CategoryFactory(store=store, name_en="Kitchen", slug="kitchen", parent=home, description_en="Pots.")
    cups = CategoryFactory(store=store, name_en="Cups", slug="cups", parent=kitchen)
    ShopProductFactory(store=store, title_en="Pot", categories=[kitchen], price_cents=3000)
    ShopProductFactory(store=store, title_en="Cup", categories=[cups], price_cents=1000)
    ShopProductFactory(store=store, title_en="Lamp", categories=[home])

    html = page(client, url("category_detail", slug="kitchen"), sort="price_asc")

    assert card_titles(html) == ["Cup", "Pot"]
    assert re.search(r'<nav class="shop-breadcrumbs".*>Home</a>.*<li aria-current="page">Kitchen</li>', html, re.S)
    assert url("category_detail", slug="cups") in html  # the sub-categories
    assert "Pots." in html
    assert 'name="category"' not in html  # the category is the page's own
    assert card_titles(page(client, url("category_detail", slug="kitchen"), price_max="20")) == ["Cup"]


def test_hidden_unknown_and_other_stores_categories_are_404(client, store, other_store):
    hidden = CategoryFactory(store=store, name_en="Hidden", slug="hidden", is_active=False)
    CategoryFactory(store=store, name_en="Below", slug="below", parent=hidden)
    CategoryFactory(store=other_store, name_en="Theirs", slug="theirs")

    for slug in ("hidden", "below", "theirs", "nope"):
        assert client.get(url("category_detail", slug=slug)).status_code == 404, slug


# --- Product page --------------------------------------------------------------------------


def test_the_product_page_shows_images_description_price_stock_and_categories(client, store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen", slug="kitchen")
    product = ShopProductFactory(
        store=store,
        title_en="Mug",
        slug="mug",
        price_cents=1250,
        categories=[kitchen],
        description_en='<p>Holds <strong>tea</strong>.</p><script>alert("x")</script>',
        stock=2,
    )
    first = ProductImageFactory(store=store, product=product, alt_text="The mug from above")
    ProductImageFactory(store=store, product=product)
    with scope(store=store):
        track(store, product.variants.get(), threshold=5)

    html = page(client, url("product_detail", slug="mug"))

    assert "<h1>Mug</h1>" in html and "<title>Mug · Acme</title>" in html
    assert "<p>Holds <strong>tea</strong>.</p>" in html and "alert" not in html  # sanitised when saved
    assert "€12.50" in html and "Only 2 left" in html
    assert f'src="{first.image.url}" alt="The mug from above"' in html
    assert html.count("data-gallery-thumb") == 2
    assert url("category_detail", slug="kitchen") in html
    assert 'name="variant"' not in html  # one variant: nothing to choose


def test_the_product_page_has_seo_tags_and_structured_data(client, store):
    product = ShopProductFactory(
        store=store, title_en="Mug", slug="mug", price_cents=1250, description_en="<p>A <b>big</b></p><p>mug.</p>"
    )
    image = ProductImageFactory(store=store, product=product)

    html = page(client, url("product_detail", slug="mug"), variant="²")  # not a number int() reads: ignored

    assert '<meta name="description" content="A big mug.">' in html
    assert '<link rel="canonical" href="http://testserver/shop/acme/products/mug/">' in html  # without the query
    assert f'<meta property="og:image" content="http://testserver{image.image.url}">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    with scope(store=store):
        sku = product.variants.get().sku
    assert data["name"] == "Mug" and data["sku"] == sku and data["description"] == "A big mug."
    assert data["offers"][0]["price"] == "12.50" and data["offers"][0]["priceCurrency"] == "EUR"
    assert data["offers"][0]["availability"] == "https://schema.org/InStock"


def test_structured_data_cannot_close_its_script_element(client, store):
    ShopProductFactory(store=store, title_en="</script><script>alert(1)</script>", slug="evil")

    html = page(client, url("product_detail", slug="evil"))

    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "\\u003C/script\\u003E" in ld
    assert json.loads(ld)["name"] == "</script><script>alert(1)</script>"


def test_the_product_page_offers_its_variants_with_and_without_script(client, store):
    product, parts = make_sized_product(store, slug="tee")
    variants = parts["variants"]
    receive(store, variants["TEE-M-BLUE"], 3)

    html = page(client, url("product_detail", slug="tee"))
    chosen = page(client, url("product_detail", slug="tee"), variant=variants["TEE-S-RED"].pk)

    # Without script: a plain list of the variants in a form; with it, one select per option.
    assert f'<option value="{variants["TEE-M-BLUE"].pk}" selected>M / Blue · €15.00 · In stock</option>' in html
    assert "S / Red · €20.00 · Sold out" in html
    assert 'data-attribute="' in html and "catalog/shop.js" in html
    data = json.loads(re.search(r'<script id="product-variants" type="application/json">(.*?)</script>', html).group(1))
    assert [variant["sku"] for variant in data["variants"]] == ["TEE-S-RED", "TEE-M-RED", "TEE-M-BLUE"]
    assert "data-variant-sku>TEE-M-BLUE<" in html and "€15.00" in html and "€18.00" in html
    assert "data-variant-sku>TEE-S-RED<" in chosen and "Sold out</p>" in chosen and "€25.00" in chosen


@pytest.mark.parametrize("status", ["draft", "archived"])
def test_a_product_that_is_not_active_is_404(client, store, status):
    ShopProductFactory(store=store, title_en="Hidden", slug="hidden", status=status)

    assert client.get(url("product_detail", slug="hidden")).status_code == 404


def test_another_stores_product_is_404_through_this_stores_address(client, store, other_store):
    ShopProductFactory(store=other_store, title_en="Theirs", slug="theirs")

    assert client.get(url("product_detail", slug="theirs")).status_code == 404
    assert client.get(url("product_detail", store_code="bravo", slug="theirs")).status_code == 200


def test_the_product_page_reads_a_fixed_number_of_queries(client, store, django_assert_num_queries, settings):
    settings.ORION_STOREFRONT_CACHE_SECONDS = 0
    product, parts = make_sized_product(store, slug="tee")
    for _ in range(3):
        ProductImageFactory(store=store, product=product)
    client.get(url("product_detail", slug="tee"))  # warm the tenant caches

    # The product, its images, options, variants, their option values, their stock, the visible categories,
    # the product's categories, related products and the merchant for the footer.
    with django_assert_num_queries(10):
        client.get(url("product_detail", slug="tee"))


# --- Languages -------------------------------------------------------------------------------


def test_pages_show_the_shoppers_language_and_fall_back_to_english(client, store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen", name_de="Küche", slug="kitchen")
    ShopProductFactory(store=store, title_en="Mug", title_de="Tasse", slug="mug", categories=[kitchen])
    ShopProductFactory(store=store, title_en="Plate", slug="plate", categories=[kitchen])

    english = page(client, url("product_list"))
    client.cookies["django_language"] = "de"
    german = page(client, url("product_list"))
    german_page = page(client, url("product_detail", slug="plate"))
    german_category = page(client, url("category_detail", slug="kitchen"))

    assert sorted(card_titles(english)) == ["Mug", "Plate"]
    assert sorted(card_titles(german)) == ["Plate", "Tasse"]  # no German title: the English one
    assert "<h1>Plate</h1>" in german_page and "Küche" in german_page
    assert "<h1>Küche</h1>" in german_category
    assert '<html lang="de">' in german


def test_without_a_choice_the_shop_speaks_the_stores_language(client, store):
    store.default_language = "de"
    store.save()
    ShopProductFactory(store=store, title_en="Mug", title_de="Tasse")

    html = client.get(url("product_list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert card_titles(html) == ["Tasse"]


# --- Home slot and the store's own domain -------------------------------------------------------


def test_the_home_page_shows_featured_products_and_top_level_categories(client, store):
    home = CategoryFactory(store=store, name_en="Home", slug="home")
    CategoryFactory(store=store, name_en="Kitchen", slug="kitchen", parent=home)
    CategoryFactory(store=store, name_en="Hidden", slug="hidden", is_active=False)
    ShopProductFactory(store=store, title_en="Star", is_featured=True)
    ShopProductFactory(store=store, title_en="Plain")
    ShopProductFactory(store=store, title_en="Featured draft", is_featured=True, status="draft")

    html = page(client, reverse("storefront:core:home", kwargs={"store_code": "acme"}))

    assert card_titles(html) == ["Star"]
    assert "Featured products" in html and url("category_detail", slug="home") in html
    assert "Kitchen" not in html and "Hidden" not in html
    assert "Products coming soon" not in html


def test_the_home_page_of_an_empty_catalogue_still_says_coming_soon(client, store):
    ShopProductFactory(store=store, title_en="Draft", is_featured=True, status="draft")

    html = page(client, reverse("storefront:core:home", kwargs={"store_code": "acme"}))

    assert "Products coming soon" in html
    assert 'class="shop-slot"' not in html


def test_on_the_stores_own_domain_the_pages_are_at_the_root(client, store):
    StoreDomain.objects.create(store=store, domain="shop.acme.example", kind="custom")
    ShopProductFactory(store=store, title_en="Mug", slug="mug")

    listing = client.get("/products/", HTTP_HOST="shop.acme.example")
    detail = client.get("/products/mug/", HTTP_HOST="shop.acme.example")

    assert listing.status_code == 200 and card_titles(listing.content.decode()) == ["Mug"]
    assert 'href="/products/mug/"' in listing.content.decode()
    assert detail.status_code == 200
    assert '<link rel="canonical" href="http://shop.acme.example/products/mug/">' in detail.content.decode()

"""The demo catalogue and stock that `load_demo` seeds through the demo_store_loaded signal."""

from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django_scopes import scope, scopes_disabled
from PIL import Image

from modules.catalog import demo
from modules.catalog.models import Attribute, AttributeValue, Category, Product, ProductImage, Variant
from modules.catalog.tests.factories import ProductFactory
from modules.inventory import demo as inventory_demo
from modules.inventory import services as inventory_services
from modules.inventory.models import StockItem, StockLevel, StockLocation, StockMovement
from modules.tenancy.models import Store

MODELS = [Product, Variant, ProductImage, Category, Attribute, AttributeValue]
MODELS += [StockLocation, StockItem, StockLevel, StockMovement]


@pytest.fixture
def load_demo(db, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path

    def load() -> None:
        # Stock is received after the command's transaction commits: run those callbacks too.
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", stdout=StringIO())

    return load


def counts() -> dict[str, int]:
    with scopes_disabled():
        return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_the_demo_twice_gives_the_same_rows(load_demo):
    load_demo()
    first = counts()

    load_demo()

    assert counts() == first
    assert first["Product"] == sum(len(catalogue.products) for catalogue in demo.CATALOGUES.values())
    assert first["StockLocation"] == 2 * len(demo.CATALOGUES)


def test_every_catalogue_store_gets_products_categories_options_images_and_stock(load_demo):
    load_demo()

    with scopes_disabled():
        stores = {store.code: store for store in Store.objects.all()}
        assert not Product.objects.filter(store=stores["cafe"]).exists()  # catalog is off on Orion Loyalty
        assert not StockLocation.objects.filter(store=stores["cafe"]).exists()
    for code, catalogue in demo.CATALOGUES.items():
        with scope(store=stores[code]):
            products = Product.objects.all()
            assert products.count() == len(catalogue.products)
            assert products.filter(status="draft").count() == products.filter(status="archived").count() == 1
            assert products.filter(is_featured=True, status="active").exists()
            assert products.filter(compare_at_price_cents__gt=0).exists()
            assert not products.filter(images__isnull=True).exists()  # every product has a picture
            assert not products.filter(title_de__isnull=True).exists()
            assert products.exclude(title_fr__isnull=True).exists()
            assert products.exclude(title_lb__isnull=True).exists()
            # A tree two levels deep, every product filed under a subcategory.
            assert Category.objects.filter(parent__isnull=True).count() == len(catalogue.categories)
            assert not Category.objects.filter(parent__parent__isnull=False).exists()
            assert not products.filter(categories__parent__isnull=True).exists()
            assert set(Attribute.objects.values_list("slug", flat=True)) == {"size", "colour"}
            # Stock: every variant's item was received somewhere or sold; exactly one sold out.
            items = StockItem.objects.all()
            assert items.count() == Variant.objects.count()
            assert not items.filter(movements__isnull=True).exists()
            assert items.filter(on_hand=0).count() == 1
            assert items.get(on_hand=0).movements.filter(reason="sold").exists()
            assert sum(item.is_low for item in items) > 1  # the sold-out one and others
        assert inventory_services.stock_rebuild(store=stores[code]) == 0  # levels and on_hand agree with the ledger
    with scope(store=stores["acme"]):
        assert list(StockLocation.objects.values_list("code", flat=True)) == ["warehouse", "shop-floor"]
        jacket = Product.objects.get(variants__sku="ACME-STORM-S-BLACK")
        assert (jacket.title_en, jacket.title_de) == ("Storm Shell Jacket", "Storm Hardshelljacke")
        assert "Storm Hardshelljacke" in jacket.search_document
        assert jacket.variants.count() == 6  # 3 sizes x 2 colours
        assert jacket.images.count() == 2  # one per colour
        red = jacket.variants.get(sku="ACME-STORM-L-RED")
        assert set(red.option_values.values_list("slug", flat=True)) == {"l", "red"}


def test_a_store_with_products_is_left_alone(store, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ProductFactory(store=store, title_en="Own product", sku="OWN-1")

    assert demo.seed_store(store=store) == 0

    with scope(store=store):
        assert list(Product.objects.values_list("title_en", flat=True)) == ["Own product"]
        assert not Category.objects.exists()


def test_stocking_again_leaves_stocked_items_alone(store):
    item = inventory_services.stock_item_create(store=store, sku="MUG-1", name="Mug")

    assert inventory_demo.stock_items(store=store) == 1
    assert inventory_demo.stock_items(store=store) == 0

    with scope(store=store):
        assert StockLocation.objects.count() == 2
        assert StockMovement.objects.filter(item=item).count() == 2  # received, then sold: the first item


def test_demo_images_show_the_initials_on_the_colour():
    picture = Image.open(BytesIO(demo.demo_image("SSJ", (178, 34, 52))))

    assert picture.size == (demo.IMAGE_SIZE, demo.IMAGE_SIZE) and picture.format == "JPEG"
    assert picture.getpixel((2, 2)) == pytest.approx((178, 34, 52), abs=3)
    assert demo.initials("Storm Shell Jacket") == "SSJ"
    assert demo.initials("Daypack 28 L") == "DL"

"""The demo catalogue and stock that `load_demo` seeds through the demo_store_loaded signal, and its data files."""

from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings
from django_scopes import scope, scopes_disabled
from PIL import Image

from modules.catalog import demo
from modules.catalog.demo import loader
from modules.catalog.models import Attribute, AttributeValue, Category, Product, ProductImage, Variant
from modules.catalog.tests.factories import ProductFactory
from modules.inventory import demo as inventory_demo
from modules.inventory import services as inventory_services
from modules.inventory.models import StockItem, StockLevel, StockLocation, StockMovement
from modules.tenancy.models import Store
from orion.datafiles import DataFileError

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


@pytest.fixture(scope="class")
def demo_loaded_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for a class's tests, in a transaction rolled back after its last test.

    Each test still runs in its own savepoint (pytest-django's ``db``): loading
    the whole demo is the slowest thing these tests do, so they share one load.
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media")):
        with transaction.atomic():
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=StringIO())
            yield
            transaction.set_rollback(True)


def counts() -> dict[str, int]:
    with scopes_disabled():
        return {model.__name__: model.objects.count() for model in MODELS}


# What the demo loaded per store before its catalogues became data files:
# products, variants, categories, attribute values, images.
LOADED = {
    "acme": (15, 48, 11, 13, 23),
    "acme-kids": (12, 31, 10, 14, 15),
    "bistro": (13, 21, 10, 8, 17),
}


@pytest.mark.usefixtures("demo_loaded_once")
class TestTheLoadedDemo:
    """What one load of the demo gives (the class shares it: see ``demo_loaded_once``)."""

    def test_loading_the_demo_twice_gives_the_same_rows(self, load_demo):
        first = counts()

        load_demo()

        assert counts() == first
        assert first["Product"] == sum(len(catalogue.products) for catalogue in demo.catalogues().values())
        assert first["StockLocation"] == 2 * len(demo.catalogues())

    def test_every_catalogue_store_gets_products_categories_options_images_and_stock(self, db):
        with scopes_disabled():
            stores = {store.code: store for store in Store.objects.all()}
            assert not Product.objects.filter(store=stores["cafe"]).exists()  # catalog is off on Orion Loyalty
            assert not StockLocation.objects.filter(store=stores["cafe"]).exists()
        for code, catalogue in demo.catalogues().items():
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

    def test_the_data_files_load_into_the_catalogues_the_demo_always_had(self, db):
        assert list(demo.catalogues()) == list(LOADED)
        with scopes_disabled():
            for code, expected in LOADED.items():
                models = (Product, Variant, Category, AttributeValue, ProductImage)
                assert tuple(model.objects.filter(store__code=code).count() for model in models) == expected, code
            tent = Product.objects.get(store__code="acme", variants__sku="ACME-DOME2")
            assert (tent.title_fr, tent.title_lb, tent.slug) == (
                "Tente dôme deux places",
                "Kuppelzelt fir zwee",
                "two-person-dome-tent",
            )
            assert (tent.price_cents, tent.compare_at_price_cents, tent.is_featured) == (29900, 34900, True)
            assert tent.description_de == "<p>In fünf Minuten aufgebaut und sturmfest.</p>"
            wellies = Product.objects.get(store__code="acme-kids", title_en="Frog Wellies")
            assert (wellies.title_lb, wellies.price_cents) == ("Fräsch-Gummistiwwelen", 2900)
            assert list(wellies.variants.values_list("sku", flat=True)) == [
                "KIDS-FROG-24",
                "KIDS-FROG-26",
                "KIDS-FROG-28",
            ]
            assert wellies.categories.get().name_lb == "Gummistiwwelen"
            assert wellies.categories.get().parent.slug == "schuhe"
            bowl = Product.objects.get(store__code="bistro", title_en="Café au Lait Bowl")
            assert (bowl.title_fr, bowl.price_cents, bowl.compare_at_price_cents) == ("Bol à café au lait", 900, None)
            assert list(bowl.variants.values_list("sku", flat=True)) == [
                "BIS-BOWL-NAVY",
                "BIS-BOWL-RED",
                "BIS-BOWL-GREEN",
            ]
            assert list(bowl.images.values_list("alt_text_fr", flat=True)) == [
                "Bol à café au lait, Bleu marine",
                "Bol à café au lait, Rouge",
                "Bol à café au lait, Vert",
            ]
            mandoline = Product.objects.get(store__code="bistro", title_en="Mandoline Slicer")
            assert (mandoline.status, mandoline.title_fr, mandoline.title_lb) == ("draft", "Mandoline", None)
            size = AttributeValue.objects.filter(store__code="acme", attribute__slug="size")
            assert list(size.values_list("value_de", flat=True)) == ["S", "M", "L", "XL", "39", "41", "43", "45"]
            assert AttributeValue.objects.get(store__code="bistro", slug="navy").value_lb == "Marineblo"


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


CATALOGUE = """
sizes = ["s", "m"]

[[categories]]
slug = "kitchen"
name = { en = "Kitchen", fr = "Cuisine" }
children = [{ slug = "mugs", name = { en = "Mugs", de = "Tassen" } }]

[[products]]
sku = "MUG"
category = "mugs"
price_cents = 900
sizes = ["s"]
colours = ["red"]
title.en = "Mug"
title.de = "Tasse"
"""


def write(tmp_path, text):
    path = tmp_path / "shop.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_catalogue_file_reads_into_categories_and_products(tmp_path):
    catalogue = demo.load_catalogue(write(tmp_path, CATALOGUE))

    assert catalogue.sizes == ("s", "m")
    assert [child.slug for child in catalogue.categories[0].children] == ["mugs"]
    (mug,) = catalogue.products
    assert (mug.sku, mug.price_cents, mug.title, mug.colours, mug.status) == (
        "MUG",
        900,
        {"en": "Mug", "de": "Tasse"},
        ("red",),
        "active",
    )


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('title.en = "Mug"', 'title.fr = "Tasse"', 'product "MUG": no English title ("title.en")'),
        (
            'category = "mugs"',
            'category = "cups"',
            'product "MUG": unknown category "cups" (the categories: kitchen, mugs)',
        ),
        (
            'colours = ["red"]',
            'colours = ["purple"]',
            'product "MUG": unknown colour "purple" (the colours in options.toml: black',
        ),
        ('sizes = ["s"]', 'sizes = ["xxl"]', 'product "MUG": unknown size "xxl" (the file\'s sizes: s, m)'),
        ('name = { en = "Mugs", de', 'name = { fr = "Tasses", de', 'category "mugs": no English name ("name.en")'),
        ('colours = ["red"]', 'colors = ["red"]', 'product "MUG": unknown key "colors"'),
        ("price_cents = 900", 'price_cents = "9.00"', 'product "MUG": "price_cents" must be a whole number of cents'),
        (
            'title.de = "Tasse"',
            'title.es = "Taza"',
            'product "MUG": "title.es": unknown language (the languages: en, de, fr, lb)',
        ),
    ],
)
def test_a_bad_entry_is_refused_naming_the_file_and_the_entry(tmp_path, old, new, problem):
    assert old in CATALOGUE
    path = write(tmp_path, CATALOGUE.replace(old, new))

    with pytest.raises(DataFileError) as error:
        demo.load_catalogue(path)

    assert str(error.value).startswith(f"{path}: {problem}")


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    text = CATALOGUE.replace('"red"', '"purple"').replace('"mugs"\nprice', '"cups"\nprice')
    text += '\n[[products]]\nsku = "MUG"\ncategory = "mugs"\nprice_cents = 100\ntitle.de = "Tasse"\n'

    with pytest.raises(DataFileError) as error:
        demo.load_catalogue(write(tmp_path, text))

    lines = str(error.value).splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        'product "MUG": unknown category "cups" (the categories: kitchen, mugs)',
        'product "MUG": unknown colour "purple" (the colours in options.toml: black, navy, red, green, sand)',
        'product "MUG": no English title ("title.en"): English is every language\'s fallback',
        'product "MUG": the SKU is used twice in the file',
    ]


def test_a_file_that_is_not_toml_is_refused_naming_it(tmp_path):
    path = write(tmp_path, CATALOGUE.replace('sku = "MUG"', "sku = MUG"))

    with pytest.raises(DataFileError, match=f"^{path}: Invalid value"):
        demo.load_catalogue(path)


def test_the_demo_files_are_named_from_the_project_root():
    path = loader.CATALOGUES_DIR / "acme.toml"

    with pytest.raises(DataFileError, match=r"^modules/catalog/demo/catalogues/acme\.toml: "):
        demo.load_catalogue(path, options=loader.DemoOptions(size_name={}, colour_name={}, colours={}, palette=()))


@pytest.fixture
def catalogues_in(monkeypatch):
    def use(directory):
        monkeypatch.setattr(loader, "CATALOGUES_DIR", directory)
        loader.catalogues.cache_clear()

    yield use
    loader.catalogues.cache_clear()


def test_a_bad_catalogue_file_stops_the_seeding_before_anything_is_written(store, tmp_path, catalogues_in):
    (tmp_path / "acme.toml").write_text(CATALOGUE.replace('category = "mugs"', 'category = "cups"'), encoding="utf-8")
    catalogues_in(tmp_path)

    with pytest.raises(DataFileError, match='acme.toml: product "MUG": unknown category "cups"'):
        demo.seed_store(store=store)

    with scope(store=store):
        assert not Attribute.objects.exists() and not Category.objects.exists()


def test_a_store_without_a_file_of_its_own_gets_the_default_catalogue(store, other_store, tmp_path, catalogues_in):
    (tmp_path / "acme.toml").write_text(CATALOGUE, encoding="utf-8")
    catalogues_in(tmp_path)

    assert store.code == "acme" and other_store.code not in demo.catalogues()
    assert demo.seed_store(store=other_store) == 1

    with scope(store=other_store):
        assert list(Variant.objects.values_list("sku", flat=True)) == ["MUG-S-RED"]

"""The catalogue's store pages: products (list, bulk actions, form with variants and images), categories, attributes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from modules.catalog import limits, services
from modules.catalog.models import Attribute, AttributeValue, Category, Product, ProductImage, Variant
from modules.catalog.tests.factories import AttributeFactory, CategoryFactory, ProductFactory, image_bytes, upload
from modules.catalog.tests.test_browsing import make_sized_product
from modules.catalog.tests.test_images import png_declaring
from modules.tenancy.testing import add_member, owner_of
from orion.testing.forms import as_shown

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "de", "fr", "lb")


@pytest.fixture(autouse=True)
def catalog(store, enable, settings, tmp_path):
    """The catalogue (and inventory, which it requires) on; uploads go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path
    enable("catalog")


def url(name: str, store, **kwargs) -> str:
    return reverse(f"store:catalog:{name}", kwargs={"store_code": store.code, **kwargs})


def values_of(attribute: Attribute) -> dict[str, int]:
    with scopes_disabled():
        return {value.value_en: value.pk for value in AttributeValue.objects.filter(attribute=attribute)}


def counts(store) -> tuple[int, int, int]:
    with scope(store=store):
        return Product.objects.count(), Variant.objects.count(), ProductImage.objects.count()


def stored_files(tmp_path) -> list:
    return [path for path in tmp_path.rglob("*") if path.is_file()]


def product_data(**fields) -> dict:
    """The product form as a browser posts it: one SKU, no images; ``fields`` replace or add keys."""
    data = {f"{column}_{code}": "" for column in ("title", "description") for code in LANGUAGES}
    data.update(
        {
            "title_en": "Linen shirt",
            "description_en": "<p>Soft <strong>linen</strong></p>",
            "slug": "",
            "status": "draft",
            "price": "49.90",
            "compare_at_price": "",
            "tax_class": "standard",
            "variants-TOTAL_FORMS": "1",
            "variants-INITIAL_FORMS": "0",
            "variants-0-id": "",
            "variants-0-sku": "SHIRT",
            "variants-0-price": "",
            "variants-0-compare_at_price": "",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "new_images-TOTAL_FORMS": "3",
            "new_images-INITIAL_FORMS": "0",
        }
    )
    data.update(fields)
    return data


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- Access ----------------------------------------------------------------


PAGES = [
    # (url name, needs an object, staff may open it)
    ("product_list", None, True),
    ("product_create", None, False),
    ("product_update", "product", True),
    ("product_delete", "product", False),
    ("category_list", None, True),
    ("category_create", None, False),
    ("category_update", "category", False),
    ("category_delete", "category", False),
    ("attribute_list", None, True),
    ("attribute_create", None, False),
    ("attribute_update", "attribute", False),
    ("attribute_delete", "attribute", False),
]


@pytest.fixture
def objects(store):
    return {
        "product": ProductFactory(store=store, title_en="Mug"),
        "category": CategoryFactory(store=store, name_en="Kitchen"),
        "attribute": AttributeFactory(store=store, name_en="Size", values=["S", "M"]),
    }


def page_url(store, objects, name: str, kind: str | None) -> str:
    return url(name, store, pk=objects[kind].pk) if kind else url(name, store)


@pytest.mark.parametrize(("name", "kind", "staff_may"), PAGES, ids=[page[0] for page in PAGES])
def test_every_page_follows_the_role(client, store, other_store, objects, name, kind, staff_may):
    address = page_url(store, objects, name, kind)
    # the owner opens it
    client.force_login(owner_of(store))
    assert client.get(address).status_code == 200
    # staff may look at lists and products only
    client.force_login(add_member(store, "staff@acme.test", "staff"))
    assert client.get(address).status_code == (200 if staff_may else 403)
    # and can change nothing
    assert client.post(address, {}).status_code in ((403, 405) if name.endswith("_list") else (403,))
    # for another store's owner it does not exist
    client.force_login(owner_of(other_store))
    assert client.get(address).status_code == 404


def test_staff_sees_no_edit_controls(client, store, objects):
    client.force_login(add_member(store, "staff@acme.test", "staff"))
    listing = client.get(url("product_list", store)).content.decode()
    assert "Mug" in listing
    assert url("product_create", store) not in listing and 'name="ids"' not in listing
    product_page = client.get(url("product_update", store, pk=objects["product"].pk)).content.decode()
    assert "Save product" not in product_page and '<fieldset class="plain" disabled>' in product_page
    categories = client.get(url("category_list", store)).content.decode()
    assert "Kitchen" in categories and url("category_create", store) not in categories
    attributes = client.get(url("attribute_list", store)).content.decode()
    assert "Size" in attributes and url("attribute_create", store) not in attributes


def test_staff_cannot_bulk_publish(client, store, objects):
    client.force_login(add_member(store, "staff@acme.test", "staff"))
    response = client.post(url("product_bulk", store), {"action": "publish", "ids": [objects["product"].pk]})
    assert response.status_code == 403
    with scope(store=store):
        assert Product.objects.get().status == "draft"


# --- Product list ----------------------------------------------------------


def test_list_shows_products_with_price_sku_and_stock(client, store):
    ProductFactory(store=store, title_en="Mug", sku="MUG-1", status="active", price_cents=1250)
    client.force_login(owner_of(store))
    response = client.get(url("product_list", store))
    body = response.content.decode()
    assert "Mug" in body and "MUG-1" in body and "€12.50" in body
    assert response.context["rows"][0].available == 0


def test_list_searches_and_filters(client, store):
    ProductFactory(store=store, title_en="Blue mug", sku="MUG-B", status="active")
    ProductFactory(store=store, title_en="Red plate", sku="PLATE-R")
    client.force_login(owner_of(store))
    titles = lambda query: [row.product.title for row in client.get(url("product_list", store), query).context["rows"]]  # noqa: E731
    assert titles({"q": "mug"}) == ["Blue mug"]
    assert titles({"status": "draft"}) == ["Red plate"]


def test_list_pages_by_the_chosen_size(client, store):
    for number in range(30):
        ProductFactory(store=store, title_en=f"Product {number}", sku=f"P-{number}")
    client.force_login(owner_of(store))
    assert len(client.get(url("product_list", store)).context["rows"]) == 25
    assert len(client.get(url("product_list", store), {"per_page": 50}).context["rows"]) == 30
    assert len(client.get(url("product_list", store), {"page": 2}).context["rows"]) == 5
    # an unknown size falls back to 25
    assert len(client.get(url("product_list", store), {"per_page": 7}).context["rows"]) == 25


# The session, the user, the membership (permission check; again for the menu), the page's count
# and rows (stock and thumbnail annotated), variants and categories prefetched, and the category
# filter's choices: 9 for 3 products or 40.
LIST_QUERIES = 9


def test_list_queries_do_not_grow_with_the_catalogue(client, store, django_assert_num_queries):
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    client.force_login(owner_of(store))

    def add(numbers: range) -> None:
        for number in numbers:
            with scope(store=store):
                product = services.product_create(
                    store=store,
                    actor=None,
                    values={"title_en": f"Shirt {number}", "price_cents": 1000},
                    categories=[kitchen],
                    option_attributes=[size],
                    variants=[
                        services.VariantInput(sku=f"S-{number}-{code}", option_values=[pk])
                        for code, pk in values_of(size).items()
                    ],
                )
            upload_to(store, product)

    add(range(3))
    client.get(url("product_list", store))  # fill the per-process caches (enabled modules, permissions)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(url("product_list", store), {"per_page": 100})
    assert len(response.context["rows"]) == 3
    add(range(3, 40))
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(url("product_list", store), {"per_page": 100})
    assert len(response.context["rows"]) == 40


def make_shirt(store, size: Attribute, colour: Attribute, title: str) -> Product:
    """A product with a variant per size and colour, and an image."""
    combinations = [(s, c) for s in values_of(size).items() for c in values_of(colour).items()]
    with scope(store=store):
        product = services.product_create(
            store=store,
            actor=None,
            values={"title_en": title, "price_cents": 1000},
            option_attributes=[size, colour],
            variants=[
                services.VariantInput(sku=f"{title}-{s_code}-{c_code}", option_values=[s_pk, c_pk])
                for (s_code, s_pk), (c_code, c_pk) in combinations
            ],
        )
    upload_to(store, product)
    return product


# Session, user, membership (twice), the product, the category tree, attributes and their values,
# the product's categories and options, variants and their option values, images, its latest audit entries: 14.
FORM_QUERIES = 14


def test_the_product_form_costs_the_same_for_2_or_12_variants(client, store, django_assert_num_queries):
    small = make_shirt(
        store,
        AttributeFactory(store=store, name_en="Size", values=["S"]),
        AttributeFactory(store=store, name_en="Colour", values=["Red", "Blue"]),
        "A",
    )
    large = make_shirt(
        store,
        AttributeFactory(store=store, name_en="Fit", values=["S", "M", "L"]),
        AttributeFactory(store=store, name_en="Hue", values=["R", "G", "B", "K"]),
        "B",
    )
    client.force_login(owner_of(store))
    client.get(url("product_update", store, pk=small.pk))
    for product, variants in ((small, 2), (large, 12)):
        with django_assert_num_queries(FORM_QUERIES):
            response = client.get(url("product_update", store, pk=product.pk))
        assert response.context["forms"].variants.initial_form_count() == variants


# Session, user, membership (twice), the tree, the product counts: 6.
CATEGORY_QUERIES = 6


def test_the_category_list_costs_the_same_for_3_or_30_categories(client, store, django_assert_num_queries):
    client.force_login(owner_of(store))
    parent = None
    for number in range(30):
        parent = CategoryFactory(store=store, name_en=f"Category {number}", parent=parent if number % 3 else None)
        if number == 2:
            client.get(url("category_list", store))
            with django_assert_num_queries(CATEGORY_QUERIES):
                assert len(client.get(url("category_list", store)).context["rows"]) == 3
    with django_assert_num_queries(CATEGORY_QUERIES):
        assert len(client.get(url("category_list", store)).context["rows"]) == 30


def upload_to(store, product) -> ProductImage:
    with scope(store=store):
        return services.product_image_add(store=store, actor=None, product=product, upload=upload())


# --- Bulk actions ----------------------------------------------------------


def test_bulk_publish_and_archive(client, store):
    mug, plate = ProductFactory(store=store, title_en="Mug"), ProductFactory(store=store, title_en="Plate")
    client.force_login(owner_of(store))
    response = client.post(url("product_bulk", store), {"action": "publish", "ids": [mug.pk, plate.pk]}, follow=True)
    assert "2 products published." in messages_of(response)
    response = client.post(url("product_bulk", store), {"action": "archive", "ids": [mug.pk]}, follow=True)
    assert "1 product archived." in messages_of(response)
    with scope(store=store):
        assert dict(Product.objects.values_list("title_en", "status")) == {"Mug": "archived", "Plate": "active"}


def test_bulk_delete_removes_drafts_only(client, store):
    draft, active = (
        ProductFactory(store=store, title_en="Draft"),
        ProductFactory(store=store, title_en="Live", status="active"),
    )
    client.force_login(owner_of(store))
    response = client.post(url("product_bulk", store), {"action": "delete", "ids": [draft.pk]}, follow=True)
    assert "1 draft deleted." in messages_of(response)
    response = client.post(url("product_bulk", store), {"action": "delete", "ids": [active.pk]}, follow=True)
    assert any("draft" in message for message in messages_of(response))
    with scope(store=store):
        assert list(Product.objects.values_list("title_en", flat=True)) == ["Live"]


def test_bulk_publish_beyond_the_plan_changes_nothing(client, store, monkeypatch):
    monkeypatch.setattr(limits, "active_product_limit", lambda store: 1)
    products = [ProductFactory(store=store, title_en="Mug"), ProductFactory(store=store, title_en="Plate")]
    client.force_login(owner_of(store))
    response = client.post(
        url("product_bulk", store), {"action": "publish", "ids": [p.pk for p in products]}, follow=True
    )
    assert any("plan allows 1 active product" in message for message in messages_of(response))
    with scope(store=store):
        assert set(Product.objects.values_list("status", flat=True)) == {"draft"}


def test_bulk_without_a_selection_says_so(client, store):
    client.force_login(owner_of(store))
    response = client.post(url("product_bulk", store), {"action": "publish"}, follow=True)
    assert "Tick at least one product." in messages_of(response)


def test_bulk_ignores_another_stores_products(client, store, other_store):
    theirs = ProductFactory(store=other_store, title_en="Theirs")
    client.force_login(owner_of(store))
    client.post(url("product_bulk", store), {"action": "publish", "ids": [theirs.pk]})
    with scopes_disabled():
        assert Product.objects.get(pk=theirs.pk).status == "draft"


# --- Product form ----------------------------------------------------------


def test_create_a_product_with_variants_and_images(client, store, tmp_path):
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    ids = values_of(size)
    client.force_login(owner_of(store))
    data = product_data(
        title_de="Leinenhemd",
        compare_at_price="59.00",
        status="active",
        categories=[kitchen.pk],
        option_attributes=[size.pk],
        **{
            "variants-TOTAL_FORMS": "2",
            "variants-0-sku": "SHIRT-S",
            f"variants-0-option_{size.pk}": ids["S"],
            "variants-1-id": "",
            "variants-1-sku": "SHIRT-M",
            f"variants-1-option_{size.pk}": ids["M"],
            "variants-1-price": "52.50",
            "variants-1-compare_at_price": "",
            "new_images-0-image": upload("front.png"),
            "new_images-0-alt_text": "The shirt from the front",
            "new_images-1-image": upload("back.jpg", image_bytes("JPEG"), "image/jpeg"),
            "new_images-1-alt_text": "",
        },
    )
    response = client.post(url("product_create", store), data)
    assert response.status_code == 302, response.context and response.context["forms"].form.errors
    with scope(store=store):
        product = Product.objects.get()
        assert (product.title_en, product.title_de, product.price_cents, product.compare_at_price_cents) == (
            "Linen shirt",
            "Leinenhemd",
            4990,
            5900,
        )
        assert product.status == "active" and list(product.categories.all()) == [kitchen]
        variants = {v.sku: (v.price_cents, [o.value_en for o in v.option_values.all()]) for v in product.variants.all()}
        assert variants == {"SHIRT-S": (None, ["S"]), "SHIRT-M": (5250, ["M"])}
        images = list(product.images.order_by("position"))
        assert [(image.image_format, image.alt_text_en) for image in images] == [
            ("png", "The shirt from the front"),
            ("jpeg", ""),
        ]
    assert response["Location"] == url("product_update", store, pk=product.pk)
    assert len(stored_files(tmp_path)) == 4  # two images, two thumbnails


def test_create_a_simple_product_with_one_sku(client, store):
    client.force_login(owner_of(store))
    response = client.post(url("product_create", store), product_data())
    assert response.status_code == 302
    with scope(store=store):
        product = Product.objects.get()
        assert product.slug == "linen-shirt" and list(product.variants.values_list("sku", flat=True)) == ["SHIRT"]
        assert product.description_en == "<p>Soft <strong>linen</strong></p>"


def test_in_german_prices_take_a_decimal_comma_and_alt_text_is_german(client, store, settings):
    client.force_login(owner_of(store))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    data = product_data(price="1249,50", **{"new_images-0-image": upload(), "new_images-0-alt_text": "Das Hemd"})
    response = client.post(url("product_create", store), data)
    assert response.status_code == 302
    with scope(store=store):
        product = Product.objects.get()
        image = product.images.get()
    assert product.price_cents == 124950
    assert (image.alt_text_de, image.alt_text_en) == ("Das Hemd", None)
    page = client.get(url("product_update", store, pk=product.pk))
    assert page.context["form"]["price"].value() == Decimal("1249.50")
    assert 'value="1249,50"' in page.content.decode()


def test_the_description_is_sanitised(client, store):
    client.force_login(owner_of(store))
    client.post(
        url("product_create", store), product_data(description_en='<p onclick="x()">Hi<script>bad()</script></p>')
    )
    with scope(store=store):
        assert Product.objects.get().description_en == "<p>Hi</p>"


def test_edit_changes_the_sku_and_images(client, store):
    product = ProductFactory(store=store, title_en="Mug", sku="MUG-1", price_cents=1200)
    first, second = upload_to(store, product), upload_to(store, product)
    with scope(store=store):
        variant = product.variants.get()
    client.force_login(owner_of(store))
    page = client.get(url("product_update", store, pk=product.pk))
    assert page.context["form"]["price"].value() == 12
    data = product_data(
        title_en="Big mug",
        price="12.00",
        **{
            "variants-INITIAL_FORMS": "1",
            "variants-0-id": str(variant.pk),
            "variants-0-sku": "MUG-2",
            "images-TOTAL_FORMS": "2",
            "images-INITIAL_FORMS": "2",
            "images-0-id": str(first.pk),
            "images-0-alt_text": "",
            "images-0-position": "0",
            "images-0-DELETE": "on",
            "images-1-id": str(second.pk),
            "images-1-alt_text": "Side view",
            "images-1-position": "5",
        },
    )
    response = client.post(url("product_update", store, pk=product.pk), data)
    assert response.status_code == 302
    with scope(store=store):
        product.refresh_from_db()
        assert product.title_en == "Big mug"
        assert list(product.variants.values_list("pk", "sku")) == [(variant.pk, "MUG-2")]
        assert list(product.images.values_list("pk", "alt_text_en", "position")) == [(second.pk, "Side view", 5)]


def test_saving_a_product_as_shown_keeps_every_variant(client, store):
    """Regression: unchanged existing variants were left out of the new set, so saving dropped them."""
    product, _parts = make_sized_product(store)
    client.force_login(owner_of(store))
    edit = url("product_update", store, pk=product.pk)

    data = as_shown(client.get(edit))
    data["status"] = ["archived"]
    archived = client.post(edit, data)
    data = as_shown(client.get(edit))
    data["variants-1-price"] = ["31.00"]
    repriced = client.post(edit, data)

    assert (archived.status_code, repriced.status_code) == (302, 302)
    with scope(store=store):
        product.refresh_from_db()
        assert product.status == "archived"
        assert list(product.variants.order_by("position").values_list("sku", "price_cents")) == [
            ("TEE-S-RED", None),
            ("TEE-M-RED", 3100),
            ("TEE-M-BLUE", 1500),
        ]


def _assert_nothing_written(store, tmp_path, before) -> None:
    assert counts(store) == before
    assert stored_files(tmp_path) == []


def test_a_duplicate_sku_is_a_field_error_and_nothing_is_saved(client, store, tmp_path):
    ProductFactory(store=store, title_en="Mug", sku="TAKEN")
    before = counts(store)
    client.force_login(owner_of(store))
    data = product_data(**{"variants-0-sku": "TAKEN", "new_images-0-image": upload()})
    response = client.post(url("product_create", store), data)
    assert response.status_code == 400
    variant_form = response.context["forms"].variants.forms[0]
    assert "already used by “Mug”" in " ".join(variant_form.errors["sku"])
    assert "Nothing was saved" in response.content.decode()
    assert counts(store) == before
    assert len(stored_files(tmp_path)) == 0


def test_a_duplicate_sku_among_the_variants_is_a_field_error(client, store):
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    ids = values_of(size)
    client.force_login(owner_of(store))
    data = product_data(
        option_attributes=[size.pk],
        **{
            "variants-TOTAL_FORMS": "2",
            "variants-0-sku": "SAME",
            f"variants-0-option_{size.pk}": ids["S"],
            "variants-1-sku": "SAME",
            f"variants-1-option_{size.pk}": ids["M"],
        },
    )
    response = client.post(url("product_create", store), data)
    assert response.status_code == 400
    assert "already uses the SKU SAME" in " ".join(response.context["forms"].variants.forms[1].errors["sku"])
    assert counts(store) == (0, 0, 0)


def test_variants_need_one_value_of_each_option(client, store):
    size = AttributeFactory(store=store, name_en="Size", values=["S"])
    client.force_login(owner_of(store))
    data = product_data(option_attributes=[size.pk])
    response = client.post(url("product_create", store), data)
    assert response.status_code == 400
    assert "Choose exactly one value" in " ".join(response.context["forms"].variants.forms[0].non_field_errors())
    assert counts(store) == (0, 0, 0)


@pytest.mark.parametrize("field", ["price", "compare_at_price", "variants-0-price"])
def test_a_negative_price_is_a_field_error(client, store, field):
    client.force_login(owner_of(store))
    response = client.post(url("product_create", store), product_data(**{field: "-1.00"}))
    assert response.status_code == 400
    forms = response.context["forms"]
    errors = forms.variants.forms[0].errors["price"] if field.startswith("variants") else forms.form.errors[field]
    assert errors == ["The amount cannot be negative."]
    assert counts(store) == (0, 0, 0)


def test_the_english_title_is_required(client, store):
    client.force_login(owner_of(store))
    response = client.post(url("product_create", store), product_data(title_en="", title_de="Hemd"))
    assert response.status_code == 400 and "title_en" in response.context["form"].errors
    assert counts(store) == (0, 0, 0)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("polyglot.png", image_bytes() + b"<script>alert(1)</script>", "HTML or script code"),
        ("spoofed.jpg", image_bytes("PNG"), "the content is PNG"),
        ("notes.png", b"just some text, not an image", "not an image"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "Only JPEG"),
        ("bomb.png", png_declaring(20000, 20000), "too many pixels"),
        ("..png", image_bytes(), "file name is not allowed"),
    ],
    ids=["polyglot", "spoofed-extension", "not-an-image", "svg-with-script", "decompression-bomb", "dot-dot-name"],
)
def test_a_bad_image_is_a_field_error_and_nothing_is_saved(client, store, tmp_path, name, content, message):
    client.force_login(owner_of(store))
    data = product_data(**{"new_images-0-image": upload("fine.png"), "new_images-1-image": upload(name, content)})
    response = client.post(url("product_create", store), data)
    assert response.status_code == 400
    new_images = response.context["forms"].new_images.forms
    assert not new_images[0].errors
    assert message in " ".join(new_images[1].errors["image"])
    _assert_nothing_written(store, tmp_path, (0, 0, 0))


def test_an_oversized_image_is_refused(client, store, tmp_path, monkeypatch):
    from modules.catalog import images

    content = image_bytes()
    monkeypatch.setattr(images, "_limits", lambda: (len(content) - 1, 40_000_000))
    client.force_login(owner_of(store))
    data = product_data(**{"new_images-0-image": upload("big.png", content)})
    response = client.post(url("product_create", store), data)
    assert response.status_code == 400
    assert "larger than" in " ".join(response.context["forms"].new_images.forms[0].errors["image"])
    _assert_nothing_written(store, tmp_path, (0, 0, 0))


def test_publishing_beyond_the_plan_is_a_status_error(client, store, monkeypatch):
    monkeypatch.setattr(limits, "active_product_limit", lambda store: 1)
    ProductFactory(store=store, title_en="Mug", status="active")
    client.force_login(owner_of(store))
    response = client.post(
        url("product_create", store), product_data(status="active", **{"new_images-0-image": upload()})
    )
    assert response.status_code == 400
    assert "plan allows 1 active product" in " ".join(response.context["form"].errors["status"])
    assert counts(store)[0] == 1


def test_staff_cannot_save_a_product(client, store):
    product = ProductFactory(store=store, title_en="Mug", sku="MUG-1")
    client.force_login(add_member(store, "staff@acme.test", "staff"))
    response = client.post(url("product_update", store, pk=product.pk), product_data(title_en="Hacked"))
    assert response.status_code == 403
    with scope(store=store):
        assert Product.objects.get().title_en == "Mug"


def test_delete_a_product_after_confirming(client, store):
    product = ProductFactory(store=store, title_en="Mug")
    client.force_login(owner_of(store))
    page = client.get(url("product_delete", store, pk=product.pk))
    assert "Delete “Mug” and its 1 variant" in page.content.decode()
    response = client.post(url("product_delete", store, pk=product.pk), follow=True)
    assert "Product “Mug” deleted." in messages_of(response)
    assert counts(store) == (0, 0, 0)


def test_another_stores_product_is_not_found(client, store, other_store):
    theirs = ProductFactory(store=other_store, title_en="Theirs")
    client.force_login(owner_of(store))
    assert client.get(url("product_update", store, pk=theirs.pk)).status_code == 404
    assert client.post(url("product_delete", store, pk=theirs.pk)).status_code == 404


# --- Categories ------------------------------------------------------------


def test_category_tree_with_product_counts(client, store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    cups = CategoryFactory(store=store, name_en="Cups", parent=kitchen)
    CategoryFactory(store=store, name_en="Garden")
    with scope(store=store):
        services.product_create(
            store=store, actor=None, values={"title_en": "Mug", "price_cents": 100, "sku": "M"}, categories=[cups]
        )
    client.force_login(owner_of(store))
    response = client.get(url("category_list", store))
    rows = [(category.name, depth, category.product_count) for category, depth in response.context["rows"]]
    assert rows == [("Garden", 0, 0), ("Kitchen", 0, 0), ("Cups", 1, 1)]


def test_create_a_category_under_a_parent(client, store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    client.force_login(owner_of(store))
    data = {
        "parent": kitchen.pk,
        "name_en": "Cups",
        "name_de": "Tassen",
        "slug": "",
        "position": "0",
        "is_active": "on",
    }
    data.update({f"name_{code}": "" for code in ("fr", "lb")})
    data.update({f"description_{code}": "" for code in LANGUAGES})
    response = client.post(url("category_create", store), data)
    assert response.status_code == 302
    with scope(store=store):
        cups = Category.objects.get(slug="cups")
        assert (cups.parent, cups.name_de) == (kitchen, "Tassen")


def test_a_category_cannot_move_under_itself_or_below(client, store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    cups = CategoryFactory(store=store, name_en="Cups", parent=kitchen)
    garden = CategoryFactory(store=store, name_en="Garden")
    client.force_login(owner_of(store))
    page = client.get(url("category_update", store, pk=kitchen.pk))
    offered = [value for value, _label in page.context["form"].fields["parent"].choices if value]
    assert offered == [garden.pk]
    data = {"parent": cups.pk, "name_en": "Kitchen", "slug": "kitchen", "position": "0", "is_active": "on"}
    response = client.post(url("category_update", store, pk=kitchen.pk), data)
    assert response.status_code == 200
    assert "under itself" in " ".join(response.context["form"].errors["parent"])
    with scope(store=store):
        assert Category.objects.get(pk=kitchen.pk).parent is None


def test_delete_a_category(client, store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    CategoryFactory(store=store, name_en="Cups", parent=kitchen)
    client.force_login(owner_of(store))
    page = client.get(url("category_delete", store, pk=kitchen.pk)).content.decode()
    assert "Its 1 subcategory moves up to the top level." in page
    response = client.post(url("category_delete", store, pk=kitchen.pk), follow=True)
    assert "Category “Kitchen” deleted." in messages_of(response)
    with scope(store=store):
        assert list(Category.objects.values_list("name_en", "parent")) == [("Cups", None)]


# --- Attributes ------------------------------------------------------------


def attribute_data(**fields) -> dict:
    data = {f"name_{code}": "" for code in LANGUAGES}
    data.update(
        {"name_en": "Colour", "slug": "", "position": "0", "values-TOTAL_FORMS": "3", "values-INITIAL_FORMS": "0"}
    )
    for index in range(3):
        data.update({f"values-{index}-id": "", f"values-{index}-slug": "", f"values-{index}-position": "0"})
        data.update({f"values-{index}-value_{code}": "" for code in LANGUAGES})
    data.update(fields)
    return data


def test_create_an_attribute_with_values(client, store):
    client.force_login(owner_of(store))
    data = attribute_data(
        **{
            "values-0-value_en": "Red",
            "values-0-value_de": "Rot",
            "values-0-position": "0",
            "values-1-value_en": "Blue",
            "values-1-position": "1",
        }
    )
    response = client.post(url("attribute_create", store), data)
    assert response.status_code == 302
    with scope(store=store):
        colour = Attribute.objects.get()
        assert [(v.value_en, v.value_de or "") for v in colour.values.all()] == [("Red", "Rot"), ("Blue", "")]


def test_edit_an_attribute_renames_and_removes_values(client, store):
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    ids = values_of(size)
    client.force_login(owner_of(store))
    data = attribute_data(
        name_en="Shirt size",
        slug="size",
        **{
            "values-TOTAL_FORMS": "2",
            "values-INITIAL_FORMS": "2",
            "values-0-id": str(ids["S"]),
            "values-0-value_en": "Small",
            "values-0-slug": "s",
            "values-0-position": "0",
            "values-1-id": str(ids["M"]),
            "values-1-value_en": "M",
            "values-1-slug": "m",
            "values-1-position": "1",
            "values-1-DELETE": "on",
        },
    )
    response = client.post(url("attribute_update", store, pk=size.pk), data)
    assert response.status_code == 302
    with scope(store=store):
        assert Attribute.objects.get().name_en == "Shirt size"
        assert list(AttributeValue.objects.values_list("value_en", flat=True)) == ["Small"]


def test_a_value_in_use_is_kept_and_the_page_says_why(client, store):
    size = AttributeFactory(store=store, name_en="Size", values=["S"])
    ids = values_of(size)
    with scope(store=store):
        services.product_create(
            store=store,
            actor=None,
            values={"title_en": "Shirt", "price_cents": 100},
            option_attributes=[size],
            variants=[services.VariantInput(sku="S-S", option_values=[ids["S"]])],
        )
    client.force_login(owner_of(store))
    data = attribute_data(
        name_en="Size",
        slug="size",
        **{
            "values-TOTAL_FORMS": "1",
            "values-INITIAL_FORMS": "1",
            "values-0-id": str(ids["S"]),
            "values-0-value_en": "S",
            "values-0-slug": "s",
            "values-0-position": "0",
            "values-0-DELETE": "on",
        },
    )
    response = client.post(url("attribute_update", store, pk=size.pk), data)
    assert response.status_code == 200
    assert "1 variant has this value" in response.content.decode()
    with scope(store=store):
        assert AttributeValue.objects.count() == 1


def _snapshot(model, pk, fields):
    with scopes_disabled():
        return model.objects.filter(pk=pk).values(*fields).get()


def test_saving_a_category_and_an_attribute_as_shown_changes_nothing(client, store):
    from modules.catalog.tests.factories import CategoryFactory

    parent = CategoryFactory(store=store, name_en="Outdoor", slug="outdoor")
    category = CategoryFactory(store=store, name_en="Tents", name_de="Zelte", slug="tents", parent=parent)
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M", "L"])
    client.force_login(owner_of(store))
    before = (
        _snapshot(Category, category.pk, ["name_en", "name_de", "slug", "parent_id", "is_active", "position"]),
        sorted(values_of(size).items()),
    )

    pages = [url("category_update", store, pk=category.pk), url("attribute_update", store, pk=size.pk)]
    answers = [client.post(page, as_shown(client.get(page))).status_code for page in pages]

    assert answers == [302, 302]
    after = (
        _snapshot(Category, category.pk, ["name_en", "name_de", "slug", "parent_id", "is_active", "position"]),
        sorted(values_of(size).items()),
    )
    assert after == before


def test_the_product_page_shows_its_latest_changes_and_links_to_all_of_them(client, store):
    owner = owner_of(store)
    product = ProductFactory(store=store, title_en="Mug", sku="MUG-1", price_cents=900)
    services.product_update(store=store, actor=owner, product=product, values={"price_cents": 1250})
    client.force_login(owner)

    html = client.get(url("product_update", store, pk=product.pk)).content.decode()

    assert 'id="audit-history-title"' in html
    assert "<del>9.00</del> → <ins>12.50</ins>" in html and owner.email in html  # cents read as money
    assert f"/store/{store.code}/core/activity/?object=catalog.product%3A{product.pk}" in html


def test_the_product_history_has_no_activity_link_for_a_role_that_may_not_read_it(client, store):
    from modules.tenancy import services as tenancy_services

    product = ProductFactory(store=store, title_en="Mug", sku="MUG-1", price_cents=900)
    with scope(store=store):
        role = tenancy_services.role_create(
            store=store, actor=owner_of(store), name="Cataloguer", permissions=["catalog.view_product"]
        )
    client.force_login(add_member(store, "cataloguer@acme.test", role=role))

    html = client.get(url("product_update", store, pk=product.pk)).content.decode()

    assert 'id="audit-history-title"' in html and "/core/activity/" not in html

"""The catalog's store API: products with variants and images, categories and attributes of one store."""

from __future__ import annotations

import dataclasses
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from PIL import Image
from rest_framework.test import APIClient

from modules.catalog import services
from modules.catalog.models import Attribute, AttributeValue, Category, Product, ProductImage, Variant
from modules.core import services as core_services
from modules.tenancy import services as tenancy_services
from modules.tenancy.testing import owner_of
from modules.tenancy.testing import store_api as api
from orion.modules import registry

from .factories import AttributeFactory, CategoryFactory, ProductFactory, ProductImageFactory, image_bytes
from .test_images import png_declaring


@pytest.fixture(autouse=True)
def catalog(store, enable, settings, tmp_path):
    """The catalogue (and inventory, which it requires) on; uploads go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path
    enable("catalog")


def url(name: str, **kwargs) -> str:
    return reverse(f"api_store:catalog:{name}", kwargs=kwargs)


def png(size=(8, 6), color="red") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def role(store, permissions: list[str]):
    with scope(store=store):
        return tenancy_services.role_create(store=store, actor=owner_of(store), name="Clerk", permissions=permissions)


def counts(store) -> dict[str, int]:
    with scope(store=store):
        return {
            model.__name__: model.objects.count()
            for model in (Product, Variant, ProductImage, Category, Attribute, AttributeValue)
        }


# --- Products: the happy paths -------------------------------------------------------


def test_the_owner_creates_a_product_with_translations_categories_and_variants(store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    small, medium = size.made_values

    response = api(owner_of(store), store).post(
        url("product_list"),
        {
            "title_en": "Mug",
            "title_de": "Becher",
            "description_en": "<p>Holds <b>tea</b><script>alert(1)</script></p>",
            "status": "active",
            "price_cents": 1200,
            "categories": [kitchen.pk],
            "option_attributes": [size.pk],
            "variants": [
                {"sku": "MUG-S", "option_values": [small.pk]},
                {"sku": "MUG-M", "option_values": [medium.pk], "price_cents": 1400, "position": 1},
            ],
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["title_en"], body["title_de"], body["slug"], body["status"]) == ("Mug", "Becher", "mug", "active")
    assert "<script>" not in body["description_en"]
    assert body["categories"] == [kitchen.pk] and body["option_attributes"] == [size.pk]
    assert [(v["sku"], v["option_values"], v["effective_price_cents"]) for v in body["variants"]] == [
        ("MUG-S", [small.pk], 1200),
        ("MUG-M", [medium.pk], 1400),
    ]
    assert body["variants"][0]["stock"] == {
        "on_hand": 0,
        "reserved": 0,
        "available": 0,
        "tracked": True,
        "is_low": False,
    }
    assert body["currency"] == store.currency and body["published_at"]
    with scope(store=store):
        product = Product.objects.get(pk=body["id"])
        assert product.title_de == "Becher"
        assert sorted(product.variants.values_list("sku", flat=True)) == ["MUG-M", "MUG-S"]


def test_a_product_without_variants_gets_its_default_variant(store):
    response = api(owner_of(store), store).post(
        url("product_list"), {"title_en": "Poster", "price_cents": 900, "sku": "POSTER"}, format="json"
    )

    assert response.status_code == 201, response.json()
    assert [v["sku"] for v in response.json()["variants"]] == ["POSTER"]
    assert response.json()["status"] == "draft"


def test_the_list_is_paginated_and_filtered(store, other_store):
    ProductFactory(store=store, title_en="Red mug", status="active")
    ProductFactory(store=store, title_en="Blue plate")
    ProductFactory(store=other_store, title_en="Their mug", status="active")
    client = api(owner_of(store), store)

    everything = client.get(url("product_list")).json()
    mugs = client.get(url("product_list"), {"q": "mug"}).json()
    drafts = client.get(url("product_list"), {"status": "draft"}).json()
    first = client.get(url("product_list"), {"limit": 1}).json()

    assert everything["count"] == 2
    assert [p["title"] for p in mugs["results"]] == ["Red mug"]
    assert [p["title"] for p in drafts["results"]] == ["Blue plate"]
    assert len(first["results"]) == 1 and first["next"]


def test_the_list_filters_by_category(store):
    kitchen = CategoryFactory(store=store, name_en="Kitchen")
    mug = ProductFactory(store=store, title_en="Mug")
    ProductFactory(store=store, title_en="Poster")
    with scope(store=store):
        services.product_update(store=store, actor=owner_of(store), product=mug, values={}, categories=[kitchen])

    response = api(owner_of(store), store).get(url("product_list"), {"category": kitchen.pk})

    assert [p["title"] for p in response.json()["results"]] == ["Mug"]


def test_show_a_product(store):
    product = ProductFactory(store=store, title_en="Mug", sku="MUG")
    ProductImageFactory(store=store, product=product, alt_text_en="A mug")

    response = api(owner_of(store), store).get(url("product_detail", pk=product.pk))

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Mug" and body["variants"][0]["sku"] == "MUG"
    assert body["images"][0]["alt_text_en"] == "A mug"
    assert body["images"][0]["image"].startswith("http://testserver/media/catalog/")


def test_patch_changes_only_what_is_sent(store):
    product = ProductFactory(store=store, title_en="Mug", description_en="<p>Big</p>")

    response = api(owner_of(store), store).patch(
        url("product_detail", pk=product.pk), {"title_de": "Becher", "price_cents": 1500}, format="json"
    )

    assert response.status_code == 200, response.json()
    with scope(store=store):
        product.refresh_from_db()
    assert (product.title_en, product.title_de, product.price_cents) == ("Mug", "Becher", 1500)
    assert product.description_en == "<p>Big</p>"


def test_put_needs_the_required_fields(store):
    product = ProductFactory(store=store, title_en="Mug")

    response = api(owner_of(store), store).put(
        url("product_detail", pk=product.pk), {"title_de": "Becher"}, format="json"
    )

    assert response.status_code == 400
    assert {"title_en", "price_cents"} <= set(response.json()["errors"])


def test_sent_variants_are_the_full_new_set(store):
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    small, medium = size.made_values
    with scope(store=store):
        product = services.product_create(
            store=store,
            actor=owner_of(store),
            values={"title_en": "Shirt", "price_cents": 2000},
            option_attributes=[size],
            variants=[
                services.VariantInput(sku="SHIRT-S", option_values=[small]),
                services.VariantInput(sku="SHIRT-M", option_values=[medium]),
            ],
        )
        kept = product.variants.get(sku="SHIRT-S")

    response = api(owner_of(store), store).patch(
        url("product_detail", pk=product.pk),
        {"variants": [{"id": kept.pk, "sku": "SHIRT-SMALL", "option_values": [small.pk]}]},
        format="json",
    )

    assert response.status_code == 200, response.json()
    assert [(v["id"], v["sku"]) for v in response.json()["variants"]] == [(kept.pk, "SHIRT-SMALL")]


def test_delete_a_product(store):
    product = ProductFactory(store=store, title_en="Mug")

    response = api(owner_of(store), store).delete(url("product_detail", pk=product.pk))

    assert response.status_code == 204
    assert counts(store)["Product"] == 0 and counts(store)["Variant"] == 0


def test_bulk_status_publishes_several_products(store):
    products = [ProductFactory(store=store, title_en=f"Mug {n}") for n in range(3)]

    response = api(owner_of(store), store).post(
        url("product_bulk_status"), {"ids": [p.pk for p in products[:2]], "status": "active"}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json() == {"updated": 2}
    with scope(store=store):
        assert sorted(Product.objects.values_list("status", flat=True)) == ["active", "active", "draft"]


def test_bulk_status_with_another_stores_product_changes_nothing(store, other_store):
    mine = ProductFactory(store=store, title_en="Mine")
    theirs = ProductFactory(store=other_store, title_en="Theirs")

    response = api(owner_of(store), store).post(
        url("product_bulk_status"), {"ids": [mine.pk, theirs.pk], "status": "active"}, format="json"
    )

    assert response.status_code == 400
    assert "ids" in response.json()["errors"]
    with scopes_disabled():
        assert set(Product.objects.values_list("status", flat=True)) == {"draft"}


def test_ids_too_large_for_the_database_are_not_found_rather_than_an_error(store):
    """Found by schemathesis: an id past the column's range must be a 400 or 404, never a 500."""
    client = api(owner_of(store), store)
    huge = 10**30

    bulk = client.post(url("product_bulk_status"), {"ids": [huge], "status": "active"}, format="json")
    value = client.get(url("attribute_value_detail", attribute_id=huge, pk=1))
    image = client.get(url("product_image_detail", product_id=huge, pk=1))

    assert bulk.status_code == 400 and "ids" in bulk.json()["errors"]
    assert (value.status_code, image.status_code) == (404, 404)


# --- Images -----------------------------------------------------------------------------


def test_upload_list_change_and_delete_an_image(store):
    product = ProductFactory(store=store, title_en="Mug")
    client = api(owner_of(store), store)

    uploaded = client.post(
        url("product_image_list", pk=product.pk), {"image": png(), "alt_text_en": "Front", "alt_text_fr": "Devant"}
    )
    assert uploaded.status_code == 201, uploaded.json()
    image = uploaded.json()
    assert (image["width"], image["height"], image["alt_text_fr"]) == (8, 6, "Devant")
    assert image["image"].startswith("http://testserver/media/") and image["thumbnail"]

    listed = client.get(url("product_image_list", pk=product.pk))
    assert [row["id"] for row in listed.json()] == [image["id"]]

    changed = client.patch(
        url("product_image_detail", product_id=product.pk, pk=image["id"]),
        {"alt_text_en": "The front", "position": 3},
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["alt_text_en"], changed.json()["position"]) == ("The front", 3)

    deleted = client.delete(url("product_image_detail", product_id=product.pk, pk=image["id"]))
    assert deleted.status_code == 204
    assert counts(store)["ProductImage"] == 0


def test_a_file_that_is_not_an_image_is_rejected_and_nothing_is_stored(store, tmp_path):
    product = ProductFactory(store=store, title_en="Mug")
    fake = SimpleUploadedFile("photo.png", b"<html><script>alert(1)</script></html>", content_type="image/png")

    response = api(owner_of(store), store).post(url("product_image_list", pk=product.pk), {"image": fake})

    assert response.status_code == 400
    assert response.json()["code"] == "image_rejected" and "image" in response.json()["errors"]
    assert counts(store)["ProductImage"] == 0
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


ATTACKS = [
    pytest.param(
        "polyglot.png", image_bytes() + b"<script>alert(1)</script>", "HTML or script", id="html-png-polyglot"
    ),
    pytest.param(
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "Only JPEG",
        id="svg-with-script",
    ),
    pytest.param("photo.jpg", image_bytes("PNG"), "the content is PNG", id="spoofed-extension"),
    pytest.param("bomb.png", png_declaring(20000, 20000), "too many pixels", id="decompression-bomb"),
    pytest.param("big.png", image_bytes() + bytes(4000), "larger than", id="oversized"),
    pytest.param("..png", image_bytes(), "file name is not allowed", id="dot-dot-name"),
]


@pytest.mark.parametrize(("name", "content", "reason"), ATTACKS)
def test_each_hostile_upload_is_a_400_saying_why_and_stores_nothing(
    store, tmp_path, settings, monkeypatch, name, content, reason
):
    from modules.catalog import images

    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(images, "get_module_config", lambda code: {"max_image_bytes": 3000, "max_image_pixels": 10**6})
    product = ProductFactory(store=store, title_en="Mug")
    upload = SimpleUploadedFile(name, content, content_type="image/png")

    response = api(owner_of(store), store).post(url("product_image_list", pk=product.pk), {"image": upload})

    assert response.status_code == 400
    assert response.json()["code"] == "image_rejected"
    assert reason in " ".join(response.json()["errors"]["image"])
    assert counts(store)["ProductImage"] == 0
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_a_path_in_the_file_name_never_reaches_the_disk(store, tmp_path, settings):
    """Django keeps only the last part of an upload's name; the service stores images under random names anyway."""
    settings.MEDIA_ROOT = tmp_path / "media"
    product = ProductFactory(store=store, title_en="Mug")
    upload = SimpleUploadedFile("../../../evil.png", image_bytes(), content_type="image/png")

    response = api(owner_of(store), store).post(url("product_image_list", pk=product.pk), {"image": upload})

    assert response.status_code == 201
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert written and all(path.is_relative_to(settings.MEDIA_ROOT) for path in written)
    assert not any("evil" in path.name for path in written)


def test_an_image_of_another_product_is_not_found_through_this_one(store):
    mug, poster = ProductFactory(store=store, title_en="Mug"), ProductFactory(store=store, title_en="Poster")
    image = ProductImageFactory(store=store, product=poster)

    response = api(owner_of(store), store).delete(url("product_image_detail", product_id=mug.pk, pk=image.pk))

    assert response.status_code == 404
    assert counts(store)["ProductImage"] == 1


# --- Categories and attributes -----------------------------------------------------------


def test_category_crud_with_a_parent(store):
    client = api(owner_of(store), store)

    home = client.post(url("category_list"), {"name_en": "Home", "name_de": "Zuhause"}, format="json")
    assert home.status_code == 201, home.json()
    kitchen = client.post(url("category_list"), {"name_en": "Kitchen", "parent": home.json()["id"]}, format="json")
    assert kitchen.status_code == 201, kitchen.json()
    assert (kitchen.json()["parent"], kitchen.json()["slug"]) == (home.json()["id"], "kitchen")

    listed = client.get(url("category_list")).json()
    assert {row["name"] for row in listed["results"]} == {"Home", "Kitchen"}

    moved = client.patch(url("category_detail", pk=kitchen.json()["id"]), {"parent": None}, format="json")
    assert moved.status_code == 200 and moved.json()["parent"] is None
    renamed = client.put(url("category_detail", pk=home.json()["id"]), {"name_en": "House"}, format="json")
    assert renamed.status_code == 200 and renamed.json()["name_en"] == "House"

    assert client.delete(url("category_detail", pk=kitchen.json()["id"])).status_code == 204
    assert counts(store)["Category"] == 1


def test_a_category_under_itself_is_refused(store):
    home = CategoryFactory(store=store, name_en="Home")
    kitchen = CategoryFactory(store=store, name_en="Kitchen", parent=home)

    response = api(owner_of(store), store).patch(
        url("category_detail", pk=home.pk), {"parent": kitchen.pk}, format="json"
    )

    assert response.status_code == 400 and response.json()["code"] == "category_cycle"
    with scope(store=store):
        assert Category.objects.get(pk=home.pk).parent_id is None


def test_attribute_crud_with_values(store):
    client = api(owner_of(store), store)

    size = client.post(url("attribute_list"), {"name_en": "Size", "name_fr": "Taille"}, format="json")
    assert size.status_code == 201, size.json()
    pk = size.json()["id"]
    small = client.post(url("attribute_value_list", pk=pk), {"value_en": "Small", "slug": "s"}, format="json")
    assert small.status_code == 201, small.json()
    assert small.json()["attribute"] == pk

    shown = client.get(url("attribute_detail", pk=pk)).json()
    assert (shown["name_fr"], [v["slug"] for v in shown["values"]]) == ("Taille", ["s"])
    assert [v["value"] for v in client.get(url("attribute_value_list", pk=pk)).json()] == ["Small"]
    assert client.get(url("attribute_list")).json()["results"][0]["values"][0]["value"] == "Small"

    value_url = url("attribute_value_detail", attribute_id=pk, pk=small.json()["id"])
    changed = client.patch(value_url, {"value_de": "Klein"}, format="json")
    assert changed.status_code == 200 and changed.json()["value_de"] == "Klein"
    renamed = client.patch(url("attribute_detail", pk=pk), {"name_en": "Sizes"}, format="json")
    assert renamed.status_code == 200 and renamed.json()["name"] == "Sizes"

    assert client.delete(value_url).status_code == 204
    assert client.delete(url("attribute_detail", pk=pk)).status_code == 204
    assert counts(store)["Attribute"] == counts(store)["AttributeValue"] == 0


def test_a_value_of_another_attribute_is_not_found_through_this_one(store):
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    small, _medium = size.made_values
    colour = AttributeFactory(store=store, name_en="Colour", values=["Red"])

    response = api(owner_of(store), store).get(url("attribute_value_detail", attribute_id=colour.pk, pk=small.pk))

    assert response.status_code == 404


# --- Permissions ----------------------------------------------------------------------


READS = [
    ("product_list", {}),
    ("product_detail", {"pk": "product"}),
    ("product_image_list", {"pk": "product"}),
    ("category_list", {}),
    ("category_detail", {"pk": "category"}),
    ("attribute_list", {}),
    ("attribute_detail", {"pk": "attribute"}),
    ("attribute_value_list", {"pk": "attribute"}),
]
WRITES = [
    ("post", "product_list", {}, "create_product"),
    ("patch", "product_detail", {"pk": "product"}, "edit_product"),
    ("put", "product_detail", {"pk": "product"}, "edit_product"),
    ("delete", "product_detail", {"pk": "product"}, "delete_product"),
    ("post", "product_bulk_status", {}, "edit_product"),
    ("post", "product_image_list", {"pk": "product"}, "edit_product"),
    ("patch", "product_image_detail", {"product_id": "product", "pk": "image"}, "edit_product"),
    ("delete", "product_image_detail", {"product_id": "product", "pk": "image"}, "edit_product"),
    ("post", "category_list", {}, "manage_categories"),
    ("patch", "category_detail", {"pk": "category"}, "manage_categories"),
    ("delete", "category_detail", {"pk": "category"}, "manage_categories"),
    ("post", "attribute_list", {}, "manage_attributes"),
    ("patch", "attribute_detail", {"pk": "attribute"}, "manage_attributes"),
    ("delete", "attribute_detail", {"pk": "attribute"}, "manage_attributes"),
    ("post", "attribute_value_list", {"pk": "attribute"}, "manage_attributes"),
    ("patch", "attribute_value_detail", {"attribute_id": "attribute", "pk": "value"}, "manage_attributes"),
    ("delete", "attribute_value_detail", {"attribute_id": "attribute", "pk": "value"}, "manage_attributes"),
]


@pytest.fixture
def rows(store):
    product = ProductFactory(store=store, title_en="Mug")
    attribute = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    value, _other = attribute.made_values
    return {
        "product": product.pk,
        "image": ProductImageFactory(store=store, product=product).pk,
        "category": CategoryFactory(store=store, name_en="Kitchen").pk,
        "attribute": attribute.pk,
        "value": value.pk,
    }


def route(name: str, kwargs: dict, rows: dict) -> str:
    return url(name, **{key: rows[row] for key, row in kwargs.items()})


@pytest.mark.parametrize(("name", "kwargs"), READS, ids=[name for name, _kwargs in READS])
def test_staff_read_everything(store, member, rows, name, kwargs):
    staff = member(store, "staff@acme.test", "staff")

    assert api(staff, store).get(route(name, kwargs, rows)).status_code == 200


@pytest.mark.parametrize(("method", "name", "kwargs", "_permission"), WRITES, ids=[f"{w[0]}-{w[1]}" for w in WRITES])
def test_staff_cannot_write_and_nothing_changes(store, member, rows, method, name, kwargs, _permission):
    staff = member(store, "staff@acme.test", "staff")
    before = counts(store)

    response = getattr(api(staff, store), method)(route(name, kwargs, rows), {}, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert counts(store) == before


@pytest.mark.parametrize(("method", "name", "kwargs", "permission"), WRITES, ids=[f"{w[0]}-{w[1]}" for w in WRITES])
def test_each_write_is_allowed_by_its_permission(store, member, rows, method, name, kwargs, permission):
    """A role with view_product and the named permission gets past the check (a 403 would mean another is asked)."""
    clerk_role = role(store, ["catalog.view_product", f"catalog.{permission}"])
    clerk = member(store, "clerk@acme.test", role=clerk_role)

    response = getattr(api(clerk, store), method)(route(name, kwargs, rows), {}, format="json")

    assert response.status_code != 403, response.json()


def test_delete_needs_delete_product_not_edit_product(store, member, rows):
    editor = member(store, "editor@acme.test", role=role(store, ["catalog.view_product", "catalog.edit_product"]))

    response = api(editor, store).delete(url("product_detail", pk=rows["product"]))

    assert response.status_code == 403
    assert counts(store)["Product"] == 1


@pytest.mark.parametrize(("name", "kwargs"), READS, ids=[name for name, _kwargs in READS])
def test_outsiders_get_404(store, other_store, rows, name, kwargs):
    assert api(owner_of(other_store), store).get(route(name, kwargs, rows)).status_code == 404


def test_an_api_key_of_another_store_is_404(store, other_store, rows):
    _token, key = core_services.api_token_create(store=other_store, user=owner_of(other_store), name="theirs")
    client = APIClient()
    client.credentials(HTTP_X_STORE=store.code, HTTP_AUTHORIZATION=f"Bearer {key}")

    assert client.get(url("product_list")).status_code == 404
    assert client.get(url("product_detail", pk=rows["product"])).status_code == 404


def test_an_api_key_of_the_store_works(store, rows):
    _token, key = core_services.api_token_create(store=store, user=owner_of(store), name="mine")
    client = APIClient()
    client.credentials(HTTP_X_STORE=store.code, HTTP_AUTHORIZATION=f"Bearer {key}")

    response = client.get(url("product_detail", pk=rows["product"]))

    assert response.status_code == 200 and response.json()["id"] == rows["product"]


def test_anonymous_callers_are_refused(store):
    assert api(None, store).get(url("product_list")).status_code in (401, 403)


def test_another_stores_product_is_not_found_and_stays(store, other_store):
    theirs = ProductFactory(store=other_store, title_en="Theirs")
    client = api(owner_of(store), store)

    assert client.get(url("product_detail", pk=theirs.pk)).status_code == 404
    assert client.patch(url("product_detail", pk=theirs.pk), {"title_en": "Mine"}, format="json").status_code == 404
    assert client.delete(url("product_detail", pk=theirs.pk)).status_code == 404
    with scope(store=other_store):
        assert Product.objects.get(pk=theirs.pk).title == "Theirs"


# --- Bad input: a clear 400 (or 403) and nothing written ---------------------------------


def post_product(store, body: dict):
    return api(owner_of(store), store).post(
        url("product_list"), {"title_en": "New", "price_cents": 100, **body}, format="json"
    )


def test_a_duplicate_sku_is_a_field_error(store):
    ProductFactory(store=store, title_en="Mug", sku="MUG-1")
    before = counts(store)

    response = post_product(store, {"sku": "MUG-1"})

    assert response.status_code == 400
    assert response.json()["code"] == "duplicate_sku" and "sku" in response.json()["errors"]
    assert counts(store) == before


def test_a_duplicate_variant_sku_names_the_variant(store):
    ProductFactory(store=store, title_en="Mug", sku="MUG-1")
    size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])
    small, medium = size.made_values
    before = counts(store)

    response = post_product(
        store,
        {
            "option_attributes": [size.pk],
            "variants": [{"sku": "NEW-S", "option_values": [small.pk]}, {"sku": "MUG-1", "option_values": [medium.pk]}],
        },
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "duplicate_sku"
    assert body["errors"]["variants"][0] == {} and "sku" in body["errors"]["variants"][1]
    assert counts(store) == before


@pytest.mark.parametrize(
    "body",
    [
        {"price_cents": -1},
        {"compare_at_price_cents": -5},
        {"status": "sold"},
        {"title_en": ""},
        {"variants": [{"sku": "X", "price_cents": -1}]},
        {"variants": "not a list"},
    ],
    ids=[
        "negative-price",
        "negative-compare-at",
        "unknown-status",
        "no-title",
        "negative-variant-price",
        "bad-variants",
    ],
)
def test_bad_fields_are_field_errors(store, body):
    response = post_product(store, {"sku": "NEW", **body})

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert set(body) & set(response.json()["errors"])
    assert counts(store)["Product"] == 0


def test_another_stores_category_attribute_or_value_is_refused(store, other_store):
    their_category = CategoryFactory(store=other_store, name_en="Theirs")
    their_size = AttributeFactory(store=other_store, name_en="Size", values=["S", "M"])
    their_small, _m = their_size.made_values
    my_size = AttributeFactory(store=store, name_en="Size", values=["S", "M"])

    responses = [
        post_product(store, {"sku": "A", "categories": [their_category.pk]}),
        post_product(store, {"sku": "B", "option_attributes": [their_size.pk]}),
        post_product(
            store,
            {"option_attributes": [my_size.pk], "variants": [{"sku": "C", "option_values": [their_small.pk]}]},
        ),
        api(owner_of(store), store).post(
            url("category_list"), {"name_en": "Sub", "parent": their_category.pk}, format="json"
        ),
    ]

    assert [r.status_code for r in responses] == [400, 400, 400, 400]
    assert "categories" in responses[0].json()["errors"]
    assert "option_attributes" in responses[1].json()["errors"]
    assert "variants" in responses[2].json()["errors"]
    assert "parent" in responses[3].json()["errors"]
    assert counts(store)["Product"] == 0 and counts(store)["Category"] == 0


@pytest.fixture
def limit_of_one(monkeypatch, enable):
    """The dummy module sets the store's active product limit to 1, as billing does from a plan."""
    definition = dataclasses.replace(
        registry.MODULES["dummy"],
        limit_provider=lambda store, name: 1 if name == "catalog.active_products" else None,
    )
    monkeypatch.setitem(registry.MODULES, "dummy", definition)
    enable("dummy")


def test_the_tier_limit_refuses_another_active_product(store, limit_of_one):
    ProductFactory(store=store, title_en="Mug", status="active")
    draft = ProductFactory(store=store, title_en="Poster")
    before = counts(store)
    client = api(owner_of(store), store)

    created = post_product(store, {"sku": "NEW", "status": "active"})
    published = client.patch(url("product_detail", pk=draft.pk), {"status": "active"}, format="json")
    bulk = client.post(url("product_bulk_status"), {"ids": [draft.pk], "status": "active"}, format="json")

    for response in (created, published, bulk):
        assert response.status_code == 403
        assert response.json()["code"] == "active_product_limit_reached"
    assert counts(store) == before
    with scope(store=store):
        assert Product.objects.get(pk=draft.pk).status == "draft"


# --- Query counts ---------------------------------------------------------------------


def catalogue(store, size: int, tag: str) -> None:
    """``size`` products with two variants each (a size option), an image and a category."""
    kitchen = CategoryFactory(store=store, name_en=f"Kitchen {tag}")
    attribute = AttributeFactory(store=store, name_en=f"Size {tag}", values=["S", "M"])
    values = attribute.made_values
    owner = owner_of(store)
    with scope(store=store):
        for n in range(size):
            product = services.product_create(
                store=store,
                actor=owner,
                values={"title_en": f"Shirt {tag} {n}", "price_cents": 1000 + n},
                categories=[kitchen],
                option_attributes=[attribute],
                variants=[services.VariantInput(sku=f"{tag}-{n}-{v.slug}", option_values=[v]) for v in values],
            )
            services.product_image_add(store=store, actor=owner, product=product, upload=png(), values={})


# The request's own 6 (platform, store, enabled modules, session, user, membership), then 8 whatever the page
# size: count, products, variants, their option values, images, categories, option attributes, and the
# stock of every variant on the page in one.
PRODUCT_LIST_QUERIES = 14


@pytest.mark.parametrize("size", [3, 40])
def test_the_product_list_reads_a_fixed_number_of_queries(store, django_assert_num_queries, size):
    catalogue(store, size, "q")
    client = api(owner_of(store), store)

    with django_assert_num_queries(PRODUCT_LIST_QUERIES):
        response = client.get(url("product_list"), {"limit": 100})

    assert response.json()["count"] == size
    assert len(response.json()["results"]) == size

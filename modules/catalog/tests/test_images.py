"""Image uploads are judged by content: every refusal case with a generated file, and what accepted images become."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django_scopes import scope
from PIL import Image

from modules.catalog import images, services
from modules.catalog.exceptions import ImageRejectedError
from modules.catalog.images import validate_image
from modules.catalog.models import ProductImage
from modules.catalog.tests.factories import ProductFactory, ProductImageFactory, image_bytes, upload


def named(name: str, content: bytes) -> ContentFile:
    """A file whose name is kept as given (Django's uploads strip directories; the check must not rely on that)."""
    return ContentFile(content, name=name)


def png_declaring(width: int, height: int) -> bytes:
    """A valid 1x1 PNG whose header (IHDR) claims ``width`` x ``height``, CRC fixed: a decompression bomb's header."""
    data = bytearray(image_bytes("PNG", (1, 1)))
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def jpeg_with_orientation(size: tuple[int, int], orientation: int) -> bytes:
    image = Image.new("RGB", size, (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Camera maker"  # Make: metadata that must not survive
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def refusal(upload_file, **limits) -> str:
    with pytest.raises(ImageRejectedError) as caught:
        validate_image(upload_file, **limits)
    assert (caught.value.code, caught.value.status) == ("image_rejected", 400)
    assert caught.value.errors == {"image": [caught.value.message]}
    return caught.value.message


# --- Accepted -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name", "stored"),
    [
        ("PNG", "a.png", "png"),
        ("JPEG", "a.jpg", "jpeg"),
        ("JPEG", "a.JPEG", "jpeg"),
        ("WEBP", "a.webp", "webp"),
        ("GIF", "a.gif", "gif"),
        ("PNG", "no-extension", "png"),
    ],
)
def test_accepted_formats_are_re_encoded_with_a_webp_thumbnail(fmt, name, stored):
    validated = validate_image(named(name, image_bytes(fmt, (50, 30))))
    assert (validated.format, validated.width, validated.height) == (stored, 50, 30)
    assert Image.open(io.BytesIO(validated.content)).format == fmt
    thumb = Image.open(io.BytesIO(validated.thumbnail))
    assert (thumb.format, thumb.size) == ("WEBP", (50, 30))


def test_thumbnail_fits_in_400_by_400_keeping_the_aspect_ratio():
    validated = validate_image(named("big.png", image_bytes("PNG", (1000, 800))))
    assert Image.open(io.BytesIO(validated.thumbnail)).size == (400, 320)
    assert (validated.width, validated.height) == (1000, 800)


def test_orientation_is_applied_and_metadata_dropped():
    validated = validate_image(named("photo.jpg", jpeg_with_orientation((40, 20), orientation=6)))
    stored = Image.open(io.BytesIO(validated.content))
    assert stored.size == (20, 40) == (validated.width, validated.height)
    assert dict(stored.getexif()) == {}


def test_trailing_bytes_after_the_image_are_not_stored():
    data = image_bytes("PNG") + b"\x00" * 64 + b"trailing payload"
    validated = validate_image(named("a.png", data))
    assert b"trailing payload" not in validated.content


# --- Refused --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../evil.png", "dir/evil.png", "dir\\evil.png", "evil\x00.png", "..png"])
def test_file_names_with_path_parts_are_refused(name):
    assert "file name is not allowed" in refusal(named(name, image_bytes()))


def test_files_over_the_size_limit_are_refused(monkeypatch):
    monkeypatch.setattr(images, "get_module_config", lambda code: {"max_image_bytes": 1000, "max_image_pixels": 10**6})
    big = image_bytes("PNG", (300, 300), color=None) + bytes(2000)
    assert "larger than" in refusal(named("big.png", big))


def test_size_is_checked_on_the_bytes_read_when_the_upload_does_not_say():
    class NoSize(io.BytesIO):
        name = "a.png"

    assert "larger than" in refusal(NoSize(image_bytes("PNG", (64, 64)) + bytes(5000)), max_bytes=1000)


@pytest.mark.parametrize(("width", "height"), [(20000, 20000), (10000, 5000)], ids=["pillow-bomb", "over-40-mp"])
def test_decompression_bombs_are_refused_before_decoding(width, height):
    assert "too many pixels" in refusal(named("bomb.png", png_declaring(width, height)))


def test_a_highly_compressible_huge_image_is_refused():
    image = Image.new("1", (8000, 6000))  # 48 megapixels, a few kilobytes as PNG
    out = io.BytesIO()
    image.save(out, "PNG")
    assert "too many pixels" in refusal(named("flat.png", out.getvalue()))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        pytest.param("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "Only JPEG", id="svg-by-name"),
        pytest.param("logo.png", b'<?xml version="1.0"?><svg onload="alert(1)"/>', "HTML or script", id="svg-as-png"),
        pytest.param("page.png", b"<!DOCTYPE html><html><body>hi</body></html>", "HTML or script", id="html-as-png"),
        pytest.param("notes.png", b"just some text, not an image", "not an image", id="text-as-png"),
        pytest.param("doc.pdf", b"%PDF-1.4", "Only JPEG", id="pdf"),
        pytest.param("a.bmp", b"BM" + bytes(60), "Only JPEG", id="bmp-by-name"),
        pytest.param("empty.png", b"", "empty", id="empty"),
    ],
)
def test_non_images_are_refused(name, content, reason):
    assert reason in refusal(named(name, content))


def test_formats_other_than_the_four_are_refused_even_without_an_extension():
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "BMP")
    assert "Only JPEG" in refusal(named("picture", out.getvalue()))


def test_an_extension_contradicting_the_content_is_refused():
    assert "says PNG but the content is JPEG" in refusal(named("photo.png", image_bytes("JPEG")))


@pytest.mark.parametrize(
    "payload",
    [b"<html><script>alert(1)</script>", b"<SCRIPT>alert(1)</SCRIPT>", b"<?php system($_GET['c']); ?>"],
    ids=["html", "script-uppercase", "php"],
)
def test_polyglots_with_markup_after_the_image_are_refused(payload):
    assert "HTML or script" in refusal(named("a.png", image_bytes("PNG") + payload))
    assert "HTML or script" in refusal(named("a.gif", image_bytes("GIF") + payload))


def test_a_truncated_image_is_refused():
    out = io.BytesIO()
    Image.effect_noise((200, 200), 50).save(out, "PNG")
    assert "damaged" in refusal(named("cut.png", out.getvalue()[: len(out.getvalue()) // 2]))


# --- Services ---------------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.mark.django_db
def test_product_image_add_stores_the_re_encoded_image_under_a_random_name(store, media):
    product = ProductFactory(store=store)
    image = ProductImageFactory(
        store=store, product=product, upload=upload("../../etc/passwd.png"), values={"alt_text_de": "Rot"}
    )
    second = ProductImageFactory(store=store, product=product)
    assert image.image.name.startswith(f"catalog/{store.pk}/") and image.image.name.endswith(".png")
    assert "passwd" not in image.image.name
    assert image.thumbnail.name.startswith(f"catalog/{store.pk}/thumbs/") and image.thumbnail.name.endswith(".webp")
    assert (image.width, image.height, image.image_format, image.alt_text_de) == (32, 24, "png", "Rot")
    assert (image.position, second.position) == (0, 1)
    assert len(stored_files(media)) == 4


@pytest.mark.django_db
def test_a_refused_upload_stores_nothing(store, media):
    product = ProductFactory(store=store)
    with pytest.raises(ImageRejectedError):
        ProductImageFactory(store=store, product=product, upload=upload("x.png", image_bytes("PNG") + b"<script>"))
    with scope(store=store):
        assert not ProductImage.objects.exists()
    assert stored_files(media) == []


@pytest.mark.django_db
def test_product_image_update_and_delete(store, media, django_capture_on_commit_callbacks):
    product = ProductFactory(store=store)
    image = ProductImageFactory(store=store, product=product)
    with scope(store=store):
        updated = services.product_image_update(
            store=store, actor=None, image=image, values={"alt_text_en": "A red mug", "position": 3}
        )
        updated.refresh_from_db()
        assert (updated.alt_text_en, updated.position) == ("A red mug", 3)
        with django_capture_on_commit_callbacks(execute=True):
            services.product_image_delete(store=store, actor=None, image=updated)
        assert not ProductImage.objects.exists()
    assert stored_files(media) == []


@pytest.mark.django_db
def test_deleting_a_product_deletes_its_image_files_after_commit(store, media, django_capture_on_commit_callbacks):
    product = ProductFactory(store=store)
    ProductImageFactory(store=store, product=product)
    with scope(store=store), django_capture_on_commit_callbacks(execute=True):
        services.product_delete(store=store, actor=None, product=product)
    assert stored_files(media) == []


@pytest.mark.django_db
def test_images_of_another_stores_product_are_refused(store, other_store, media):
    from modules.catalog.exceptions import ProductNotFoundError

    foreign = ProductFactory(store=other_store)
    with scope(store=store), pytest.raises(ProductNotFoundError):
        services.product_image_add(store=store, actor=None, product=foreign, upload=upload())
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("mode", "fmt"), [("I;16", "PNG"), ("LA", "PNG"), ("1", "PNG"), ("P", "PNG"), ("CMYK", "JPEG"), ("L", "JPEG")]
)
def test_unusual_colour_modes_are_stored_with_a_thumbnail(mode, fmt):
    out = io.BytesIO()
    Image.new(mode, (30, 20)).save(out, fmt)
    validated = validate_image(named(f"a.{fmt.lower()}", out.getvalue()))
    assert (validated.width, validated.height) == (30, 20)
    assert Image.open(io.BytesIO(validated.thumbnail)).format == "WEBP"


def test_markup_must_be_a_tag_not_just_its_letters():
    """Compressed pixels hold "<svg" by chance; only a tag (followed by a space, "/" or ">") is refused."""
    validate_image(named("a.png", image_bytes("PNG") + b"<svgz<scripts"))
    assert "HTML or script" in refusal(named("a.png", image_bytes("PNG") + b"<svg/onload=alert(1)>"))


def test_an_image_pillow_cannot_re_encode_is_refused_not_a_crash(monkeypatch):
    def cannot(image, pillow_format):
        raise OSError("cannot write mode I as PNG")

    monkeypatch.setattr(images, "_encode", cannot)
    assert "cannot be processed" in refusal(named("a.png", image_bytes()))

"""Checking product image uploads by their content, and re-encoding them (Pillow).

An upload is trusted for nothing: not its name, not its declared type. It
must decode as a JPEG, PNG, WebP or GIF of reasonable size; it must not
carry markup (an HTML or SVG "polyglot" that a browser could be talked into
rendering); and what is stored is a fresh encoding of the decoded pixels,
which drops metadata (EXIF with GPS positions) and anything appended after
the image data. Refusals raise ``ImageRejectedError`` with the reason.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from orion.modules.config import get_module_config

from .exceptions import ImageRejectedError

# Pillow format name -> the stored format (ProductImage.image_format, also the file extension).
FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# Pillow's names for variants of an accepted format: cameras write multi-picture JPEGs.
ALIASES = {"MPO": "JPEG"}
# Declared extensions and the format each promises.
EXTENSIONS = {"jpg": "JPEG", "jpeg": "JPEG", "jpe": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
# Markup no image needs and a browser might execute if it sniffed the file as HTML or SVG. Each tag
# must be followed by what ends a tag name: compressed pixel data holds "<svg" by chance in about
# one 10 MB photo in fifty, "<svg" plus a space or ">" about a hundred times less often.
MARKUP = re.compile(rb"<(html|script|svg|\?php)[\s/>]|<!doctype\s", re.IGNORECASE)
THUMBNAIL_SIZE = (400, 400)


@dataclass(frozen=True)
class ValidatedImage:
    """An accepted upload, re-encoded: what ``ProductImage`` stores."""

    content: bytes
    format: str  # "jpeg", "png", "webp" or "gif"
    width: int
    height: int
    thumbnail: bytes  # WebP, at most THUMBNAIL_SIZE


def _limits() -> tuple[int, int]:
    config = get_module_config("catalog")
    return config["max_image_bytes"], config["max_image_pixels"]


def _reject(reason: str) -> ImageRejectedError:
    return ImageRejectedError(reason, errors={"image": [reason]})


def _check_name(name: str) -> str | None:
    """The format the name's extension promises (None without one); refuses names with path parts."""
    if "\x00" in name or "/" in name or "\\" in name or ".." in name:
        raise _reject(_("The file name is not allowed: it must not contain path parts."))
    if "." not in name:
        return None
    extension = name.rsplit(".", 1)[1].lower()
    if extension not in EXTENSIONS:
        raise _reject(_("Only JPEG, PNG, WebP and GIF images are accepted."))
    return EXTENSIONS[extension]


def _read(upload: Any, max_bytes: int) -> bytes:
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise _reject(_("The image is larger than %(mb)s MB.") % {"mb": round(max_bytes / 1024 / 1024, 1)})
    if hasattr(upload, "seek"):
        upload.seek(0)
    data: bytes = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _reject(_("The image is larger than %(mb)s MB.") % {"mb": round(max_bytes / 1024 / 1024, 1)})
    if not data:
        raise _reject(_("The file is empty."))
    return data


def _open(data: bytes, max_pixels: int) -> Image.Image:
    """Decode ``data`` fully, refusing anything that is not a whole, reasonably sized image of an accepted format."""
    too_large = _("The image has too many pixels (at most %(mp)s megapixels).") % {"mp": max_pixels // 1_000_000}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            if ALIASES.get(probe.format or "", probe.format or "") not in FORMATS:
                raise _reject(_("Only JPEG, PNG, WebP and GIF images are accepted."))
            # The header alone gives the size: check it before decoding a single pixel.
            if probe.width * probe.height > max_pixels:
                raise _reject(too_large)
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _reject(too_large) from exc
    except UnidentifiedImageError as exc:
        raise _reject(_("The file is not an image.")) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _reject(_("The image is damaged or incomplete.")) from exc
    return image


def _encode(image: Image.Image, pillow_format: str) -> bytes:
    """A fresh file of ``image`` in ``pillow_format``, without metadata (no EXIF, ICC or text chunks)."""
    out = io.BytesIO()
    if pillow_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=90, optimize=True)
    elif pillow_format == "PNG":
        image.save(out, "PNG", optimize=True)
    elif pillow_format == "WEBP":
        image.save(out, "WEBP", quality=90)
    else:
        image.save(out, "GIF")
    return out.getvalue()


def make_thumbnail(image: Image.Image, size: tuple[int, int] = THUMBNAIL_SIZE) -> bytes:
    """A WebP of ``image`` fitting in ``size``, aspect ratio kept."""
    thumb = image.copy()
    if thumb.mode not in ("RGB", "RGBA"):
        thumb = thumb.convert("RGBA" if "transparency" in thumb.info or thumb.mode in ("LA", "PA") else "RGB")
    thumb.thumbnail(size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    thumb.save(out, "WEBP", quality=82)
    return out.getvalue()


def validate_image(upload: Any, *, max_bytes: int | None = None, max_pixels: int | None = None) -> ValidatedImage:
    """Check an uploaded file (anything with ``name`` and ``read``) and re-encode it.

    Raises ``ImageRejectedError`` saying why. Animated GIFs and WebPs keep
    their first frame. Limits default to the module config
    (``CATALOG_MAX_IMAGE_BYTES``, ``CATALOG_MAX_IMAGE_PIXELS``).
    """
    default_bytes, default_pixels = _limits()
    max_bytes = max_bytes or default_bytes
    max_pixels = max_pixels or default_pixels
    declared = _check_name(getattr(upload, "name", "") or "")
    data = _read(upload, max_bytes)
    if MARKUP.search(data):
        raise _reject(_("The file contains HTML or script code, which images must not."))
    image = _open(data, max_pixels)
    pillow_format = ALIASES.get(image.format or "", image.format or "")  # in FORMATS: _open() made sure
    if declared is not None and declared != pillow_format:
        raise _reject(
            _("The file name says %(declared)s but the content is %(actual)s.")
            % {"declared": declared, "actual": pillow_format}
        )
    try:
        image = ImageOps.exif_transpose(image)
        content, thumbnail = _encode(image, pillow_format), make_thumbnail(image)
    except (OSError, ValueError) as exc:  # a colour mode Pillow cannot convert, say 16-bit greyscale
        raise _reject(_("The image cannot be processed; save it as an ordinary RGB image and try again.")) from exc
    return ValidatedImage(
        content=content,
        format=FORMATS[pillow_format],
        width=image.width,
        height=image.height,
        thumbnail=thumbnail,
    )

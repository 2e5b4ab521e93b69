"""Writes of product images: every upload is checked and re-encoded by ``images.validate_image`` first."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db.models import Max

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store
from orion.services import ensure_in_store, record_changed, record_created, record_deleted, snapshot, store_write

from ..exceptions import ProductNotFoundError
from ..images import validate_image
from ..models import Product, ProductImage
from ._common import apply_values, columns, on_commit

IMAGE_FIELDS = frozenset({*columns("alt_text"), "alt_text", "position"})
# Image changes are recorded on their product's audit trail, with these fields.
AUDITED = ("image", *columns("alt_text"), "position")



def _delete_files_on_commit(*field_files: Any) -> None:
    for field_file in field_files:
        if field_file:
            storage, name = field_file.storage, field_file.name

            def delete(storage: Storage = storage, name: str = name) -> None:
                storage.delete(name)

            on_commit(delete)


@store_write(changes_shop=True)
def product_image_add(
    *,
    store: Store,
    actor: Any,
    product: Product,
    upload: Any,
    alt_text: str = "",
    values: dict[str, Any] | None = None,
    position: int | None = None,
) -> ProductImage:
    """Add an image to a product, at the end unless ``position`` is given.

    ``upload`` is checked by content (``ImageRejectedError`` says why) and
    stored re-encoded under a random name, with a WebP thumbnail.
    ``values`` may hold per-language alt texts (``alt_text_de``, ...).
    """
    ensure_in_store(product, store, ProductNotFoundError)
    validated = validate_image(upload)
    if position is None:
        last = ProductImage.objects.filter(product=product).aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
    image = ProductImage(
        store=store,
        product=product,
        image_format=validated.format,
        width=validated.width,
        height=validated.height,
        alt_text=alt_text,
        position=position,
    )
    apply_values(image, values or {}, IMAGE_FIELDS)
    image.full_clean(exclude=["store", "product", "image", "thumbnail"])
    image.image.save(f"image.{validated.format}", ContentFile(validated.content), save=False)
    image.thumbnail.save("thumbnail.webp", ContentFile(validated.thumbnail), save=False)
    # Assigning the file re-reads the dimension fields from storage; the validated figures are the truth.
    image.width, image.height = validated.width, validated.height
    try:
        image.save()
    except BaseException:  # the files were written first: do not leave them behind
        # Both were saved above, so both have a name.
        image.image.storage.delete(image.image.name)  # type: ignore[arg-type]
        image.thumbnail.storage.delete(image.thumbnail.name)  # type: ignore[arg-type]
        raise
    record_created(image, "catalog.product.image_added", AUDITED, on=product)
    return image


@store_write(changes_shop=True)
def product_image_update(*, store: StoreRef, actor: Any, image: ProductImage, values: dict[str, Any]) -> ProductImage:
    """Change an image's alt texts (``alt_text_<lang>``) or position."""
    ensure_in_store(image, store, ProductNotFoundError)
    before = snapshot(image, AUDITED)
    apply_values(image, values, IMAGE_FIELDS)
    image.full_clean(exclude=["store", "product", "image", "thumbnail"])
    image.save(update_fields=[name for name in values if name != "alt_text"] + columns("alt_text"))
    record_changed(image, "catalog.product.image_updated", before=before, on=image.product)
    return image


@store_write(changes_shop=True)
def product_image_delete(*, store: StoreRef, actor: Any, image: ProductImage) -> None:
    """Remove an image; its files are deleted once the transaction commits."""
    ensure_in_store(image, store, ProductNotFoundError)
    record_deleted(image, "catalog.product.image_removed", AUDITED, on=image.product)
    files = (image.image, image.thumbnail)
    image.delete()
    _delete_files_on_commit(*files)

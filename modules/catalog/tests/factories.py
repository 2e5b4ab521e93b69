"""factory_boy factories for the catalog's models.

Products are made through ``services.product_create`` (so every variant has
its stock item and the search document is built), the rest directly.
``store`` is always passed in: the ``store`` / ``other_store`` fixtures make them.
"""

from __future__ import annotations

import io
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope
from PIL import Image

from modules.catalog import services
from modules.catalog.models import Attribute, AttributeValue, Category, Product, ProductImage


class _StoreRowFactory(factory.django.DjangoModelFactory):
    """Saves through the unscoped base manager: tests create rows without opening a scope."""

    class Meta:
        abstract = True

    @classmethod
    def _get_manager(cls, model_class: type) -> Any:
        return model_class._base_manager


class CategoryFactory(_StoreRowFactory):
    class Meta:
        model = Category

    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class AttributeFactory(_StoreRowFactory):
    class Meta:
        model = Attribute

    name_en = factory.Sequence(lambda n: f"Attribute {n}")
    slug = factory.Sequence(lambda n: f"attribute-{n}")


class AttributeValueFactory(_StoreRowFactory):
    class Meta:
        model = AttributeValue

    store = factory.SelfAttribute("attribute.store")
    value_en = factory.Sequence(lambda n: f"Value {n}")
    slug = factory.Sequence(lambda n: f"value-{n}")


class ProductFactory(factory.Factory):
    """``ProductFactory(store=store, title_en="Mug", sku="MUG-1", status="active", variants=[...])``."""

    class Meta:
        model = Product

    title_en = factory.Sequence(lambda n: f"Product {n}")
    sku = factory.Sequence(lambda n: f"SKU-{n}")
    price_cents = 1000

    @classmethod
    def _create(cls, model_class: type, *, store: Any, actor: Any = None, **values: Any) -> Product:
        related = {name: values.pop(name) for name in ("categories", "option_attributes", "variants") if name in values}
        if "variants" in related:
            values.pop("sku")
        with scope(store=store):
            return services.product_create(store=store, actor=actor, values=values, **related)


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (32, 24), color: Any = (200, 30, 30), **save: Any) -> bytes:
    mode = "RGB" if fmt in ("JPEG",) else "RGBA" if fmt in ("PNG", "WEBP") else "P"
    image = Image.new(mode, size, color if mode != "P" else 1)
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def upload(
    name: str = "photo.png", content: bytes | None = None, content_type: str = "image/png"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes() if content is None else content, content_type=content_type)


class ProductImageFactory(factory.Factory):
    """``ProductImageFactory(store=store, product=product)``: a generated PNG through ``product_image_add``."""

    class Meta:
        model = ProductImage

    @classmethod
    def _create(cls, model_class: type, *, store: Any, product: Product, **kwargs: Any) -> ProductImage:
        with scope(store=store):
            return services.product_image_add(
                store=store, actor=None, product=product, upload=kwargs.pop("upload", None) or upload(), **kwargs
            )

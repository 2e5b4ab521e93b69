"""factory_boy factories for the catalog's models.

Every row is made by the catalog's services, as the dashboard and the API make
them: products get their variants, stock items and search document, slugs
are made unique from the names, values belong to their attribute. ``store``
is passed in (the ``store`` / ``other_store`` fixtures make them) or made by
tenancy's ``StoreFactory``; ``actor`` is who the audit trail names (nobody
unless given).

``ProductFactory(store=store, title_en="Mug", sku="MUG-1", status="active", stock=5)``
also receives 5 units of each variant at the store's "main" location.
"""

from __future__ import annotations

import io
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope
from PIL import Image

from modules.catalog import services
from modules.catalog.models import Attribute, AttributeValue, Category, Product, ProductImage, Variant
from modules.inventory import services as inventory_services
from modules.inventory.models import StockLocation
from modules.tenancy.tests.factories import StoreFactory
from orion.testing.factories import ServiceFactory


class CategoryFactory(ServiceFactory):
    """``CategoryFactory(store=store, name_en="Boots", parent=shoes)`` through ``services.category_create``."""

    class Meta:
        model = Category

    store = factory.SubFactory(StoreFactory)
    name_en = factory.Sequence(lambda n: f"Category {n}")

    @classmethod
    def _create(cls, model_class: type, *, store: Any, actor: Any = None, parent: Any = None, **values: Any) -> Any:
        return services.category_create(store=store, actor=actor, values=values, parent=parent)


class AttributeFactory(ServiceFactory):
    """``AttributeFactory(store=store, name_en="Size", values=["S", "M"])``: the values are made too, in order.

    The values made that way are on ``attribute.made_values``.
    """

    class Meta:
        model = Attribute

    store = factory.SubFactory(StoreFactory)
    name_en = factory.Sequence(lambda n: f"Attribute {n}")

    @classmethod
    def _create(cls, model_class: type, *, store: Any, actor: Any = None, **values: Any) -> Any:
        return services.attribute_create(store=store, actor=actor, values=values)

    @factory.post_generation
    def values(attribute: Attribute, create: bool, extracted: Any, **kwargs: Any) -> None:
        attribute.made_values = [
            AttributeValueFactory(attribute=attribute, value_en=value, **kwargs) for value in (extracted or ())
        ]


class AttributeValueFactory(ServiceFactory):
    """``AttributeValueFactory(attribute=size, value_en="M")``, or ``store=`` for a value of a new attribute there."""

    class Meta:
        model = AttributeValue

    class Params:
        store = None

    attribute = factory.SubFactory(
        AttributeFactory, store=factory.LazyAttribute(lambda o: o.factory_parent.store or StoreFactory())
    )
    value_en = factory.Sequence(lambda n: f"Value {n}")

    @classmethod
    def _create(cls, model_class: type, *, attribute: Attribute, actor: Any = None, **values: Any) -> Any:
        return services.attribute_value_create(store=attribute.store, actor=actor, attribute=attribute, values=values)


def receive(store: Any, variant: Variant, quantity: int, *, location: str = "main") -> None:
    """``quantity`` units of ``variant`` received at the store's location ``location`` (made when missing)."""
    with scope(store=store):
        found = StockLocation.objects.filter(code=location).first() or inventory_services.location_create(
            store=store, actor=None, name=location.title(), code=location
        )
        inventory_services.stock_adjust(
            store=store, actor=None, item=variant.stock_item_id, location=found, reason="received", delta=quantity
        )


class ProductFactory(ServiceFactory):
    """``ProductFactory(store=store, title_en="Mug", sku="MUG-1", status="active", variants=[...], stock=5)``.

    Made by ``services.product_create``: one default variant with ``sku``, or
    the ``variants`` given (``services.VariantInput``), each with its stock
    item. ``stock`` receives that many units of each variant.
    """

    class Meta:
        model = Product

    store = factory.SubFactory(StoreFactory)
    title_en = factory.Sequence(lambda n: f"Product {n}")
    sku = factory.Sequence(lambda n: f"SKU-{n}")
    price_cents = 1000

    @classmethod
    def _create(cls, model_class: type, *, store: Any, actor: Any = None, **values: Any) -> Product:
        related = {name: values.pop(name) for name in ("categories", "option_attributes", "variants") if name in values}
        if "variants" in related:
            values.pop("sku")
        return services.product_create(store=store, actor=actor, values=values, **related)

    @factory.post_generation
    def stock(product: Product, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            receive_each(product, extracted, **kwargs)


class ShopProductFactory(ProductFactory):
    """A product as the shop shows it: active, with 5 units of each variant in stock (``stock=0`` for none)."""

    status = "active"

    @factory.post_generation
    def stock(product: Product, create: bool, extracted: Any, **kwargs: Any) -> None:
        quantity = 5 if extracted is None else extracted
        if create and quantity:
            receive_each(product, quantity, **kwargs)


def receive_each(product: Product, quantity: int, **kwargs: Any) -> None:
    """``quantity`` units of each of the product's variants received (see ``receive``)."""
    with scope(store=product.store):
        variants = list(product.variants.all())
    for variant in variants:
        receive(product.store, variant, quantity, **kwargs)


class VariantFactory(ServiceFactory):
    """A variant: the default variant of a new product (``ProductFactory``'s arguments apply, ``sku`` is the variant's)."""

    class Meta:
        model = Variant

    store = factory.SubFactory(StoreFactory)
    sku = factory.Sequence(lambda n: f"VAR-{n}")

    @classmethod
    def _create(cls, model_class: type, **values: Any) -> Variant:
        product = ProductFactory(**values)
        with scope(store=product.store):
            return product.variants.get()


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


class ProductImageFactory(ServiceFactory):
    """``ProductImageFactory(store=store, product=product)``: a generated PNG through ``product_image_add``.

    ``upload=`` another file, ``alt_text=`` / ``position=``, and per-language
    columns (``alt_text_de="..."``, or ``values={...}``) as the service's ``values``.
    """

    class Meta:
        model = ProductImage

    store = factory.SubFactory(StoreFactory)
    product = factory.SubFactory(ProductFactory, store=factory.SelfAttribute("..store"))

    @classmethod
    def _create(
        cls,
        model_class: type,
        *,
        store: Any,
        product: Product,
        actor: Any = None,
        alt_text: str = "",
        position: int | None = None,
        **values: Any,
    ) -> ProductImage:
        file = values.pop("upload", None) or upload()
        values = {**values.pop("values", {}), **values}
        return services.product_image_add(
            store=store,
            actor=actor,
            product=product,
            upload=file,
            alt_text=alt_text,
            position=position,
            values=values,
        )

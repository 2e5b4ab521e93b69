"""Isolation seeds of the catalog's store-scoped models (see ``orion.testing.isolation``)."""

from __future__ import annotations

from typing import Any

from orion.testing.isolation import seed

from .factories import (
    AttributeFactory,
    AttributeValueFactory,
    CategoryFactory,
    ProductFactory,
    ProductImageFactory,
    VariantFactory,
)


@seed("catalog.Category")
def category(store: Any, tag: str) -> Any:
    return CategoryFactory(store=store, name_en=f"{tag}-secret-category", slug=f"{tag}-secret-category")


@seed("catalog.Attribute")
def attribute(store: Any, tag: str) -> Any:
    return AttributeFactory(store=store, name_en=f"{tag}-secret-attribute", slug=f"{tag}-secret-attribute")


@seed("catalog.AttributeValue")
def attribute_value(store: Any, tag: str) -> Any:
    size = AttributeFactory(store=store, name_en=f"{tag}-secret-size", slug=f"{tag}-secret-size")
    return AttributeValueFactory(attribute=size, value_en=f"{tag}-secret-xl", slug="xl")


def _active(tag: str) -> dict[str, Any]:
    """An active product (so storefront routes would show it) with one variant and its stock item."""
    return {"title_en": f"{tag}-secret-product", "slug": f"{tag}-secret-product", "status": "active"}


@seed("catalog.Product")
def product(store: Any, tag: str) -> Any:
    return ProductFactory(store=store, sku=f"{tag}-secret-sku", **_active(tag))


@seed("catalog.Variant")
def variant(store: Any, tag: str) -> Any:
    return VariantFactory(store=store, sku=f"{tag}-v-secret-sku", **_active(f"{tag}-v"))


@seed("catalog.ProductImage")
def product_image(store: Any, tag: str) -> Any:
    product = ProductFactory(store=store, sku=f"{tag}-i-secret-sku", **_active(f"{tag}-i"))
    return ProductImageFactory(store=store, product=product, alt_text=f"{tag}-secret-image")

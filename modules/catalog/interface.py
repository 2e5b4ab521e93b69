"""What other modules (cart, orders, marketplace) may import from the catalog (import-linter enforces it).

Variants by id or SKU as frozen ``VariantInfo``: enough to put a variant in
a cart, price an order line and reserve its stock through inventory. Every
function reads only the given store's rows: another store's ids are absent
from the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from modules.tenancy.interface import Store

from .models import AttributeValue, ProductStatus, Variant

__all__ = ["VariantInfo", "find_variant_by_sku", "variant_info"]


@dataclass(frozen=True)
class VariantInfo:
    """A buyable variant as other modules see it.

    ``title`` is the product's title in the active language, with the
    variant's option values ("Shirt – M / Red"); ``price_cents`` is the
    price to charge (the variant's override or the product's), in
    ``currency``; ``is_active`` is False while the product is a draft or
    archived (not for sale); ``stock_item_id`` is the inventory item to
    reserve and allocate.
    """

    variant_id: int
    product_id: int
    sku: str
    title: str
    price_cents: int
    currency: str
    stock_item_id: int | None
    is_active: bool


def _variants(store: Store) -> QuerySet[Variant]:
    values = AttributeValue._base_manager.select_related("attribute").order_by("attribute__position", "attribute_id")
    return (
        Variant._base_manager.filter(store=store)
        .select_related("product")
        .prefetch_related(Prefetch("option_values", queryset=values))
    )


def _info(variant: Variant) -> VariantInfo:
    product = variant.product
    options = " / ".join(str(value.value) for value in variant.option_values.all())
    return VariantInfo(
        variant_id=variant.pk,
        product_id=product.pk,
        sku=variant.sku,
        title=f"{product.title} – {options}" if options else str(product.title),
        price_cents=variant.effective_price_cents,
        currency=product.currency,
        stock_item_id=variant.stock_item_id,
        is_active=product.status == ProductStatus.ACTIVE,
    )


def variant_info(*, store: Store, variant_ids: Iterable[int]) -> dict[int, VariantInfo]:
    """The store's variants among ``variant_ids``, by id (two queries); unknown ids are left out."""
    ids = list(variant_ids)
    if not ids:
        return {}
    return {variant.pk: _info(variant) for variant in _variants(store).filter(pk__in=ids)}


def find_variant_by_sku(*, store: Store, sku: str) -> VariantInfo | None:
    """The store's variant with this SKU (exact, surrounding spaces ignored), or None."""
    variant = _variants(store).filter(sku=sku.strip()).first()
    return _info(variant) if variant else None

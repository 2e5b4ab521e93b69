"""Writes of stock items: the catalog creates, renames and retires one per variant."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store
from orion.services import record, record_changed, record_created, snapshot, store_write

from ..models import StockItem
from ._common import ItemRef, _lock_items, _pk, _save_unique

ITEM_FIELDS = frozenset({"sku", "name", "track_stock", "low_stock_threshold", "is_active"})
# Quantities are not audited here: the movement ledger records every change of stock, with its user.
AUDITED = ("sku", "name", "track_stock", "low_stock_threshold", "is_active")


@store_write(changes_shop=True)
def stock_item_create(
    *,
    store: Store,
    sku: str,
    name: str,
    track_stock: bool = True,
    low_stock_threshold: int | None = None,
    actor: Any = None,
) -> StockItem:
    """A new stock item (the catalog creates one per variant); its SKU is unique in the store."""
    item = StockItem(store=store, sku=sku, name=name, track_stock=track_stock, low_stock_threshold=low_stock_threshold)
    _save_unique(item, "sku", _("Another stock item of this store has this SKU."), sku=sku)
    record_created(item, "inventory.item.created", AUDITED)
    return item


@store_write(changes_shop=True)
def stock_item_update(*, store: StoreRef, item: ItemRef, actor: Any = None, **fields: Any) -> StockItem:
    """Change an item's SKU, name, tracking, low-stock threshold or active flag (on the locked row)."""
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"stock_item_update() got unexpected fields: {', '.join(sorted(unknown))}")
    fresh = _lock_items([_pk(item)])[_pk(item)]
    before = snapshot(fresh, AUDITED)
    for name, value in fields.items():
        setattr(fresh, name, value)
    _save_unique(fresh, "sku", _("Another stock item of this store has this SKU."), sku=fresh.sku)
    record_changed(fresh, "inventory.item.updated", before=before)
    return fresh


@store_write(changes_shop=True)
def stock_items_retire(*, store: StoreRef, item_ids: Iterable[int], actor: Any = None) -> int:
    """Mark items inactive (their variants are gone); stock and ledger stay. Returns how many changed."""
    retiring = [item for item in _lock_items(item_ids).values() if item.is_active]
    for item in retiring:
        record(item, "inventory.item.retired", {"is_active": [True, False]})
    return StockItem.objects.filter(pk__in=[item.pk for item in retiring]).update(
        is_active=False, updated_at=timezone.now()
    )

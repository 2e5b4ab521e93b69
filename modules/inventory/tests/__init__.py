"""Helpers the inventory tests share: items, locations and stock, made through the services."""

from __future__ import annotations

from typing import Any

from django_scopes import scopes_disabled

from modules.inventory import services
from modules.inventory.models import StockItem, StockLevel, StockMovement


def make_location(store: Any, code: str, *, position: int = 0, is_active: bool = True) -> Any:
    return services.location_create(
        store=store, actor=None, name=code.title(), code=code, position=position, is_active=is_active
    )


def make_item(store: Any, sku: str, *, stock: dict[Any, int] | None = None, **fields: Any) -> StockItem:
    """An item, with ``stock`` ({location: quantity}) received through ``stock_adjust``."""
    item = services.stock_item_create(store=store, sku=sku, name=sku.title(), **fields)
    for location, quantity in (stock or {}).items():
        services.stock_adjust(store=store, actor=None, item=item, location=location, reason="received", delta=quantity)
    return fresh(item)


def fresh(item: StockItem) -> StockItem:
    with scopes_disabled():
        return StockItem.objects.get(pk=item.pk)


def level(item: StockItem, location: Any) -> int | None:
    with scopes_disabled():
        return StockLevel.objects.filter(item=item, location=location).values_list("quantity", flat=True).first()


def ledger_total(item: StockItem, location: Any = None) -> int:
    with scopes_disabled():
        rows = StockMovement.objects.filter(item=item)
        if location is not None:
            rows = rows.filter(location=location)
        return sum(rows.values_list("delta", flat=True))

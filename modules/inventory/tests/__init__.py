"""Helpers the inventory tests share: reading levels and the ledger (rows come from ``factories.py``)."""

from __future__ import annotations

from typing import Any

from django_scopes import scopes_disabled

from modules.inventory.models import StockItem, StockLevel, StockMovement

from .factories import fresh

__all__ = ["fresh", "ledger_total", "level"]


def level(item: StockItem, location: Any) -> int | None:
    with scopes_disabled():
        return StockLevel.objects.filter(item=item, location=location).values_list("quantity", flat=True).first()


def ledger_total(item: StockItem, location: Any = None) -> int:
    with scopes_disabled():
        rows = StockMovement.objects.filter(item=item)
        if location is not None:
            rows = rows.filter(location=location)
        return sum(rows.values_list("delta", flat=True))

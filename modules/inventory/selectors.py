"""Reads of the inventory module: stock rows, the movement ledger and the CSV export.

Each runs in the given store's tenant scope and costs one query whatever
the number of rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import F, Q, QuerySet
from django_scopes import scope

from .models import StockItem, StockLocation, StockMovement

EXPORT_CHUNK = 2000


def level_rows(
    *, store: Any, location: StockLocation | None = None, search: str = "", low_only: bool = False
) -> QuerySet[StockItem]:
    """The store's stock items by SKU (``available`` and ``is_low`` are properties of each).

    With a ``location``: only items stocked there (a level row exists), each
    annotated with ``location_quantity``. ``search`` matches SKU or name;
    ``low_only`` keeps tracked items at or below their low-stock threshold.
    """
    with scope(store=store):
        rows = StockItem.objects.all()
        if location is not None:
            rows = rows.filter(levels__location=location).annotate(location_quantity=F("levels__quantity"))
        if search:
            rows = rows.filter(Q(sku__icontains=search) | Q(name__icontains=search))
        if low_only:
            rows = rows.filter(
                track_stock=True,
                low_stock_threshold__isnull=False,
                on_hand__lte=F("reserved") + F("low_stock_threshold"),
            )
        return rows.order_by("sku")


def movements(
    *, store: Any, item: StockItem | None = None, location: StockLocation | None = None
) -> QuerySet[StockMovement]:
    """The ledger, newest first, with item, location and user joined (one query per page)."""
    with scope(store=store):
        rows = StockMovement.objects.select_related("item", "location", "user")
        if item is not None:
            rows = rows.filter(item=item)
        if location is not None:
            rows = rows.filter(location=location)
        return rows.order_by("-created_at", "-id")


def export_rows(*, store: Any) -> Iterator[dict[str, Any]]:
    """One dict per item and location (per item alone when it has no level yet), streamed for a CSV.

    Keys: sku, name, location (its code, "" without one), quantity,
    on_hand, reserved, available, low_stock_threshold ("" without one).
    """
    with scope(store=store):
        rows = (
            StockItem.objects.order_by("sku", "levels__location__position", "levels__location__code")
            .values_list(
                "sku",
                "name",
                "levels__location__code",
                "levels__quantity",
                "on_hand",
                "reserved",
                "low_stock_threshold",
            )
            .iterator(chunk_size=EXPORT_CHUNK)
        )
        for sku, name, location, quantity, on_hand, reserved, threshold in rows:
            yield {
                "sku": sku,
                "name": name,
                "location": location or "",
                "quantity": quantity or 0,
                "on_hand": on_hand,
                "reserved": reserved,
                "available": on_hand - reserved,
                "low_stock_threshold": "" if threshold is None else threshold,
            }

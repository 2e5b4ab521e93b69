"""Reads of the inventory module: locations, stock items and levels, the movement ledger, reservations and the CSV export.

Each runs in the given store's tenant scope (querysets are built in it,
prefetches included, so they read the same inside or outside a request)
and costs a fixed number of queries whatever the number of rows. The
store pages and the store API read through here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django_scopes import scope

from modules.contracts.protocols import StoreRef

from .models import Reservation, StockItem, StockLevel, StockLocation, StockMovement
from .models.stock import ReservationStatus

EXPORT_CHUNK = 2000


def locations(*, store: StoreRef, active_only: bool = False) -> QuerySet[StockLocation]:
    """The store's locations in allocation order; ``active_only``: those that take new stock."""
    with scope(store=store):
        rows = StockLocation.objects.all()
        return rows.filter(is_active=True) if active_only else rows


def location_code_taken(*, store: StoreRef, code: str, exclude: StockLocation | None = None) -> bool:
    """Whether another location of the store (not ``exclude``, the one being edited) has ``code``."""
    with scope(store=store):
        others = StockLocation.objects.filter(code=code)
    if exclude is not None and exclude.pk is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


def items(*, store: StoreRef) -> QuerySet[StockItem]:
    """The store's stock items by SKU, plain (for one by pk)."""
    with scope(store=store):
        return StockItem.objects.all()


def items_with_levels(*, store: StoreRef) -> QuerySet[StockItem]:
    """The store's stock items with their levels (and each level's location) prefetched, by location."""
    with scope(store=store):
        levels = StockLevel.objects.select_related("location").order_by("location")
        return StockItem.objects.prefetch_related(Prefetch("levels", queryset=levels))


def stock_table(*, store: StoreRef) -> QuerySet[StockItem]:
    """Active items by SKU with their levels at active locations prefetched: the stock page's rows."""
    with scope(store=store):
        levels = StockLevel.objects.filter(location__is_active=True)
        return level_rows(store=store).filter(is_active=True).prefetch_related(Prefetch("levels", queryset=levels))


def item_levels(*, store: StoreRef, item: StockItem) -> QuerySet[StockLevel]:
    """``item``'s level at each location, with the location, in location order."""
    with scope(store=store):
        return StockLevel.objects.filter(item=item).select_related("location").order_by("location")


def active_reservations(*, store: StoreRef, item: StockItem) -> QuerySet[Reservation]:
    """Units of ``item`` held for carts and checkouts right now, soonest to expire first."""
    with scope(store=store):
        return Reservation.objects.filter(item=item, status=ReservationStatus.ACTIVE)


def reservations(*, store: StoreRef) -> QuerySet[Reservation]:
    """The store's reservations, soonest to expire first, with their item joined."""
    with scope(store=store):
        return Reservation.objects.select_related("item")


def level_rows(
    *, store: StoreRef, location: StockLocation | None = None, search: str = "", low_only: bool = False
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
    *, store: StoreRef, item: StockItem | None = None, location: StockLocation | None = None
) -> QuerySet[StockMovement]:
    """The ledger, newest first, with item, location and user joined (one query per page)."""
    with scope(store=store):
        rows = StockMovement.objects.select_related("item", "location", "user")
        if item is not None:
            rows = rows.filter(item=item)
        if location is not None:
            rows = rows.filter(location=location)
        return rows.order_by("-created_at", "-id")


def export_rows(*, store: StoreRef) -> Iterator[dict[str, Any]]:
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

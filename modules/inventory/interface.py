"""What other modules may import from inventory (import-linter enforces it).

Catalog, cart and checkout see stock items by id: they create and update
the item of a variant, read availability, filter their querysets on it, and
reserve, release and allocate stock. Every function runs in the given
store's scope: another store's ids are "not found" (or simply absent from
an answer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_scopes import scope

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store

from . import services
from .exceptions import (
    InsufficientStockError,
    InventoryError,
    ReservationExpiredError,
    ReservationNotFoundError,
    StockItemNotFoundError,
)
from .models import Reservation, StockItem
from .models.stock import ReservationStatus

__all__ = [
    "Availability",
    "InsufficientStockError",
    "InventoryError",
    "ReservationExpiredError",
    "ReservationNotFoundError",
    "StockItemNotFoundError",
    "allocate",
    "availability",
    "in_stock_q",
    "release",
    "reserve",
    "stock_item_create",
    "stock_item_update",
    "stock_items_retire",
]


@dataclass(frozen=True)
class Availability:
    """An item's stock: ``available`` is ``on_hand`` minus unexpired reservations (may be below 0)."""

    on_hand: int
    reserved: int
    available: int
    tracked: bool  # False: never sold out, whatever the figures say
    is_low: bool  # tracked, with a threshold, and available at or below it


def stock_item_create(*, store: Store, sku: str, name: str) -> int:
    """A new stock item for a variant; returns its id. A SKU taken in the store is ``ValidationError({"sku"})``."""
    return services.stock_item_create(store=store, sku=sku, name=name).pk


def stock_item_update(*, store: StoreRef, item_id: int, **fields: Any) -> None:
    """Change ``sku``, ``name``, ``track_stock``, ``low_stock_threshold`` or ``is_active`` of an item."""
    services.stock_item_update(store=store, item=item_id, **fields)


def stock_items_retire(*, store: StoreRef, item_ids: Iterable[int]) -> None:
    """The items' variants are gone: mark them inactive; their stock and ledger stay."""
    services.stock_items_retire(store=store, item_ids=item_ids)


def availability(*, store: StoreRef, item_ids: Iterable[int]) -> dict[int, Availability]:
    """Stock of each item, by id, in one query; ids of other stores are left out."""
    now = timezone.now()
    with scope(store=store):
        live = (
            Reservation.objects.filter(item=OuterRef("pk"), status=ReservationStatus.ACTIVE, expires_at__gt=now)
            .order_by()
            .values("item")
            .annotate(total=Sum("quantity"))
            .values("total")
        )
        rows = (
            StockItem.objects.filter(pk__in=list(item_ids))
            .annotate(live_reserved=Coalesce(Subquery(live), 0))
            .values_list("pk", "on_hand", "live_reserved", "track_stock", "low_stock_threshold")
        )
        answer = {}
        for pk, on_hand, reserved, tracked, threshold in rows:
            available = on_hand - reserved
            is_low = tracked and threshold is not None and available <= threshold
            answer[pk] = Availability(on_hand, reserved, available, tracked, is_low)
        return answer


def in_stock_q(prefix: str) -> Q:
    """A filter for a queryset reaching ``StockItem`` through ``prefix`` (e.g. ``"variants__stock_item"``).

    True for items that do not track stock and for items with more on hand
    than reserved. Reads the maintained ``reserved``: a reservation that has
    expired counts until the release task (every minute) frees it.
    """
    return Q(**{f"{prefix}__track_stock": False}) | Q(**{f"{prefix}__on_hand__gt": F(f"{prefix}__reserved")})


def reserve(*, store: Store, item_id: int, quantity: int, reference: str, ttl: timedelta | None = None) -> int:
    """Hold ``quantity`` units for ``reference`` (a cart, a checkout); returns the reservation's id.

    ``InsufficientStockError`` when fewer are available.
    """
    return services.reservation_create(store=store, item=item_id, quantity=quantity, reference=reference, ttl=ttl).pk


def release(*, store: StoreRef, reservation_id: int) -> None:
    """Give a reservation's units back; releasing twice is harmless."""
    services.reservation_release(store=store, reservation=reservation_id)


def allocate(*, store: Store, lines: Iterable[tuple[int, int]], reference: str, actor: Any = None) -> None:
    """Take an order's ``(item_id, quantity)`` lines out of stock, all or none.

    The reservations held for ``reference`` are consumed; ``InsufficientStockError``
    lists the SKUs short.
    """
    services.stock_allocate(store=store, lines=lines, reference=reference, actor=actor)

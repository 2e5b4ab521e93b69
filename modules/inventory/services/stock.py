"""Stock changes: adjustments, transfers, allocation to orders, and rebuilding levels from the ledger."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from modules.tenancy.interface import Store
from orion.services import store_write

from ..models import Reservation, StockItem, StockLevel, StockLocation, StockMovement
from ..models.stock import MovementReason, ReservationStatus
from ._common import (
    ItemRef,
    _add_on_hand,
    _add_reserved,
    _insufficient,
    _location,
    _lock_items,
    _lock_levels,
    _lock_sellable_levels,
    _move,
    _never_below_zero,
    _notify_low,
    _pk,
    _positive,
    _release_expired_of,
    _short_by,
)


@store_write(changes_shop=True)
def stock_adjust(
    *,
    store: Store,
    actor: Any,
    item: ItemRef,
    location: StockLocation | int,
    reason: str,
    delta: int | None = None,
    count: int | None = None,
    reference: str = "",
    note: str = "",
) -> StockMovement:
    """Record stock received, counted, corrected or written off at one location.

    Give exactly one of ``delta`` (the change, + or -) or ``count`` (the
    quantity counted; the movement is the difference, 0 when it matches).
    A level never goes below zero: ``InsufficientStockError``.
    """
    if (delta is None) == (count is None):
        raise ValidationError({"delta": _("Give either the change or the counted quantity, not both.")})
    if reason not in MovementReason.values or reason in (MovementReason.TRANSFER, MovementReason.SOLD):
        raise ValidationError({"reason": _("Choose a reason for the adjustment.")})
    if delta is not None and (not isinstance(delta, int) or delta == 0):
        raise ValidationError({"delta": _("Enter a change other than zero.")})
    if count is not None and (not isinstance(count, int) or count < 0):
        raise ValidationError({"count": _("Enter the quantity counted: zero or more.")})
    locked = _lock_items([_pk(item)])
    item = locked[_pk(item)]
    location = _location(location)
    _release_expired_of(locked, timezone.now())
    before = {item.pk: item.available}
    level = _lock_levels(store, [(item.pk, location.pk)])[(item.pk, location.pk)]
    change = delta if delta is not None else count - level.quantity  # type: ignore[operator]
    if level.quantity + change < 0:
        raise _insufficient({item.sku: _short_by(level.quantity, -change)})
    with _never_below_zero([item]):
        movement = _move(store, item, level, change, reason, actor=actor, reference=reference, note=note)
        _add_on_hand(item, change)
    _notify_low(store, [item], before)
    return movement


@store_write(changes_shop=True)
def stock_transfer(
    *,
    store: Store,
    actor: Any,
    item: ItemRef,
    source: StockLocation | int,
    destination: StockLocation | int,
    quantity: int,
    note: str = "",
) -> list[StockMovement]:
    """Move units between two locations: two movements, ``on_hand`` unchanged."""
    _positive("quantity", quantity)
    if _pk(source) == _pk(destination):
        raise ValidationError({"destination": _("Choose a location other than the source.")})
    item = _lock_items([_pk(item)])[_pk(item)]
    source, destination = _location(source), _location(destination)
    levels = _lock_levels(store, [(item.pk, source.pk), (item.pk, destination.pk)])
    out_of, into = levels[(item.pk, source.pk)], levels[(item.pk, destination.pk)]
    if out_of.quantity < quantity:
        raise _insufficient({item.sku: _short_by(out_of.quantity, quantity)})
    reason = MovementReason.TRANSFER
    with _never_below_zero([item]):
        return [
            _move(store, item, out_of, -quantity, reason, actor=actor, reference=destination.code, note=note),
            _move(store, item, into, quantity, reason, actor=actor, reference=source.code, note=note),
        ]


@store_write(changes_shop=True)
def stock_allocate(
    *,
    store: Store,
    lines: Iterable[tuple[ItemRef, int]],
    reference: str,
    actor: Any = None,
) -> list[StockMovement]:
    """Take the units of an order out of stock, all lines or none.

    Each item is taken from active locations in position order. What is free
    for the order is ``on_hand`` minus other references' unexpired
    reservations: the order's own reservations (same ``reference``) do not
    count against it and are consumed. Items that do not track stock are
    never short and write no movement. ``InsufficientStockError`` lists the
    SKUs that are short, and nothing changes.
    """
    wanted: dict[int, int] = defaultdict(int)
    for item, quantity in lines:
        _positive("quantity", quantity)
        wanted[_pk(item)] += quantity
    if not wanted:
        return []
    now = timezone.now()
    items = _lock_items(wanted)
    _release_expired_of(items, now)
    before = {pk: item.available for pk, item in items.items()}
    own = (
        Reservation.objects.filter(item_id__in=list(wanted), reference=reference, status=ReservationStatus.ACTIVE)
        if reference
        else Reservation.objects.none()
    )
    own_totals = dict(own.order_by().values("item_id").annotate(total=Sum("quantity")).values_list("item_id", "total"))
    tracked = [pk for pk in sorted(wanted) if items[pk].track_stock]
    levels = _lock_sellable_levels(tracked)
    short = {}
    for pk in tracked:
        free = min(items[pk].available + own_totals.get(pk, 0), sum(level.quantity for level in levels[pk]))
        if wanted[pk] > free:
            short[items[pk].sku] = _short_by(free, wanted[pk])
    if short:
        raise _insufficient(short)
    movements = []
    with _never_below_zero(items[pk] for pk in tracked):
        for pk in tracked:
            remaining = wanted[pk]
            for level in levels[pk]:
                take = min(remaining, level.quantity)
                if take > 0:
                    movements.append(
                        _move(store, items[pk], level, -take, MovementReason.SOLD, actor=actor, reference=reference)
                    )
                    remaining -= take
            _add_on_hand(items[pk], -wanted[pk])
        if own_totals:
            own.update(status=ReservationStatus.CONSUMED, closed_at=now)
            for pk, total in own_totals.items():
                _add_reserved(items[pk], -total)
    _notify_low(store, items.values(), before)
    return movements


@store_write(changes_shop=True)
def stock_rebuild(*, store: Store) -> int:
    """Recompute levels from the ledger, ``on_hand`` from them and ``reserved`` from active reservations.

    Returns how many level and item rows were wrong (0 when the maintained
    figures agree with the ledger, which they should).
    """
    items = _lock_items(StockItem.objects.values_list("pk", flat=True))
    ledger = {
        (item_id, location_id): total
        for item_id, location_id, total in StockMovement.objects.order_by()
        .values("item_id", "location_id")
        .annotate(total=Sum("delta"))
        .values_list("item_id", "location_id", "total")
    }
    on_hand: dict[int, int] = defaultdict(int)
    for (item_id, _location_id), total in ledger.items():
        on_hand[item_id] += total
    reserved = dict(
        Reservation.objects.filter(status=ReservationStatus.ACTIVE)
        .order_by()
        .values("item_id")
        .annotate(total=Sum("quantity"))
        .values_list("item_id", "total")
    )
    fixed = 0
    for level in StockLevel.objects.select_for_update().order_by("item_id", "location_id"):
        expected = ledger.pop((level.item_id, level.location_id), 0)
        if level.quantity != expected:
            StockLevel.objects.filter(pk=level.pk).update(quantity=expected)
            fixed += 1
    for (item_id, location_id), total in ledger.items():  # movements whose level row is missing
        StockLevel.objects.create(store=store, item_id=item_id, location_id=location_id, quantity=total)
        fixed += 1
    for item in items.values():
        figures = {"on_hand": on_hand.get(item.pk, 0), "reserved": reserved.get(item.pk, 0)}
        if (item.on_hand, item.reserved) != (figures["on_hand"], figures["reserved"]):
            StockItem.objects.filter(pk=item.pk).update(**figures, updated_at=timezone.now())
            fixed += 1
    return fixed

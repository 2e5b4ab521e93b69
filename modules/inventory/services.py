"""Writes of the inventory module: locations, stock items, stock changes and reservations.

Every function is atomic and runs in the given store's tenant scope, so an
item, location or reservation of another store is "not found".

The locking rule, which is why stock cannot be oversold and writers never
deadlock each other: a write first locks the ``StockItem`` rows it touches
(``SELECT ... FOR UPDATE`` in ascending id order), then the ``StockLevel``
rows (in ``(item_id, location_id)`` order), and only then reads quantities
and decides. Two writers of one item queue on its row; two writers of
several items take their locks in the same order, so neither holds a lock
the other waits for while waiting itself. The ``quantity >= 0`` and
``on_hand >= 0`` constraints are the last line: should a write get past the
checks, PostgreSQL refuses it and the caller gets ``InsufficientStockError``.

Availability is ``on_hand`` minus active reservations that have not expired.
Expired reservations of the items a write locks are released on the spot
(the periodic task releases the others), so under the lock
``StockItem.reserved`` is exact.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from orion.page_cache import store_content_changed

from .events import stock_low
from .exceptions import (
    InsufficientStockError,
    ReservationNotFoundError,
    StockItemNotFoundError,
    StockLocationNotFoundError,
)
from .models import Reservation, StockItem, StockLevel, StockLocation, StockMovement
from .models.stock import MovementReason, ReservationStatus

RESERVATION_TTL = timedelta(minutes=getattr(settings, "ORION_STOCK_RESERVATION_MINUTES", 15))
LOCATION_FIELDS = frozenset({"name", "code", "address", "is_active", "position"})
ITEM_FIELDS = frozenset({"sku", "name", "track_stock", "low_stock_threshold", "is_active"})
# The check constraints that keep stock from going below zero (see the models).
NOT_NEGATIVE = (
    "inventory_level_not_negative",
    "inventory_item_on_hand_not_negative",
    "inventory_item_reserved_not_negative",
)

ItemRef = StockItem | int
F_ = TypeVar("F_", bound=Callable[..., Any])


def _in_store(func: F_) -> F_:
    """Run a write inside ``store``'s tenant scope, whatever scope the caller has open.

    Stock shows in the shop, so the store's cached storefront pages are dropped when the write commits.
    """

    @functools.wraps(func)
    def wrapper(*, store: Any, **kwargs: Any) -> Any:
        with scope(store=store):
            result = func(store=store, **kwargs)
        store_content_changed(store)
        return result

    return wrapper  # type: ignore[return-value]


def _pk(obj: Any) -> int:
    return obj if isinstance(obj, int) else obj.pk


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


# --- Locks and the pieces every stock change shares ------------------------------


def _lock_items(item_ids: Iterable[int]) -> dict[int, StockItem]:
    """Lock the store's items in ascending id order (the first half of the locking rule)."""
    ids = sorted(set(item_ids))
    items = {item.pk: item for item in StockItem.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    if len(items) != len(ids):
        raise StockItemNotFoundError()
    return items


def _lock_levels(store: Any, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], StockLevel]:
    """The level rows of ``(item_id, location_id)`` pairs, created at 0 when missing, then locked in order.

    Called with the items already locked, so nobody else creates these rows meanwhile.
    """
    wanted = set(pairs)
    item_ids = {item_id for item_id, _location in wanted}
    location_ids = {location_id for _item, location_id in wanted}
    candidates = StockLevel.objects.filter(item_id__in=item_ids, location_id__in=location_ids)
    existing = set(candidates.values_list("item_id", "location_id"))
    StockLevel.objects.bulk_create(
        [StockLevel(store=store, item_id=i, location_id=loc) for i, loc in sorted(wanted - existing)],
        ignore_conflicts=True,
    )
    levels = candidates.select_for_update().order_by("item_id", "location_id")
    return {pair: level for level in levels if (pair := (level.item_id, level.location_id)) in wanted}


def _lock_sellable_levels(item_ids: Iterable[int]) -> dict[int, list[StockLevel]]:
    """The items' levels at active locations, locked, each item's in allocation order (location position)."""
    levels = (
        StockLevel.objects.select_for_update(of=("self",))
        .filter(item_id__in=list(item_ids), location__is_active=True)
        .select_related("location")
        .order_by("item_id", "location_id")
    )
    grouped: dict[int, list[StockLevel]] = defaultdict(list)
    for level in levels:
        grouped[level.item_id].append(level)
    for item_levels in grouped.values():
        item_levels.sort(key=lambda level: (level.location.position, level.location_id))
    return grouped


def _location(location: StockLocation | int) -> StockLocation:
    found = StockLocation.objects.filter(pk=_pk(location)).first()
    if found is None:
        raise StockLocationNotFoundError()
    return found


def _release_expired_of(items: dict[int, StockItem], now: datetime) -> int:
    """Release the locked items' expired reservations; ``StockItem.reserved`` is exact afterwards."""
    due = Reservation.objects.filter(item_id__in=list(items), status=ReservationStatus.ACTIVE, expires_at__lte=now)
    totals = dict(due.order_by().values("item_id").annotate(total=Sum("quantity")).values_list("item_id", "total"))
    if not totals:
        return 0
    released = due.update(status=ReservationStatus.RELEASED, closed_at=now)
    for item_id, total in totals.items():
        _add_reserved(items[item_id], -total)
    return released


def _add_reserved(item: StockItem, change: int) -> None:
    StockItem.objects.filter(pk=item.pk).update(reserved=F("reserved") + change, updated_at=timezone.now())
    item.reserved += change


def _add_on_hand(item: StockItem, change: int) -> None:
    StockItem.objects.filter(pk=item.pk).update(on_hand=F("on_hand") + change, updated_at=timezone.now())
    item.on_hand += change


def _move(
    store: Any,
    item: StockItem,
    level: StockLevel,
    change: int,
    reason: str,
    *,
    actor: Any = None,
    reference: str = "",
    note: str = "",
) -> StockMovement:
    """Change one locked level and write its ledger row (the item's ``on_hand`` is the caller's)."""
    StockLevel.objects.filter(pk=level.pk).update(quantity=F("quantity") + change)
    level.quantity += change
    return StockMovement.objects.create(
        store=store,
        item=item,
        location_id=level.location_id,
        delta=change,
        quantity_after=level.quantity,
        reason=reason,
        reference=reference,
        note=note,
        user=_user(actor),
    )


def _insufficient(short: dict[str, str]) -> InsufficientStockError:
    return InsufficientStockError(
        _("Not enough stock of %(skus)s.") % {"skus": ", ".join(sorted(short))},
        errors={sku: [problem] for sku, problem in sorted(short.items())},
    )


def _short_by(available: int, requested: int) -> str:
    return _("%(available)d available, %(requested)d requested.") % {
        "available": max(available, 0),
        "requested": requested,
    }


@contextmanager
def _never_below_zero(items: Iterable[StockItem]) -> Iterator[None]:
    """The last line: a not-negative constraint refusing the writes inside becomes ``InsufficientStockError``."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        if not any(name in str(exc) for name in NOT_NEGATIVE):
            raise
        raise _insufficient({item.sku: _("Not enough stock.") for item in items}) from exc


def _notify_low(store: Any, items: Iterable[StockItem], before: dict[int, int]) -> None:
    """Send ``stock_low`` after commit for each item whose availability fell to its threshold or below."""
    for item in items:
        threshold = item.low_stock_threshold
        if item.track_stock and threshold is not None and before[item.pk] > threshold >= item.available:
            payload = {
                "store_id": store.pk,
                "item_id": item.pk,
                "sku": item.sku,
                "available": item.available,
                "threshold": threshold,
            }
            transaction.on_commit(functools.partial(_send_stock_low, store, payload))


def _send_stock_low(store: Any, payload: dict[str, Any]) -> None:
    # After commit the change stands: a failing receiver is logged, not raised at the caller.
    stock_low.send_robust(sender="inventory", platform=store.platform, **payload)


def _positive(field: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValidationError({field: _("Enter a whole number greater than zero.")})


def _save_unique(obj: models.Model, field: str, message: str, **unique: Any) -> None:
    """Validate and save ``obj``; another row with the same ``unique`` values is an error on ``field``."""
    if type(obj).objects.filter(**unique).exclude(pk=obj.pk).exists():
        raise ValidationError({field: message})
    obj.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:  # a concurrent insert of the same value
        raise ValidationError({field: message}) from exc


# --- Locations ---------------------------------------------------------------------


@transaction.atomic
@_in_store
def location_create(
    *,
    store: Any,
    actor: Any,
    name: str,
    code: str,
    address: str = "",
    is_active: bool = True,
    position: int = 0,
) -> StockLocation:
    """A new stock location; its code is unique in the store."""
    location = StockLocation(store=store, name=name, code=code, address=address, is_active=is_active, position=position)
    _save_unique(location, "code", _("Another location of this store has this code."), code=code)
    return location


@transaction.atomic
@_in_store
def location_update(*, store: Any, actor: Any, location: StockLocation | int, **fields: Any) -> StockLocation:
    """Change a location's name, code, address, active flag or position (on a fresh, locked row)."""
    unknown = set(fields) - LOCATION_FIELDS
    if unknown:
        raise TypeError(f"location_update() got unexpected fields: {', '.join(sorted(unknown))}")
    fresh = StockLocation.objects.select_for_update().filter(pk=_pk(location)).first()
    if fresh is None:
        raise StockLocationNotFoundError()
    for name, value in fields.items():
        setattr(fresh, name, value)
    _save_unique(fresh, "code", _("Another location of this store has this code."), code=fresh.code)
    return fresh


# --- Stock items ---------------------------------------------------------------------


@transaction.atomic
@_in_store
def stock_item_create(
    *,
    store: Any,
    sku: str,
    name: str,
    track_stock: bool = True,
    low_stock_threshold: int | None = None,
) -> StockItem:
    """A new stock item (the catalog creates one per variant); its SKU is unique in the store."""
    item = StockItem(store=store, sku=sku, name=name, track_stock=track_stock, low_stock_threshold=low_stock_threshold)
    _save_unique(item, "sku", _("Another stock item of this store has this SKU."), sku=sku)
    return item


@transaction.atomic
@_in_store
def stock_item_update(*, store: Any, item: ItemRef, **fields: Any) -> StockItem:
    """Change an item's SKU, name, tracking, low-stock threshold or active flag (on the locked row)."""
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"stock_item_update() got unexpected fields: {', '.join(sorted(unknown))}")
    fresh = _lock_items([_pk(item)])[_pk(item)]
    for name, value in fields.items():
        setattr(fresh, name, value)
    _save_unique(fresh, "sku", _("Another stock item of this store has this SKU."), sku=fresh.sku)
    return fresh


@transaction.atomic
@_in_store
def stock_items_retire(*, store: Any, item_ids: Iterable[int]) -> int:
    """Mark items inactive (their variants are gone); stock and ledger stay. Returns how many changed."""
    items = _lock_items(item_ids)
    return StockItem.objects.filter(pk__in=list(items), is_active=True).update(
        is_active=False, updated_at=timezone.now()
    )


# --- Stock changes -----------------------------------------------------------------


@transaction.atomic
@_in_store
def stock_adjust(
    *,
    store: Any,
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


@transaction.atomic
@_in_store
def stock_transfer(
    *,
    store: Any,
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


@transaction.atomic
@_in_store
def stock_allocate(
    *,
    store: Any,
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


# --- Reservations ------------------------------------------------------------------


@transaction.atomic
@_in_store
def reservation_create(
    *,
    store: Any,
    item: ItemRef,
    quantity: int,
    reference: str,
    ttl: timedelta | None = None,
) -> Reservation:
    """Hold units of an item for a cart or checkout (``reference``) until ``ttl`` (default 15 minutes) passes.

    Refused with ``InsufficientStockError`` beyond what is available; an item
    that does not track stock is never short.
    """
    _positive("quantity", quantity)
    if not reference:
        raise ValidationError({"reference": _("A reservation needs a reference.")})
    now = timezone.now()
    locked = _lock_items([_pk(item)])
    item = locked[_pk(item)]
    _release_expired_of(locked, now)
    before = {item.pk: item.available}
    if item.track_stock and quantity > item.available:
        raise _insufficient({item.sku: _short_by(item.available, quantity)})
    reservation = Reservation(
        store=store,
        item=item,
        quantity=quantity,
        reference=reference,
        expires_at=now + (RESERVATION_TTL if ttl is None else ttl),
    )
    reservation.full_clean()
    reservation.save()
    _add_reserved(item, quantity)
    _notify_low(store, [item], before)
    return reservation


@transaction.atomic
@_in_store
def reservation_release(*, store: Any, reservation: Reservation | int) -> Reservation:
    """Give the units back; a reservation already released or consumed is returned unchanged."""
    item_id = Reservation.objects.filter(pk=_pk(reservation)).values_list("item_id", flat=True).first()
    if item_id is None:
        raise ReservationNotFoundError()
    item = _lock_items([item_id])[item_id]
    fresh = Reservation.objects.get(pk=_pk(reservation))
    if fresh.status == ReservationStatus.ACTIVE:
        fresh.status, fresh.closed_at = ReservationStatus.RELEASED, timezone.now()
        fresh.save(update_fields=["status", "closed_at"])
        _add_reserved(item, -fresh.quantity)
    return fresh


def reservations_release_expired(*, now: datetime | None = None) -> int:
    """Release every store's expired reservations (the periodic task); returns how many. Idempotent."""
    now = now or timezone.now()
    store_model = Reservation._meta.get_field("store").related_model
    with scopes_disabled():
        due = Reservation.objects.filter(status=ReservationStatus.ACTIVE, expires_at__lte=now)
        stores = list(store_model.objects.filter(pk__in=due.values("store_id")).order_by("pk"))
    return sum(_release_expired_in_store(store=store, now=now) for store in stores)


@transaction.atomic
@_in_store
def _release_expired_in_store(*, store: Any, now: datetime) -> int:
    due = Reservation.objects.filter(status=ReservationStatus.ACTIVE, expires_at__lte=now)
    return _release_expired_of(_lock_items(due.values_list("item_id", flat=True)), now)


# --- The ledger ----------------------------------------------------------------------


@transaction.atomic
@_in_store
def stock_rebuild(*, store: Any) -> int:
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
    for (item_id, _location), total in ledger.items():
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

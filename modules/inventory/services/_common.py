"""Locks and the pieces every stock write shares (the locking rule is in the package's docstring)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store

from ..events import stock_low
from ..exceptions import InsufficientStockError, StockItemNotFoundError, StockLocationNotFoundError
from ..models import Reservation, StockItem, StockLevel, StockLocation, StockMovement
from ..models.stock import ReservationStatus

# The check constraints that keep stock from going below zero (see the models).
NOT_NEGATIVE = (
    "inventory_level_not_negative",
    "inventory_item_on_hand_not_negative",
    "inventory_item_reserved_not_negative",
)

ItemRef = StockItem | int


def _pk(obj: Any) -> int:
    return obj if isinstance(obj, int) else obj.pk


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def _lock_items(item_ids: Iterable[int]) -> dict[int, StockItem]:
    """Lock the store's items in ascending id order (the first half of the locking rule)."""
    ids = sorted(set(item_ids))
    items = {item.pk: item for item in StockItem.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    if len(items) != len(ids):
        raise StockItemNotFoundError()
    return items


def _lock_levels(store: Store, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], StockLevel]:
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
    store: Store,
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


def _notify_low(store: StoreRef, items: Iterable[StockItem], before: dict[int, int]) -> None:
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


def _send_stock_low(store: StoreRef, payload: dict[str, Any]) -> None:
    # After commit the change stands: a failing receiver is logged, not raised at the caller.
    stock_low.send_robust(sender="inventory", platform=store.platform, **payload)


def _positive(field: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValidationError({field: _("Enter a whole number greater than zero.")})


def _save_unique(obj: models.Model, field: str, message: str, **unique: Any) -> None:
    """Validate and save ``obj``; another row with the same ``unique`` values is an error on ``field``."""
    # Every model saved here has the store-scoped ``objects`` manager.
    if type(obj).objects.filter(**unique).exclude(pk=obj.pk).exists():  # type: ignore[attr-defined]
        raise ValidationError({field: message})
    obj.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:  # a concurrent insert of the same value
        raise ValidationError({field: message}) from exc

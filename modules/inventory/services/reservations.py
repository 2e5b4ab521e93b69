"""Reservations: units held for a cart or checkout until they expire."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store
from orion.services import store_write

from ..exceptions import ReservationNotFoundError
from ..models import Reservation
from ..models.stock import ReservationStatus
from ._common import (
    ItemRef,
    _add_reserved,
    _insufficient,
    _lock_items,
    _notify_low,
    _pk,
    _positive,
    _release_expired_of,
    _short_by,
)

RESERVATION_TTL = timedelta(minutes=getattr(settings, "ORION_STOCK_RESERVATION_MINUTES", 15))


@store_write(changes_shop=True)
def reservation_create(
    *,
    store: Store,
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


@store_write(changes_shop=True)
def reservation_release(*, store: StoreRef, reservation: Reservation | int) -> Reservation:
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
        stores = list(store_model.objects.filter(pk__in=due.values("store_id")).order_by("pk"))  # type: ignore[attr-defined]  # tenancy's Store
    return sum(_release_expired_in_store(store=store, now=now) for store in stores)


@store_write(changes_shop=True)
def _release_expired_in_store(*, store: StoreRef, now: datetime) -> int:
    due = Reservation.objects.filter(status=ReservationStatus.ACTIVE, expires_at__lte=now)
    return _release_expired_of(_lock_items(due.values_list("item_id", flat=True)), now)

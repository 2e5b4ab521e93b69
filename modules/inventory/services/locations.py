"""Writes of stock locations."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store
from orion.services import record_changed, record_created, snapshot, store_write

from ..exceptions import StockLocationNotFoundError
from ..models import StockLocation
from ._common import _pk, _save_unique

LOCATION_FIELDS = frozenset({"name", "code", "address", "is_active", "position"})
AUDITED = ("name", "code", "address", "is_active", "position")


@store_write(changes_shop=True)
def location_create(
    *,
    store: Store,
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
    record_created(location, "inventory.location.created", AUDITED)
    return location


@store_write(changes_shop=True)
def location_update(*, store: StoreRef, actor: Any, location: StockLocation | int, **fields: Any) -> StockLocation:
    """Change a location's name, code, address, active flag or position (on a fresh, locked row)."""
    unknown = set(fields) - LOCATION_FIELDS
    if unknown:
        raise TypeError(f"location_update() got unexpected fields: {', '.join(sorted(unknown))}")
    fresh = StockLocation.objects.select_for_update().filter(pk=_pk(location)).first()
    if fresh is None:
        raise StockLocationNotFoundError()
    before = snapshot(fresh, AUDITED)
    for name, value in fields.items():
        setattr(fresh, name, value)
    _save_unique(fresh, "code", _("Another location of this store has this code."), code=fresh.code)
    record_changed(fresh, "inventory.location.updated", before=before)
    return fresh

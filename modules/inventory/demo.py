"""Demo stock for ``manage.py load_demo``: two locations per store, and stock for every item not stocked yet.

Inventory does not know what the items are (the catalog creates them), so
the quantities come from a stable checksum of the SKU: the same demo on
every machine, some items low, and the first item in SKU order sold out
by a demo order, so every state shows on the stock pages. Safe to run
again: locations are matched by code and items with any movement are left alone.
"""

from __future__ import annotations

import zlib

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_scopes import scope

from modules.tenancy.interface import Store

from . import services
from .models import StockItem, StockLocation
from .models.stock import MovementReason

LOCATIONS = [
    # (code, name, address); the first is where orders are served from first.
    ("warehouse", _("Warehouse"), "Rue de l'Industrie 12\nL-3895 Foetz"),
    ("shop-floor", _("Shop floor"), "Grand-Rue 1\nL-1661 Luxembourg"),
]
LOW_STOCK_THRESHOLD = 5
DELIVERY = "demo-delivery-1"
SOLD_OUT_ORDER = "demo-order-1001"


def seed_locations(*, store: Store) -> list[StockLocation]:
    """The store's demo locations, created when missing (by code)."""
    with scope(store=store):
        existing = {location.code: location for location in StockLocation.objects.all()}
    locations = []
    for position, (code, name, address) in enumerate(LOCATIONS):
        if code in existing:
            locations.append(existing[code])
            continue
        with translation.override(store.default_language):  # the merchant's own data, in the store's language
            label = str(name)
        locations.append(
            services.location_create(store=store, actor=None, name=label, code=code, address=address, position=position)
        )
    return locations


def planned_quantities(sku: str) -> tuple[int, int]:
    """Units received at the warehouse and the shop floor for ``sku``: about one item in six is low."""
    checksum = zlib.crc32(sku.encode())
    if checksum % 6 == 0:
        return 1 + checksum % 3, 0  # at or below the threshold: shows as low
    return 8 + checksum % 40, checksum % 7


@transaction.atomic
def stock_items(*, store: Store) -> int:
    """Receive demo stock for the store's tracked items that have no movement yet; returns how many."""
    warehouse, shop_floor = seed_locations(store=store)
    with scope(store=store):
        fresh = list(StockItem.objects.filter(track_stock=True, is_active=True, movements__isnull=True).order_by("sku"))
    for index, item in enumerate(fresh):
        services.stock_item_update(store=store, item=item, low_stock_threshold=LOW_STOCK_THRESHOLD)
        if index == 0:  # received, then all sold: the sold-out case
            services.stock_adjust(
                store=store, actor=None, item=item, location=warehouse, reason=MovementReason.RECEIVED,
                delta=3, reference=DELIVERY,
            )  # fmt: skip
            services.stock_allocate(store=store, lines=[(item, 3)], reference=SOLD_OUT_ORDER)
            continue
        for location, quantity in zip((warehouse, shop_floor), planned_quantities(item.sku), strict=True):
            if quantity:
                services.stock_adjust(
                    store=store, actor=None, item=item, location=location, reason=MovementReason.RECEIVED,
                    delta=quantity, reference=DELIVERY,
                )  # fmt: skip
    return len(fresh)


def seed_store(*, store: Store) -> None:
    """Locations now; stock once the demo's transaction commits.

    Deferred so that the items other modules' receivers create for this
    store from the same signal (the catalog's variants) are stocked too,
    whichever receiver runs first.
    """
    seed_locations(store=store)
    transaction.on_commit(lambda: stock_items(store=store))

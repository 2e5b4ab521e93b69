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

from .items import ITEM_FIELDS, stock_item_create, stock_item_update, stock_items_retire
from .locations import LOCATION_FIELDS, location_create, location_update
from .reservations import RESERVATION_TTL, reservation_create, reservation_release, reservations_release_expired
from .stock import stock_adjust, stock_allocate, stock_rebuild, stock_transfer

__all__ = [
    "ITEM_FIELDS",
    "LOCATION_FIELDS",
    "RESERVATION_TTL",
    "location_create",
    "location_update",
    "reservation_create",
    "reservation_release",
    "reservations_release_expired",
    "stock_adjust",
    "stock_allocate",
    "stock_item_create",
    "stock_item_update",
    "stock_items_retire",
    "stock_rebuild",
    "stock_transfer",
]

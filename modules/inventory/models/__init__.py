"""Stock per location, the append-only movement ledger and reservations.

Inventory knows stock items, not products: the catalog creates one
``StockItem`` per variant through ``inventory.interface`` and keeps its SKU
and name up to date, so stock pages and the ledger read without the catalog.
"""

from .locations import StockLocation
from .stock import Reservation, StockItem, StockLevel, StockMovement

__all__ = ["Reservation", "StockItem", "StockLevel", "StockLocation", "StockMovement"]

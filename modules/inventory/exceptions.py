"""Errors of the inventory module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class InventoryError(OrionError):
    """An error of the inventory module; every other error here derives from it."""

    code = "inventory_error"


class InsufficientStockError(InventoryError, ValidationFailedError):
    """There is not enough stock at this location for the requested quantity."""

    # ``errors`` maps each SKU that is short to what is wrong with it.
    code = "insufficient_stock"
    status = 409


class StockLocationNotFoundError(InventoryError, NotFoundError):
    """The stock location does not exist in this store."""

    code = "stock_location_not_found"


class StockItemNotFoundError(InventoryError, NotFoundError):
    """The stock item does not exist in this store."""

    code = "stock_item_not_found"


class ReservationNotFoundError(InventoryError, NotFoundError):
    """The stock reservation does not exist in this store."""

    code = "stock_reservation_not_found"


class ReservationExpiredError(InventoryError):
    """The stock reservation has expired and the stock was released."""

    code = "stock_reservation_expired"
    status = 409

"""Errors of the inventory module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class InventoryError(OrionError):
    """Base error of the inventory module."""

    code = "inventory_error"


class InsufficientStockError(ValidationFailedError):
    """Not enough stock."""

    code = "insufficient_stock"


class LocationNotFoundError(NotFoundError):
    """No such stock location."""

    code = "stock_location_not_found"

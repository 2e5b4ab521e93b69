"""Errors of the cart module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class CartError(OrionError):
    """An error of the cart module; every other error here derives from it."""

    code = "cart_error"


class CartItemNotFoundError(CartError, NotFoundError):
    """The item is not in the cart."""

    code = "cart_item_not_found"


class ItemOutOfStockError(CartError, ValidationFailedError):
    """Not enough stock is available for the requested quantity."""

    code = "cart_item_out_of_stock"
    status = 409


class InvalidQuantityError(CartError, ValidationFailedError):
    """The quantity must be a whole number of at least one."""

    code = "invalid_cart_quantity"

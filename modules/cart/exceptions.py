"""Errors of the cart module; each ``code`` is stable API."""

from orion.exceptions import OrionError, ValidationFailedError


class CartError(OrionError):
    """Base error of the cart module."""

    code = "cart_error"


class CartItemUnavailableError(ValidationFailedError):
    """This item cannot be added to the cart."""

    code = "cart_item_unavailable"

"""Errors of the checkout module; each ``code`` is stable API."""

from orion.exceptions import OrionError, ValidationFailedError


class CheckoutError(OrionError):
    """Base error of the checkout module."""

    code = "checkout_error"


class CartEmptyError(ValidationFailedError):
    """The cart is empty."""

    code = "cart_empty"

"""Errors of the checkout module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class CheckoutError(OrionError):
    """An error of the checkout module; every other error here derives from it."""

    code = "checkout_error"


class CheckoutSessionNotFoundError(CheckoutError, NotFoundError):
    """The checkout does not exist or belongs to another session."""

    code = "checkout_session_not_found"


class EmptyCartError(CheckoutError, ValidationFailedError):
    """The cart is empty; there is nothing to order."""

    code = "checkout_cart_empty"


class CheckoutExpiredError(CheckoutError):
    """The checkout has expired; start again from the cart."""

    code = "checkout_expired"
    status = 409

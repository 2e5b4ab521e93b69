"""Errors of the orders module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class OrdersError(OrionError):
    """An error of the orders module; every other error here derives from it."""

    code = "orders_error"


class OrderNotFoundError(OrdersError, NotFoundError):
    """The order does not exist in this store."""

    code = "order_not_found"


class InvalidStatusTransitionError(OrdersError, ValidationFailedError):
    """The order cannot move from its current status to the requested one."""

    code = "invalid_order_status_transition"
    status = 409


class OrderNotCancellableError(OrdersError, ValidationFailedError):
    """The order has already shipped and can no longer be cancelled."""

    code = "order_not_cancellable"
    status = 409

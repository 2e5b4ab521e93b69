"""Errors of the orders module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class OrdersError(OrionError):
    """Base error of the orders module."""

    code = "orders_error"


class OrderNotFoundError(NotFoundError):
    """No such order."""

    code = "order_not_found"


class OrderStatusTransitionError(ValidationFailedError):
    """The order cannot move to that status."""

    code = "order_status_transition_invalid"

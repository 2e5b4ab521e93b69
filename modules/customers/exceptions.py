"""Errors of the customers module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError


class CustomersError(OrionError):
    """Base error of the customers module."""

    code = "customers_error"


class CustomerNotFoundError(NotFoundError):
    """No such customer."""

    code = "customer_not_found"

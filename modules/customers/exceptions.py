"""Errors of the customers module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class CustomersError(OrionError):
    """An error of the customers module; every other error here derives from it."""

    code = "customers_error"


class CustomerNotFoundError(CustomersError, NotFoundError):
    """The customer does not exist in this store."""

    code = "customer_not_found"


class CustomerEmailTakenError(CustomersError, ValidationFailedError):
    """A customer of this store already uses this email address."""

    code = "customer_email_taken"


class AddressNotFoundError(CustomersError, NotFoundError):
    """The address does not exist or belongs to another customer."""

    code = "address_not_found"

"""Errors of the tenancy module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class TenancyError(OrionError):
    """An error of the tenancy module; every other error here derives from it."""

    code = "tenancy_error"


class PlatformNotFoundError(TenancyError, NotFoundError):
    """No active platform answers on this host."""

    code = "platform_not_found"


class StoreNotFoundError(TenancyError, NotFoundError):
    """The store does not exist or is not active on this platform."""

    code = "store_not_found"


class DomainTakenError(TenancyError, ValidationFailedError):
    """The domain is already used by another platform or store."""

    code = "domain_taken"

"""Errors of the tenancy module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError, PermissionDeniedError


class TenancyError(OrionError):
    """Base error of the tenancy module."""

    code = "tenancy_error"


class PlatformNotFoundError(NotFoundError):
    """No such platform."""

    code = "platform_not_found"


class StoreNotFoundError(NotFoundError):
    """No such store."""

    code = "store_not_found"


class LastOwnerError(PermissionDeniedError):
    """A store must keep at least one owner."""

    code = "last_owner"

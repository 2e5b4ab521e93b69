"""Errors of the marketplace module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class MarketplaceError(OrionError):
    """An error of the marketplace module; every other error here derives from it."""

    code = "marketplace_error"


class MarketplaceApiError(MarketplaceError):
    """The Letzshop API returned an error or did not answer in time."""

    code = "marketplace_api_error"
    status = 502


class MarketplaceJobNotFoundError(MarketplaceError, NotFoundError):
    """The import or export job does not exist in this store."""

    code = "marketplace_job_not_found"


class MarketplaceNotConnectedError(MarketplaceError, ValidationFailedError):
    """The store has not entered its Letzshop credentials yet."""

    code = "marketplace_not_connected"

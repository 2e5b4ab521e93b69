"""Errors of the marketplace module; each ``code`` is stable API."""

from orion.exceptions import OrionError


class MarketplaceError(OrionError):
    """Base error of the marketplace module."""

    code = "marketplace_error"


class LetzshopApiError(OrionError):
    """The Letzshop API answered with an error."""

    code = "letzshop_api_error"

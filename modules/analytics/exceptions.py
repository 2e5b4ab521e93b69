"""Errors of the analytics module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class AnalyticsError(OrionError):
    """An error of the analytics module; every other error here derives from it."""

    code = "analytics_error"


class ReportNotFoundError(AnalyticsError, NotFoundError):
    """The report does not exist."""

    code = "report_not_found"


class InvalidDateRangeError(AnalyticsError, ValidationFailedError):
    """The start of the date range is after its end, or the range is too long."""

    code = "invalid_date_range"

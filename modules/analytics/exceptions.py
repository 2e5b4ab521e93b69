"""Errors of the analytics module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError


class AnalyticsError(OrionError):
    """Base error of the analytics module."""

    code = "analytics_error"


class ReportNotFoundError(NotFoundError):
    """No such report."""

    code = "report_not_found"

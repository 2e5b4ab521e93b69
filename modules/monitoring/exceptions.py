"""Errors of the monitoring module; each ``code`` is stable API."""

from orion.exceptions import OrionError


class MonitoringError(OrionError):
    """Base error of the monitoring module."""

    code = "monitoring_error"


class HealthCheckFailedError(OrionError):
    """A health check failed."""

    code = "health_check_failed"

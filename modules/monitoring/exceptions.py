"""Errors of the monitoring module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError


class MonitoringError(OrionError):
    """An error of the monitoring module; every other error here derives from it."""

    code = "monitoring_error"


class HealthCheckFailedError(MonitoringError):
    """A health check of the deployment failed."""

    code = "health_check_failed"
    status = 503


class ToolNotConfiguredError(MonitoringError, NotFoundError):
    """The external tool (Flower or Grafana) has no URL configured."""

    code = "monitoring_tool_not_configured"

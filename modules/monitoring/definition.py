"""Monitoring: logs, background tasks, Flower/Grafana links and health.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.db import connection
from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, HealthResult, MenuItem, ModuleDefinition, ModuleTier


def check_database() -> HealthResult:
    """Healthy when the default database connection can be opened (or is open)."""
    try:
        connection.ensure_connection()
    except Exception as exc:  # any failure to connect means unhealthy, whatever the backend raises
        return HealthResult(
            healthy=False,
            message=f"database unreachable: {exc}",
            details={"database": connection.alias, "vendor": connection.vendor},
        )
    return HealthResult(
        healthy=True,
        message="database reachable",
        details={"database": connection.alias, "vendor": connection.vendor},
    )


monitoring_module = ModuleDefinition(
    code="monitoring",
    name=_("Monitoring"),
    description=_("Logs, background tasks, links to Flower and Grafana, and health checks."),
    version="1.0.0",
    tier=ModuleTier.INTERNAL,
    requires=(),
    features=(
        "health_checks",
        "log_viewer",
        "task_monitor",
        "external_dashboards",
    ),
    permissions=(),
    menu_items={
        FrontendType.ADMIN: (
            MenuItem(
                id="monitoring.health",
                label=_("Health"),
                url_name="monitoring:health_detail",
                icon="heart",
                order=10,
                section="system",
            ),
            MenuItem(
                id="monitoring.logs",
                label=_("Logs"),
                url_name="monitoring:log_list",
                icon="file-text",
                order=20,
                section="system",
            ),
            MenuItem(
                id="monitoring.tasks",
                label=_("Background tasks"),
                url_name="monitoring:task_list",
                icon="clock",
                order=30,
                section="system",
            ),
            MenuItem(
                id="monitoring.tools",
                label=_("Flower and Grafana"),
                url_name="monitoring:tool_list",
                icon="external-link",
                order=40,
                section="system",
            ),
        ),
    },
    health_check=check_database,
)

"""The monitoring module: logs, background tasks, Flower and Grafana links, health."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, HealthResult, MenuItem, ModuleDefinition, ModuleTier


def database_health() -> HealthResult:
    """The default database answers."""
    from django.db import connection

    try:
        connection.ensure_connection()
    except Exception as exc:  # any driver error means unhealthy
        return HealthResult(healthy=False, message=str(exc))
    return HealthResult(healthy=True, message=connection.vendor)


monitoring_module = ModuleDefinition(
    code="monitoring",
    name=_("Monitoring"),
    description=_("Logs, background tasks, Flower and Grafana links, health."),
    version="1.0.0",
    tier=ModuleTier.INTERNAL,
    features=(
        "health",
        "task_monitor",
        "logs",
    ),
    menu_items={
        FrontendType.ADMIN: (
            MenuItem(
                id="monitoring.health",
                label=_("Health"),
                url_name="monitoring:health",
                icon="activity",
                order=10,
                section="tools",
            ),
        ),
    },
    health_check=database_health,
)

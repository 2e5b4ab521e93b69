"""The analytics module: reports, dashboards and exports."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

analytics_module = ModuleDefinition(
    code="analytics",
    name=_("Analytics"),
    description=_("Reports, dashboards and exports."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    features=(
        "basic_reports",
        "analytics_dashboard",
        "custom_reports",
    ),
    permissions=(
        PermissionDefinition(id="analytics.view_reports", label=_("View reports"), category="analytics"),
        PermissionDefinition(id="analytics.export_reports", label=_("Export reports"), category="analytics"),
        PermissionDefinition(id="analytics.manage_reports", label=_("Manage custom reports"), category="analytics"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="analytics.reports",
                label=_("Reports"),
                url_name="analytics:report_list",
                icon="bar-chart",
                permission="analytics.view_reports",
                order=10,
                section="insights",
            ),
        ),
    },
)

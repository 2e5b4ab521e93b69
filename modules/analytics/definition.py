"""Analytics: reports, dashboards and exports.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

analytics_module = ModuleDefinition(
    code="analytics",
    name=_("Analytics"),
    description=_("Reports, dashboards and data exports."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=(),
    features=(
        "basic_reports",
        "analytics_dashboard",
        "custom_reports",
        "report_exports",
    ),
    permissions=(
        PermissionDefinition(
            id="analytics.view_reports",
            label=_("View reports"),
            description=_("See sales, customer and product reports."),
            category="analytics",
        ),
        PermissionDefinition(
            id="analytics.export_reports",
            label=_("Export reports"),
            description=_("Download reports as CSV or spreadsheet files."),
            category="analytics",
        ),
        PermissionDefinition(
            id="analytics.manage_reports",
            label=_("Manage custom reports"),
            description=_("Create, change and delete custom reports."),
            category="analytics",
        ),
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
            MenuItem(
                id="analytics.exports",
                label=_("Exports"),
                url_name="analytics:export_list",
                icon="download",
                permission="analytics.export_reports",
                order=20,
                section="insights",
            ),
        ),
    },
)

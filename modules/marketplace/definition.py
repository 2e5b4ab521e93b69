"""The marketplace module: letzshop product import and export jobs."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import (
    ConfigField,
    FrontendType,
    MenuItem,
    ModuleDefinition,
    ModuleTier,
    PermissionDefinition,
)

marketplace_module = ModuleDefinition(
    code="marketplace",
    name=_("Marketplace"),
    description=_("Letzshop product import and export jobs."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("inventory",),
    features=(
        "letzshop_import",
        "letzshop_export",
    ),
    permissions=(
        PermissionDefinition(
            id="marketplace.view_jobs", label=_("View import and export jobs"), category="marketplace"
        ),
        PermissionDefinition(id="marketplace.run_import", label=_("Run imports"), category="marketplace"),
        PermissionDefinition(id="marketplace.run_export", label=_("Run exports"), category="marketplace"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="marketplace.jobs",
                label=_("Letzshop"),
                url_name="marketplace:job_list",
                icon="truck",
                permission="marketplace.view_jobs",
                order=10,
                section="channels",
            ),
        ),
    },
    config_prefix="MARKETPLACE_",
    config={
        "api_url": ConfigField(str, default="https://letzshop.lu/graphql", help="Letzshop GraphQL endpoint"),
        "api_timeout": ConfigField(int, default=30, help="seconds before a Letzshop call gives up"),
        "batch_size": ConfigField(int, default=100, help="products per import batch"),
    },
)

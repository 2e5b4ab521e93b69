"""Marketplace: Letzshop product import and export jobs.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

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
    description=_("Product import and export jobs for the Letzshop marketplace."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("inventory",),
    features=(
        "letzshop_import",
        "letzshop_export",
        "marketplace_jobs",
    ),
    permissions=(
        PermissionDefinition(
            id="marketplace.view_job",
            label=_("View jobs"),
            description=_("See import and export jobs, their progress and errors."),
            category="marketplace",
        ),
        PermissionDefinition(
            id="marketplace.run_job",
            label=_("Run jobs"),
            description=_("Start product imports from and exports to Letzshop."),
            category="marketplace",
        ),
        PermissionDefinition(
            id="marketplace.manage_connection",
            label=_("Manage Letzshop connection"),
            description=_("Enter and change the store's Letzshop credentials."),
            category="marketplace",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="marketplace.jobs",
                label=_("Letzshop jobs"),
                url_name="marketplace:job_list",
                icon="refresh-cw",
                permission="marketplace.view_job",
                order=10,
                section="integrations",
            ),
            MenuItem(
                id="marketplace.connection",
                label=_("Letzshop connection"),
                url_name="marketplace:connection_edit",
                icon="link",
                permission="marketplace.manage_connection",
                order=20,
                section="integrations",
            ),
        ),
    },
    config_prefix="MARKETPLACE_",
    config={
        "api_url": ConfigField(str, default="https://letzshop.lu/graphql", help="Letzshop GraphQL API endpoint."),
        "api_timeout": ConfigField(int, default=30, help="Seconds to wait for an answer from the Letzshop API."),
        "batch_size": ConfigField(int, default=100, help="Products sent to or fetched from Letzshop per API request."),
    },
)

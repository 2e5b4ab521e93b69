"""Customers: per-store customer accounts, addresses and segments.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

customers_module = ModuleDefinition(
    code="customers",
    name=_("Customers"),
    description=_("Per-store customer accounts, addresses and segments."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=(),
    features=(
        "customer_accounts",
        "customer_addresses",
        "customer_segments",
        "customer_export",
    ),
    permissions=(
        PermissionDefinition(
            id="customers.view_customer",
            label=_("View customers"),
            description=_("See the store's customers, their addresses and segments."),
            category="customers",
        ),
        PermissionDefinition(
            id="customers.edit_customer",
            label=_("Edit customers"),
            description=_("Create customer accounts and change their details and addresses."),
            category="customers",
        ),
        PermissionDefinition(
            id="customers.manage_segments",
            label=_("Manage segments"),
            description=_("Define customer segments used for targeting and reports."),
            category="customers",
        ),
        PermissionDefinition(
            id="customers.export_customers",
            label=_("Export customers"),
            description=_("Download the customer list as a file."),
            category="customers",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="customers.customers",
                label=_("Customers"),
                url_name="customers:customer_list",
                icon="users",
                permission="customers.view_customer",
                order=10,
                section="customers",
            ),
            MenuItem(
                id="customers.segments",
                label=_("Segments"),
                url_name="customers:segment_list",
                icon="filter",
                permission="customers.manage_segments",
                order=20,
                section="customers",
            ),
        ),
        FrontendType.STOREFRONT: (
            MenuItem(
                id="customers.account",
                label=_("My account"),
                url_name="customers:account_detail",
                icon="user",
                order=10,
                section="account",
            ),
            MenuItem(
                id="customers.addresses",
                label=_("Addresses"),
                url_name="customers:address_list",
                icon="map-pin",
                order=20,
                section="account",
            ),
        ),
    },
)

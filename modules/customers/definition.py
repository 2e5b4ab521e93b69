"""The customers module: per-store customer accounts, addresses and segments."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

customers_module = ModuleDefinition(
    code="customers",
    name=_("Customers"),
    description=_("Per-store customer accounts, addresses and segments."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    features=(
        "customer_accounts",
        "addresses",
        "segments",
    ),
    permissions=(
        PermissionDefinition(id="customers.view_customer", label=_("View customers"), category="customers"),
        PermissionDefinition(id="customers.edit_customer", label=_("Edit customers"), category="customers"),
        PermissionDefinition(id="customers.export_customers", label=_("Export customers"), category="customers"),
        PermissionDefinition(id="customers.manage_segments", label=_("Manage segments"), category="customers"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="customers.list",
                label=_("Customers"),
                url_name="customers:customer_list",
                icon="user",
                permission="customers.view_customer",
                order=10,
                section="sales",
            ),
        ),
        FrontendType.STOREFRONT: (
            MenuItem(
                id="customers.account",
                label=_("My account"),
                url_name="customers:account",
                icon="user",
                order=10,
                section="account",
            ),
        ),
    },
)

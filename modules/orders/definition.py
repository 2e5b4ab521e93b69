"""The orders module: orders, status, fulfilment and invoices."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

orders_module = ModuleDefinition(
    code="orders",
    name=_("Orders"),
    description=_("Orders, status, fulfilment and invoices."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    features=(
        "order_management",
        "fulfilment",
        "order_invoices",
    ),
    permissions=(
        PermissionDefinition(id="orders.view_order", label=_("View orders"), category="orders"),
        PermissionDefinition(id="orders.edit_order", label=_("Edit orders"), category="orders"),
        PermissionDefinition(id="orders.manage_fulfilment", label=_("Manage fulfilment"), category="orders"),
        PermissionDefinition(id="orders.cancel_order", label=_("Cancel orders"), category="orders"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="orders.list",
                label=_("Orders"),
                url_name="orders:order_list",
                icon="shopping-bag",
                permission="orders.view_order",
                order=10,
                section="sales",
            ),
        ),
    },
)

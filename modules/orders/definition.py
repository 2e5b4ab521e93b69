"""Orders: orders, status, fulfilment and invoices.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

orders_module = ModuleDefinition(
    code="orders",
    name=_("Orders"),
    description=_("Orders, their status, fulfilment and invoices."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=(),
    features=(
        "order_management",
        "order_status",
        "order_fulfilment",
        "order_invoices",
    ),
    permissions=(
        PermissionDefinition(
            id="orders.view_order",
            label=_("View orders"),
            description=_("See orders, their items, status history and invoices."),
            category="orders",
        ),
        PermissionDefinition(
            id="orders.edit_order",
            label=_("Edit orders"),
            description=_("Change order details such as addresses and notes."),
            category="orders",
        ),
        PermissionDefinition(
            id="orders.cancel_order",
            label=_("Cancel orders"),
            description=_("Cancel orders that have not been shipped."),
            category="orders",
        ),
        PermissionDefinition(
            id="orders.manage_fulfilment",
            label=_("Manage fulfilment"),
            description=_("Pack and ship orders, add tracking numbers and mark orders delivered."),
            category="orders",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="orders.orders",
                label=_("Orders"),
                url_name="orders:order_list",
                icon="shopping-bag",
                permission="orders.view_order",
                order=10,
                section="sales",
            ),
            MenuItem(
                id="orders.fulfilment",
                label=_("Fulfilment"),
                url_name="orders:shipment_list",
                icon="truck",
                permission="orders.manage_fulfilment",
                order=20,
                section="sales",
            ),
        ),
    },
)

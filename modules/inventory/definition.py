"""The inventory module: stock per location, movements and reservations."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

inventory_module = ModuleDefinition(
    code="inventory",
    name=_("Inventory"),
    description=_("Stock per location, movements and reservations."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    features=(
        "stock_levels",
        "locations",
        "reservations",
    ),
    permissions=(
        PermissionDefinition(id="inventory.view_stock", label=_("View stock"), category="inventory"),
        PermissionDefinition(id="inventory.adjust_stock", label=_("Adjust stock"), category="inventory"),
        PermissionDefinition(id="inventory.manage_locations", label=_("Manage stock locations"), category="inventory"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="inventory.stock",
                label=_("Stock"),
                url_name="inventory:stock_list",
                icon="package",
                permission="inventory.view_stock",
                order=10,
                section="catalog",
            ),
        ),
    },
)

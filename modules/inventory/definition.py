"""Inventory: stock per location, movements and reservations.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

if TYPE_CHECKING:
    from .dashboard import InventoryDashboardProvider


def _dashboard_provider() -> InventoryDashboardProvider:
    from .dashboard import InventoryDashboardProvider  # models load after the registry

    return InventoryDashboardProvider()


inventory_module = ModuleDefinition(
    code="inventory",
    name=_("Inventory"),
    description=_("Stock per location, stock movements and reservations."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=(),
    features=(
        "stock_tracking",
        "stock_locations",
        "stock_movements",
        "stock_reservations",
    ),
    permissions=(
        PermissionDefinition(
            id="inventory.view_stock",
            label=_("View stock"),
            description=_("See stock levels, movements and reservations."),
            category="inventory",
        ),
        PermissionDefinition(
            id="inventory.adjust_stock",
            label=_("Adjust stock"),
            description=_("Record stock received, counted, moved or written off."),
            category="inventory",
        ),
        PermissionDefinition(
            id="inventory.manage_locations",
            label=_("Manage stock locations"),
            description=_("Create and change the warehouses and shops stock is kept in."),
            category="inventory",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="inventory.stock",
                label=_("Stock"),
                url_name="inventory:stock_list",
                icon="package",
                permission="inventory.view_stock",
                order=40,
                section="catalog",
            ),
            MenuItem(
                id="inventory.movements",
                label=_("Stock movements"),
                url_name="inventory:movement_list",
                icon="shuffle",
                permission="inventory.view_stock",
                order=50,
                section="catalog",
            ),
            MenuItem(
                id="inventory.locations",
                label=_("Stock locations"),
                url_name="inventory:location_list",
                icon="map-pin",
                permission="inventory.manage_locations",
                order=60,
                section="catalog",
            ),
        ),
    },
    metrics_provider=_dashboard_provider,
    widget_provider=_dashboard_provider,
)

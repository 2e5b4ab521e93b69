"""Catalogue: products, categories, attributes and storefront browsing.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import (
    ConfigField,
    FrontendType,
    MenuItem,
    ModuleDefinition,
    ModuleTier,
    PermissionDefinition,
)

if TYPE_CHECKING:
    from .dashboard import CatalogMetricsProvider


def _metrics_provider() -> CatalogMetricsProvider:
    from .dashboard import CatalogMetricsProvider  # models load after the registry

    return CatalogMetricsProvider()


catalog_module = ModuleDefinition(
    code="catalog",
    name=_("Catalogue"),
    description=_("Products, categories, attributes and storefront browsing."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("inventory",),
    features=(
        "product_management",
        "categories",
        "product_attributes",
        "storefront_browsing",
        "product_search",
    ),
    permissions=(
        PermissionDefinition(
            id="catalog.view_product",
            label=_("View products"),
            description=_("See products, their categories and attributes."),
            category="catalog",
        ),
        PermissionDefinition(
            id="catalog.create_product",
            label=_("Create products"),
            description=_("Add new products to the catalogue."),
            category="catalog",
        ),
        PermissionDefinition(
            id="catalog.edit_product",
            label=_("Edit products"),
            description=_("Change product details, prices, images and visibility."),
            category="catalog",
        ),
        PermissionDefinition(
            id="catalog.delete_product",
            label=_("Delete products"),
            description=_("Remove products from the catalogue."),
            category="catalog",
        ),
        PermissionDefinition(
            id="catalog.manage_categories",
            label=_("Manage categories"),
            description=_("Create, arrange and delete product categories."),
            category="catalog",
        ),
        PermissionDefinition(
            id="catalog.manage_attributes",
            label=_("Manage attributes"),
            description=_("Define product attributes such as size or colour and their values."),
            category="catalog",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="catalog.products",
                label=_("Products"),
                url_name="catalog:product_list",
                icon="box",
                permission="catalog.view_product",
                order=10,
                section="catalog",
            ),
            MenuItem(
                id="catalog.categories",
                label=_("Categories"),
                url_name="catalog:category_list",
                icon="folder",
                permission="catalog.manage_categories",
                order=20,
                section="catalog",
            ),
            MenuItem(
                id="catalog.attributes",
                label=_("Attributes"),
                url_name="catalog:attribute_list",
                icon="tag",
                permission="catalog.manage_attributes",
                order=30,
                section="catalog",
            ),
        ),
        FrontendType.STOREFRONT: (
            MenuItem(
                id="catalog.all_products",
                label=_("All products"),
                url_name="catalog:product_list",
                icon="grid",
                order=10,
                section="shop",
            ),
            MenuItem(
                id="catalog.browse_categories",
                label=_("Categories"),
                url_name="catalog:category_list",
                icon="folder",
                order=20,
                section="shop",
            ),
        ),
    },
    metrics_provider=_metrics_provider,
    template_slots={"storefront.home": "catalog/storefront/_home_featured.html"},
    config_prefix="CATALOG_",
    config={
        "active_product_limit": ConfigField(
            int,
            default=500,
            help="Active products a store may have when no module (billing) sets its limit; 0 = unlimited.",
        ),
        "max_image_bytes": ConfigField(int, default=10 * 1024 * 1024, help="Largest product image upload, in bytes."),
        "max_image_pixels": ConfigField(int, default=40_000_000, help="Largest product image, in pixels (w × h)."),
    },
)

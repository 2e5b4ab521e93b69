"""The catalog module: products, categories, attributes and storefront browsing."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

catalog_module = ModuleDefinition(
    code="catalog",
    name=_("Catalog"),
    description=_("Products, categories, attributes and storefront browsing."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("inventory",),
    features=(
        "product_management",
        "categories",
        "variants",
        "storefront_browsing",
    ),
    permissions=(
        PermissionDefinition(id="catalog.view_product", label=_("View products"), category="catalog"),
        PermissionDefinition(id="catalog.add_product", label=_("Add products"), category="catalog"),
        PermissionDefinition(id="catalog.edit_product", label=_("Edit products"), category="catalog"),
        PermissionDefinition(id="catalog.delete_product", label=_("Delete products"), category="catalog"),
        PermissionDefinition(id="catalog.publish_product", label=_("Publish products"), category="catalog"),
        PermissionDefinition(id="catalog.manage_categories", label=_("Manage categories"), category="catalog"),
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
        ),
        FrontendType.STOREFRONT: (
            MenuItem(
                id="catalog.shop",
                label=_("Shop"),
                url_name="catalog:product_list",
                icon="box",
                order=10,
                section="shop",
            ),
        ),
    },
)

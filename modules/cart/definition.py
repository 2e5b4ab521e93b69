"""The cart module: session carts for shoppers."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

cart_module = ModuleDefinition(
    code="cart",
    name=_("Cart"),
    description=_("Session carts for shoppers."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("inventory",),
    features=("session_cart",),
    permissions=(
        PermissionDefinition(id="cart.view_cart", label=_("View shoppers' carts"), category="cart"),
        PermissionDefinition(id="cart.manage_cart_settings", label=_("Manage cart settings"), category="cart"),
    ),
    menu_items={
        FrontendType.STOREFRONT: (
            MenuItem(
                id="cart.cart",
                label=_("Cart"),
                url_name="cart:cart_detail",
                icon="shopping-cart",
                order=10,
                section="shop",
            ),
        ),
    },
)

"""Cart: session-based shopping carts.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

cart_module = ModuleDefinition(
    code="cart",
    name=_("Cart"),
    description=_("Session-based shopping carts, checked against stock."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("inventory",),
    features=(
        "session_carts",
        "cart_stock_check",
        "abandoned_carts",
    ),
    permissions=(
        PermissionDefinition(
            id="cart.view_cart",
            label=_("View carts"),
            description=_("See shoppers' open and abandoned carts."),
            category="cart",
        ),
        PermissionDefinition(
            id="cart.manage_carts",
            label=_("Manage carts"),
            description=_("Empty shoppers' carts and change cart settings such as how long a cart is kept."),
            category="cart",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="cart.carts",
                label=_("Carts"),
                url_name="cart:cart_list",
                icon="shopping-cart",
                permission="cart.view_cart",
                order=40,
                section="sales",
            ),
        ),
        FrontendType.STOREFRONT: (
            MenuItem(
                id="cart.cart",
                label=_("Cart"),
                url_name="cart:cart_detail",
                icon="shopping-cart",
                order=90,
                section="shop",
            ),
        ),
    },
)

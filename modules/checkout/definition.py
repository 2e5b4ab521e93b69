"""The checkout module: from cart to order, with payment."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

checkout_module = ModuleDefinition(
    code="checkout",
    name=_("Checkout"),
    description=_("From cart to order, with payment."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=(
        "cart",
        "orders",
        "customers",
    ),
    features=(
        "checkout_flow",
        "guest_checkout",
    ),
    permissions=(
        PermissionDefinition(
            id="checkout.view_checkout_settings", label=_("View checkout settings"), category="checkout"
        ),
        PermissionDefinition(
            id="checkout.manage_checkout_settings", label=_("Manage checkout settings"), category="checkout"
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="checkout.settings",
                label=_("Checkout"),
                url_name="checkout:settings",
                icon="check-square",
                permission="checkout.view_checkout_settings",
                order=10,
                section="settings",
            ),
        ),
    },
)

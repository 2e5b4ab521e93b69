"""Checkout: cart to order, and payment.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

checkout_module = ModuleDefinition(
    code="checkout",
    name=_("Checkout"),
    description=_("Turns a cart into an order and takes the payment."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("cart", "orders", "customers"),
    features=(
        "checkout_flow",
        "guest_checkout",
        "checkout_payment",
    ),
    permissions=(
        PermissionDefinition(
            id="checkout.view_checkout",
            label=_("View checkouts"),
            description=_("See checkouts in progress and abandoned ones."),
            category="checkout",
        ),
        PermissionDefinition(
            id="checkout.manage_checkout_settings",
            label=_("Manage checkout settings"),
            description=_(
                "Choose whether guests may check out, which fields are required and which terms shoppers accept."
            ),
            category="checkout",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="checkout.checkouts",
                label=_("Checkouts"),
                url_name="checkout:session_list",
                icon="activity",
                permission="checkout.view_checkout",
                order=50,
                section="sales",
            ),
            MenuItem(
                id="checkout.settings",
                label=_("Checkout settings"),
                url_name="checkout:settings_edit",
                icon="sliders",
                permission="checkout.manage_checkout_settings",
                order=965,
                section="settings",
            ),
        ),
    },
)

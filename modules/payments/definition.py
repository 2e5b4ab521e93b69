"""Payments: payment gateways, payments, refunds and webhooks.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

payments_module = ModuleDefinition(
    code="payments",
    name=_("Payments"),
    description=_("Payment gateways (Stripe first), payments, refunds and gateway webhooks."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=(),
    features=(
        "payment_gateways",
        "stripe_payments",
        "refunds",
        "payment_webhooks",
    ),
    permissions=(
        PermissionDefinition(
            id="payments.view_payment",
            label=_("View payments"),
            description=_("See payments and refunds and their gateway status."),
            category="payments",
        ),
        PermissionDefinition(
            id="payments.refund_payment",
            label=_("Refund payments"),
            description=_("Refund a payment in full or in part."),
            category="payments",
        ),
        PermissionDefinition(
            id="payments.manage_gateways",
            label=_("Manage payment gateways"),
            description=_("Connect payment gateways and enter their credentials."),
            category="payments",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="payments.payments",
                label=_("Payments"),
                url_name="payments:payment_list",
                icon="credit-card",
                permission="payments.view_payment",
                order=30,
                section="sales",
            ),
            MenuItem(
                id="payments.gateways",
                label=_("Payment gateways"),
                url_name="payments:gateway_list",
                icon="plug",
                permission="payments.manage_gateways",
                order=960,
                section="settings",
            ),
        ),
    },
)

"""The payments module: payment gateways (Stripe first), payments, refunds and webhooks."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

payments_module = ModuleDefinition(
    code="payments",
    name=_("Payments"),
    description=_("Payment gateways (Stripe first), payments, refunds and webhooks."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    features=(
        "stripe",
        "refunds",
        "webhooks",
    ),
    permissions=(
        PermissionDefinition(id="payments.view_payment", label=_("View payments"), category="payments"),
        PermissionDefinition(id="payments.refund_payment", label=_("Refund payments"), category="payments"),
        PermissionDefinition(id="payments.manage_gateways", label=_("Manage payment gateways"), category="payments"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="payments.list",
                label=_("Payments"),
                url_name="payments:payment_list",
                icon="dollar-sign",
                permission="payments.view_payment",
                order=10,
                section="sales",
            ),
        ),
    },
)

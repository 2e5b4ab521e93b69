"""The billing module: subscription tiers, tier limits, trials and store invoices."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

billing_module = ModuleDefinition(
    code="billing",
    name=_("Billing"),
    description=_("Subscription tiers, tier limits, trials and store invoices."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=("payments",),
    features=(
        "subscriptions",
        "tier_limits",
        "trials",
        "store_invoices",
    ),
    permissions=(
        PermissionDefinition(id="billing.view_subscription", label=_("View the subscription"), category="billing"),
        PermissionDefinition(id="billing.manage_subscription", label=_("Manage the subscription"), category="billing"),
        PermissionDefinition(id="billing.view_invoice", label=_("View invoices"), category="billing"),
        PermissionDefinition(
            id="billing.manage_payment_method", label=_("Manage the payment method"), category="billing"
        ),
        PermissionDefinition(id="billing.manage_tiers", label=_("Manage subscription tiers"), category="billing"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="billing.subscription",
                label=_("Subscription"),
                url_name="billing:subscription",
                icon="credit-card",
                permission="billing.view_subscription",
                order=10,
                section="settings",
            ),
        ),
        FrontendType.ADMIN: (
            MenuItem(
                id="billing.tiers",
                label=_("Tiers"),
                url_name="billing:tier_list",
                icon="layers",
                order=10,
                section="billing",
            ),
        ),
    },
)

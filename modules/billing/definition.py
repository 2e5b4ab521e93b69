"""Billing: subscription tiers, tier limits, trials and store invoices.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

billing_module = ModuleDefinition(
    code="billing",
    name=_("Billing"),
    description=_("Subscription tiers and their limits, trials and store invoices."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=("payments",),
    features=(
        "subscription_tiers",
        "tier_limits",
        "trials",
        "store_invoices",
        "feature_gating",
    ),
    permissions=(
        PermissionDefinition(
            id="billing.view_subscription",
            label=_("View subscription"),
            description=_("See the store's subscription tier, its limits and current usage."),
            category="billing",
        ),
        PermissionDefinition(
            id="billing.manage_subscription",
            label=_("Manage subscription"),
            description=_("Change or cancel the store's subscription tier."),
            category="billing",
            owner_only=True,
        ),
        PermissionDefinition(
            id="billing.view_invoice",
            label=_("View invoices"),
            description=_("See and download the invoices the platform sends the store."),
            category="billing",
        ),
        PermissionDefinition(
            id="billing.manage_payment_method",
            label=_("Manage payment method"),
            description=_("Change the card or account the subscription is paid with."),
            category="billing",
            owner_only=True,
        ),
        PermissionDefinition(
            id="billing.manage_billing_details",
            label=_("Manage billing details"),
            description=_("Change the billing address and VAT number shown on invoices."),
            category="billing",
            owner_only=True,
        ),
    ),
    menu_items={
        FrontendType.ADMIN: (
            MenuItem(
                id="billing.tiers",
                label=_("Subscription tiers"),
                url_name="billing:tier_list",
                icon="layers",
                order=10,
                section="billing",
            ),
            MenuItem(
                id="billing.subscriptions",
                label=_("Subscriptions"),
                url_name="billing:subscription_list",
                icon="repeat",
                order=20,
                section="billing",
            ),
            MenuItem(
                id="billing.invoices",
                label=_("Invoices"),
                url_name="billing:invoice_list",
                icon="file-text",
                order=30,
                section="billing",
            ),
        ),
        FrontendType.STORE: (
            MenuItem(
                id="billing.subscription",
                label=_("Subscription"),
                url_name="billing:subscription_detail",
                icon="credit-card",
                permission="billing.view_subscription",
                order=940,
                section="settings",
            ),
            MenuItem(
                id="billing.store_invoices",
                label=_("Invoices"),
                url_name="billing:invoice_list",
                icon="file-text",
                permission="billing.view_invoice",
                order=950,
                section="settings",
            ),
        ),
    },
)

"""Loyalty: stamp and points programmes, wallet passes.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

loyalty_module = ModuleDefinition(
    code="loyalty",
    name=_("Loyalty"),
    description=_("Stamp and points programmes with wallet passes for customers."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("customers",),
    features=(
        "stamp_cards",
        "points_programmes",
        "loyalty_rewards",
        "wallet_passes",
    ),
    permissions=(
        PermissionDefinition(
            id="loyalty.view_programme",
            label=_("View programmes"),
            description=_("See loyalty programmes, their members and balances."),
            category="loyalty",
        ),
        PermissionDefinition(
            id="loyalty.edit_programme",
            label=_("Edit programmes"),
            description=_("Create and change loyalty programmes and their rules."),
            category="loyalty",
        ),
        PermissionDefinition(
            id="loyalty.adjust_balance",
            label=_("Adjust balances"),
            description=_("Add or remove a customer's stamps or points by hand."),
            category="loyalty",
        ),
        PermissionDefinition(
            id="loyalty.manage_rewards",
            label=_("Manage rewards"),
            description=_("Define the rewards customers can redeem."),
            category="loyalty",
        ),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="loyalty.programmes",
                label=_("Loyalty programmes"),
                url_name="loyalty:programme_list",
                icon="award",
                permission="loyalty.view_programme",
                order=40,
                section="customers",
            ),
            MenuItem(
                id="loyalty.rewards",
                label=_("Rewards"),
                url_name="loyalty:reward_list",
                icon="gift",
                permission="loyalty.manage_rewards",
                order=50,
                section="customers",
            ),
        ),
        FrontendType.STOREFRONT: (
            MenuItem(
                id="loyalty.card",
                label=_("My loyalty card"),
                url_name="loyalty:card_detail",
                icon="award",
                order=30,
                section="account",
            ),
            MenuItem(
                id="loyalty.storefront_rewards",
                label=_("Rewards"),
                url_name="loyalty:reward_list",
                icon="gift",
                order=40,
                section="account",
            ),
        ),
    },
)

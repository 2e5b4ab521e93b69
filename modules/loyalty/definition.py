"""The loyalty module: stamp and points programmes, wallet passes."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

loyalty_module = ModuleDefinition(
    code="loyalty",
    name=_("Loyalty"),
    description=_("Stamp and points programmes, wallet passes."),
    version="1.0.0",
    tier=ModuleTier.OPTIONAL,
    requires=("customers",),
    features=(
        "stamp_cards",
        "points",
        "wallet_passes",
    ),
    permissions=(
        PermissionDefinition(id="loyalty.view_programme", label=_("View loyalty programmes"), category="loyalty"),
        PermissionDefinition(id="loyalty.edit_programme", label=_("Edit loyalty programmes"), category="loyalty"),
        PermissionDefinition(id="loyalty.adjust_balance", label=_("Adjust customer balances"), category="loyalty"),
        PermissionDefinition(id="loyalty.manage_wallet_passes", label=_("Manage wallet passes"), category="loyalty"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="loyalty.programmes",
                label=_("Loyalty"),
                url_name="loyalty:programme_list",
                icon="award",
                permission="loyalty.view_programme",
                order=10,
                section="marketing",
            ),
        ),
        FrontendType.STOREFRONT: (
            MenuItem(
                id="loyalty.card",
                label=_("My rewards"),
                url_name="loyalty:card_detail",
                icon="award",
                order=10,
                section="account",
            ),
        ),
    },
)

"""The tenancy module: platforms, merchants, stores, domains, teams and roles."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

tenancy_module = ModuleDefinition(
    code="tenancy",
    name=_("Tenancy"),
    description=_("Platforms, merchants, stores, domains, teams and roles."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    features=(
        "platforms",
        "stores",
        "teams",
        "roles",
    ),
    permissions=(
        PermissionDefinition(id="tenancy.view_team", label=_("View the team"), category="tenancy"),
        PermissionDefinition(id="tenancy.manage_team", label=_("Manage the team"), category="tenancy"),
        PermissionDefinition(id="tenancy.manage_roles", label=_("Manage roles"), category="tenancy"),
        PermissionDefinition(id="tenancy.manage_domains", label=_("Manage domains"), category="tenancy"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="tenancy.team",
                label=_("Team"),
                url_name="tenancy:team_list",
                icon="users",
                permission="tenancy.view_team",
                order=10,
                section="settings",
            ),
        ),
        FrontendType.ADMIN: (
            MenuItem(
                id="tenancy.platforms",
                label=_("Platforms"),
                url_name="tenancy:platform_list",
                icon="globe",
                order=10,
                section="tenancy",
            ),
        ),
    },
)

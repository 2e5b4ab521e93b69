"""Tenancy: platforms, merchants, stores, domains, teams and roles.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

if TYPE_CHECKING:
    from django.http import HttpRequest

    from orion.types import PlatformRef


def _store_context(request: HttpRequest, platform: PlatformRef | None) -> dict[str, Any]:
    from .context import store_dashboard_context  # models load after the registry

    return store_dashboard_context(request, platform)


tenancy_module = ModuleDefinition(
    code="tenancy",
    name=_("Tenancy"),
    description=_("Platforms, merchants, stores, domains, teams and roles."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=(),
    features=(
        "platforms",
        "merchants",
        "stores",
        "custom_domains",
        "store_teams",
        "store_roles",
    ),
    permissions=(
        PermissionDefinition(
            id="tenancy.view_team",
            label=_("View team members"),
            description=_("See the store's team members and their roles."),
            category="tenancy",
        ),
        PermissionDefinition(
            id="tenancy.manage_team",
            label=_("Manage team"),
            description=_("Invite, suspend and remove team members."),
            category="tenancy",
        ),
        PermissionDefinition(
            id="tenancy.manage_roles",
            label=_("Manage roles"),
            description=_("Create store roles and choose the permissions each role grants."),
            category="tenancy",
            owner_only=True,
        ),
        PermissionDefinition(
            id="tenancy.manage_domains",
            label=_("Manage domains"),
            description=_("Connect custom domains to the storefront and choose the primary one."),
            category="tenancy",
            owner_only=True,
        ),
    ),
    context_providers={FrontendType.STORE: _store_context},
    menu_items={
        FrontendType.ADMIN: (
            MenuItem(
                id="tenancy.platforms",
                label=_("Platforms"),
                url_name="tenancy:platform_list",
                icon="globe",
                order=10,
                section="tenancy",
            ),
            MenuItem(
                id="tenancy.merchants",
                label=_("Merchants"),
                url_name="tenancy:merchant_list",
                icon="briefcase",
                order=20,
                section="tenancy",
            ),
            MenuItem(
                id="tenancy.stores",
                label=_("Stores"),
                url_name="tenancy:store_list",
                icon="store",
                order=30,
                section="tenancy",
            ),
        ),
        FrontendType.STORE: (
            MenuItem(
                id="tenancy.team",
                label=_("Team"),
                url_name="tenancy:member_list",
                icon="users",
                permission="tenancy.view_team",
                order=910,
                section="settings",
            ),
            MenuItem(
                id="tenancy.roles",
                label=_("Roles"),
                url_name="tenancy:role_list",
                icon="shield",
                permission="tenancy.manage_roles",
                order=920,
                section="settings",
            ),
            MenuItem(
                id="tenancy.domains",
                label=_("Domains"),
                url_name="tenancy:domain_list",
                icon="globe",
                permission="tenancy.manage_domains",
                order=930,
                section="settings",
            ),
        ),
    },
)

"""Core: dashboards, settings, profile and the base context.

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

    from .selectors import CoreMetricsProvider


def _storefront_context(request: HttpRequest, platform: PlatformRef | None) -> dict[str, Any]:
    from .context import storefront_context  # models load after the registry

    return storefront_context(request, platform)


def _metrics_provider() -> CoreMetricsProvider:
    from .selectors import CoreMetricsProvider  # models load after the registry

    return CoreMetricsProvider()


core_module = ModuleDefinition(
    code="core",
    name=_("Core"),
    description=_("Dashboards, settings, the user profile and the base context every page needs."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=(),
    features=(
        "store_dashboard",
        "store_settings",
        "store_localisation",
        "api_keys",
        "activity",
        "user_profile",
    ),
    permissions=(
        PermissionDefinition(
            id="core.view_dashboard",
            label=_("View dashboard"),
            description=_("See the store dashboard and its widgets."),
            category="core",
        ),
        PermissionDefinition(
            id="core.view_settings",
            label=_("View settings"),
            description=_("See the store's settings."),
            category="core",
        ),
        PermissionDefinition(
            id="core.edit_settings",
            label=_("Edit settings"),
            description=_("Change the store's general settings, such as its name and contact details."),
            category="core",
        ),
        PermissionDefinition(
            id="core.manage_localisation",
            label=_("Manage languages and currency"),
            description=_("Choose the store's languages, currency and time zone."),
            category="core",
        ),
        PermissionDefinition(
            id="core.view_activity",
            label=_("View activity"),
            description=_("See who changed what in the store, with the values before and after."),
            category="core",
        ),
        PermissionDefinition(
            id="core.manage_api_keys",
            label=_("Manage API keys"),
            description=_("Create and revoke the store's API keys for integrations."),
            category="core",
        ),
    ),
    context_providers={FrontendType.STOREFRONT: _storefront_context},
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="core.dashboard",
                label=_("Dashboard"),
                url_name="core:dashboard_view",
                icon="home",
                permission="core.view_dashboard",
                order=0,
                section="overview",
            ),
            MenuItem(
                id="core.settings",
                label=_("Settings"),
                url_name="core:settings_edit",
                icon="settings",
                permission="core.view_settings",
                order=900,
                section="settings",
            ),
            MenuItem(
                id="core.activity",
                label=_("Activity"),
                url_name="core:activity_list",
                icon="clock",
                permission="core.view_activity",
                order=980,
                section="settings",
            ),
            MenuItem(
                id="core.api_keys",
                label=_("API keys"),
                url_name="core:apikey_list",
                icon="key",
                permission="core.manage_api_keys",
                order=990,
                section="settings",
            ),
            MenuItem(
                id="core.profile",
                label=_("My profile"),
                url_name="core:profile_edit",
                icon="user",
                order=10,
                section="account",
            ),
        ),
    },
    metrics_provider=_metrics_provider,
)

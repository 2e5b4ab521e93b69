"""The core module: dashboards, settings, profile and the base context of every page."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier, PermissionDefinition

core_module = ModuleDefinition(
    code="core",
    name=_("Core"),
    description=_("Dashboards, settings, profile and the base context of every page."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    features=(
        "dashboard",
        "settings",
        "profile",
    ),
    permissions=(
        PermissionDefinition(id="core.view_dashboard", label=_("View the dashboard"), category="core"),
        PermissionDefinition(id="core.view_settings", label=_("View store settings"), category="core"),
        PermissionDefinition(id="core.edit_settings", label=_("Edit store settings"), category="core"),
        PermissionDefinition(id="core.edit_profile", label=_("Edit own profile"), category="core"),
        PermissionDefinition(id="core.manage_appearance", label=_("Manage appearance"), category="core"),
    ),
    menu_items={
        FrontendType.STORE: (
            MenuItem(
                id="core.dashboard",
                label=_("Dashboard"),
                url_name="core:dashboard",
                icon="home",
                permission="core.view_dashboard",
                order=10,
                section="main",
            ),
            MenuItem(
                id="core.settings",
                label=_("Settings"),
                url_name="core:settings",
                icon="settings",
                permission="core.view_settings",
                order=20,
                section="settings",
            ),
        ),
    },
)

"""Developer tools: component library and icon browser.

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier

dev_tools_module = ModuleDefinition(
    code="dev_tools",
    name=_("Developer tools"),
    description=_("Component library and icon browser for people building Orion."),
    version="1.0.0",
    tier=ModuleTier.INTERNAL,
    requires=(),
    features=(
        "component_library",
        "icon_browser",
    ),
    permissions=(),
    menu_items={
        FrontendType.ADMIN: (
            MenuItem(
                id="dev_tools.components",
                label=_("Component library"),
                url_name="dev_tools:component_list",
                icon="layout",
                order=10,
                section="development",
            ),
            MenuItem(
                id="dev_tools.icons",
                label=_("Icon browser"),
                url_name="dev_tools:icon_list",
                icon="image",
                order=20,
                section="development",
            ),
        ),
    },
)

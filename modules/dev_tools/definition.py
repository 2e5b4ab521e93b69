"""The dev_tools module: component library and icon browser."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition, ModuleTier

dev_tools_module = ModuleDefinition(
    code="dev_tools",
    name=_("Developer tools"),
    description=_("Component library and icon browser."),
    version="1.0.0",
    tier=ModuleTier.INTERNAL,
    features=(
        "component_library",
        "icon_browser",
    ),
    menu_items={
        FrontendType.ADMIN: (
            MenuItem(
                id="dev_tools.components",
                label=_("Components"),
                url_name="dev_tools:component_list",
                icon="code",
                order=10,
                section="tools",
            ),
        ),
    },
)

from orion.modules.definition import FrontendType, MenuItem, ModuleDefinition

dummy_addon_module = ModuleDefinition(
    code="dummy_addon",
    name="Dummy add-on",
    description="Requires dummy with a version range.",
    requires=("dummy>=1.2,<2",),
    features=("addon",),
    menu_items={FrontendType.STORE: (MenuItem(id="dummy_addon.extras", label="Extras", url_name="dummy_addon:extras"),)},
)

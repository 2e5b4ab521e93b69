from orion.modules.apps import ModuleAppConfig


class DummyAddonConfig(ModuleAppConfig):
    name = "tests.testmodules.dummy_addon"
    label = "dummy_addon"

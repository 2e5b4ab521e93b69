from orion.modules.apps import ModuleAppConfig


class DummyConfig(ModuleAppConfig):
    name = "tests.testmodules.dummy"
    label = "dummy"

from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class DevToolsConfig(ModuleAppConfig):
    name = "modules.dev_tools"
    label = "dev_tools"
    verbose_name = _("Developer tools")

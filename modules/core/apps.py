from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class CoreConfig(ModuleAppConfig):
    name = "modules.core"
    label = "core"
    verbose_name = _("Core")

from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class ContractsConfig(ModuleAppConfig):
    name = "modules.contracts"
    label = "contracts"
    verbose_name = _("Contracts")

from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class TenancyConfig(ModuleAppConfig):
    name = "modules.tenancy"
    label = "tenancy"
    verbose_name = _("Tenancy")

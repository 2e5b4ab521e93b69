from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class MonitoringConfig(ModuleAppConfig):
    name = "modules.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

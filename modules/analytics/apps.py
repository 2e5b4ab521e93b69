from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class AnalyticsConfig(ModuleAppConfig):
    name = "modules.analytics"
    label = "analytics"
    verbose_name = _("Analytics")

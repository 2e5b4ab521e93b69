from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class LoyaltyConfig(ModuleAppConfig):
    name = "modules.loyalty"
    label = "loyalty"
    verbose_name = _("Loyalty")

from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class MarketplaceConfig(ModuleAppConfig):
    name = "modules.marketplace"
    label = "marketplace"
    verbose_name = _("Marketplace")

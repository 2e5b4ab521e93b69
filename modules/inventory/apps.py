from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class InventoryConfig(ModuleAppConfig):
    name = "modules.inventory"
    label = "inventory"
    verbose_name = _("Inventory")

from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class OrdersConfig(ModuleAppConfig):
    name = "modules.orders"
    label = "orders"
    verbose_name = _("Orders")

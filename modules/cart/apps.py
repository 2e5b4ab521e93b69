from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class CartConfig(ModuleAppConfig):
    name = "modules.cart"
    label = "cart"
    verbose_name = _("Cart")

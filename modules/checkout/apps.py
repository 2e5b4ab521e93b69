from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class CheckoutConfig(ModuleAppConfig):
    name = "modules.checkout"
    label = "checkout"
    verbose_name = _("Checkout")

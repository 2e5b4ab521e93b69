from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class CustomersConfig(ModuleAppConfig):
    name = "modules.customers"
    label = "customers"
    verbose_name = _("Customers")

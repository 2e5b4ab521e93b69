from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class BillingConfig(ModuleAppConfig):
    name = "modules.billing"
    label = "billing"
    verbose_name = _("Billing")

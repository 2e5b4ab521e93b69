from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class PaymentsConfig(ModuleAppConfig):
    name = "modules.payments"
    label = "payments"
    verbose_name = _("Payments")

from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class MessagingConfig(ModuleAppConfig):
    name = "modules.messaging"
    label = "messaging"
    verbose_name = _("Messaging")

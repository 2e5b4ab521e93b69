from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class CmsConfig(ModuleAppConfig):
    name = "modules.cms"
    label = "cms"
    verbose_name = _("Content management")

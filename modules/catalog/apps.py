from django.utils.translation import gettext_lazy as _

from orion.modules.apps import ModuleAppConfig


class CatalogConfig(ModuleAppConfig):
    name = "modules.catalog"
    label = "catalog"
    verbose_name = _("Catalogue")

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import ModuleDefinition, ModuleTier

tenancy_module = ModuleDefinition(
    code="tenancy",
    name=_("Tenancy"),
    description=_("Platforms, merchants, stores, domains, teams and roles."),
    tier=ModuleTier.CORE,
)

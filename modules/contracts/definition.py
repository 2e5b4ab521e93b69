"""The contracts module: protocols for cross-module calls: metrics, widgets and other providers."""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import ModuleDefinition, ModuleTier

contracts_module = ModuleDefinition(
    code="contracts",
    name=_("Contracts"),
    description=_("Protocols for cross-module calls: metrics, widgets and other providers."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    features=("service_protocols",),
)

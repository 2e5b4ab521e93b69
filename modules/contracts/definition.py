"""Contracts: protocols for cross-module calls (metrics, widgets, ...).

Imported even when a deployment leaves the module out: nothing here
imports the module's models or services.
"""

from django.utils.translation import gettext_lazy as _

from orion.modules.definition import ModuleDefinition, ModuleTier

contracts_module = ModuleDefinition(
    code="contracts",
    name=_("Contracts"),
    description=_("Protocols that let modules call each other without importing each other's code."),
    version="1.0.0",
    tier=ModuleTier.CORE,
    requires=(),
    features=(
        "service_protocols",
        "metrics_protocol",
        "widget_protocol",
    ),
    permissions=(),
)

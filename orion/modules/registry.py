"""The central module registry, filled by each module's AppConfig.ready().

The dicts below are live views: they are empty until Django's app registry is
ready, then hold every installed module. They are frozen once all apps are
ready, so nothing can register a module at request time.
"""

from __future__ import annotations

from .definition import ModuleDefinition, ModuleTier

MODULES: dict[str, ModuleDefinition] = {}
CORE_MODULES: dict[str, ModuleDefinition] = {}
OPTIONAL_MODULES: dict[str, ModuleDefinition] = {}
INTERNAL_MODULES: dict[str, ModuleDefinition] = {}

_BY_TIER = {
    ModuleTier.CORE: CORE_MODULES,
    ModuleTier.OPTIONAL: OPTIONAL_MODULES,
    ModuleTier.INTERNAL: INTERNAL_MODULES,
}
_frozen = False


class RegistryError(Exception):
    pass


def register(definition: ModuleDefinition) -> None:
    if _frozen:
        raise RegistryError(
            f"Module {definition.code!r} registered after start-up; register in AppConfig.ready()."
        )
    existing = MODULES.get(definition.code)
    if existing is not None and existing is not definition:
        raise RegistryError(f"Two modules use the code {definition.code!r}.")
    MODULES[definition.code] = definition
    _BY_TIER[definition.tier][definition.code] = definition


def freeze() -> None:
    global _frozen
    _frozen = True


def get_module(code: str) -> ModuleDefinition | None:
    return MODULES.get(code)


def get_core_module_codes() -> frozenset[str]:
    return frozenset(CORE_MODULES)


def get_optional_module_codes() -> frozenset[str]:
    return frozenset(OPTIONAL_MODULES)


def get_internal_module_codes() -> frozenset[str]:
    return frozenset(INTERNAL_MODULES)


def get_module_tier(code: str) -> ModuleTier | None:
    definition = MODULES.get(code)
    return definition.tier if definition else None


def is_core_module(code: str) -> bool:
    return code in CORE_MODULES


def is_internal_module(code: str) -> bool:
    return code in INTERNAL_MODULES


def get_modules_by_tier(tier: ModuleTier | str) -> dict[str, ModuleDefinition]:
    return dict(_BY_TIER[ModuleTier(tier)])


def get_all_permissions() -> dict[str, tuple[str, object]]:
    """Every declared permission id -> (module code, PermissionDefinition)."""
    return {
        permission.id: (definition.code, permission)
        for definition in MODULES.values()
        for permission in definition.permissions
    }

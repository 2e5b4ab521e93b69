"""AppConfigs: the base every module's apps.py subclasses, and the framework's own."""

from __future__ import annotations

import atexit
import importlib
import logging
from typing import Any

from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured

from . import registry
from .definition import ModuleDefinition

logger = logging.getLogger("orion.modules")


def load_definition(module_package: str) -> ModuleDefinition:
    """Import ``<package>.definition`` and return the ModuleDefinition it holds."""
    try:
        source = importlib.import_module(f"{module_package}.definition")
    except ModuleNotFoundError as exc:
        if exc.name != f"{module_package}.definition":
            raise
        raise ImproperlyConfigured(
            f"[MOD-009] Module package '{module_package}' has no definition.py."
        ) from exc
    found = [value for value in vars(source).values() if isinstance(value, ModuleDefinition)]
    if len(found) != 1:
        raise ImproperlyConfigured(
            f"[MOD-009] {module_package}.definition must hold exactly one ModuleDefinition, found {len(found)}."
        )
    return found[0]


class ModuleAppConfig(AppConfig):
    """Base AppConfig of every Orion module.

    ``ready()`` registers the module's definition and imports its
    ``receivers`` module if it has one. Subclasses normally need nothing but
    ``name``; the app label defaults to the module code.
    """

    default_auto_field = "django.db.models.BigAutoField"
    default = False  # never picked itself when a module's apps.py imports it
    definition: ModuleDefinition

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.default = cls.__dict__.get("default", True)

    def ready(self) -> None:
        self.definition = load_definition(self.name)
        if self.definition.code != self.label:
            raise ImproperlyConfigured(
                f"[MOD-007] Module '{self.name}' declares code '{self.definition.code}' "
                f"but its app label is '{self.label}'; they must match."
            )
        registry.register(self.definition)
        try:
            importlib.import_module(f"{self.name}.receivers")
        except ModuleNotFoundError as exc:
            if exc.name != f"{self.name}.receivers":
                raise


def module_app_configs() -> list[ModuleAppConfig]:
    return [config for config in apps.get_app_configs() if isinstance(config, ModuleAppConfig)]


class OrionModulesConfig(AppConfig):
    """The framework app: module state, middleware, checks and commands.

    It must come after every module in INSTALLED_APPS so that its ready()
    sees the full registry.
    """

    name = "orion.modules"
    label = "orion_modules"
    verbose_name = "Modules"
    default_auto_field = "django.db.models.BigAutoField"

    def import_models(self) -> None:
        # Phase two of start-up, after every other app's models and before any ready(): a module left out
        # that must not be is refused here, before other apps' ready() (admin's autodiscover) import code
        # that needs it and fail with a less helpful error.
        from django.conf import settings

        _refuse_left_out(settings.ORION_EXCLUDED_MODULES)
        super().import_models()

    def ready(self) -> None:
        from django.conf import settings

        from . import checks, signals  # noqa: F401  (checks register on import)

        _refuse_missing_requirements(settings.ORION_EXCLUDED_MODULES)
        registry.freeze()
        signals.connect_tenant_models()
        for definition in registry.MODULES.values():
            if definition.on_startup:
                definition.on_startup()
            signals.module_startup.send(sender=definition.code, module=definition)
        atexit.register(_send_shutdown)


def _refuse_left_out(excluded: tuple[str, ...]) -> None:
    """A deployment may leave out optional modules, never a core one, nor one that does not exist."""
    for code in excluded:
        try:
            definition = load_definition(f"modules.{code}")
        except (ImproperlyConfigured, ModuleNotFoundError):
            raise ImproperlyConfigured(
                f"ORION_EXCLUDED_MODULES names '{code}', which is not a module of this project."
            ) from None
        if definition.is_core:
            raise ImproperlyConfigured(
                f"ORION_EXCLUDED_MODULES leaves out core module '{code}'; core modules cannot be left out."
            )


def _refuse_missing_requirements(excluded: tuple[str, ...]) -> None:
    """A deployment may leave out optional modules, never one that an installed module requires."""
    from .definition import requirement_code

    for definition in registry.MODULES.values():
        for spec in definition.requires:
            needed = requirement_code(spec)
            if needed not in registry.MODULES and needed in excluded:
                raise ImproperlyConfigured(
                    f"Module '{definition.code}' requires module '{needed}', which this deployment "
                    f"leaves out (ORION_EXCLUDED_MODULES). Leave out '{definition.code}' too, or keep '{needed}'."
                )


def _send_shutdown() -> None:
    from . import signals

    for definition in registry.MODULES.values():
        signals.module_shutdown.send(sender=definition.code, module=definition)

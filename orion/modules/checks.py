"""The reference's MOD-xxx architecture rules as Django system checks.

ERROR rules fail ``manage.py check`` (and so every management command).
Rules that were about the FastAPI/Alembic layout are mapped onto their
Django equivalents; docs/commands.md lists the mapping.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.core import checks

from . import graph, registry
from .apps import ModuleAppConfig, module_app_configs
from .urls import MOUNTS, route_module

LANGUAGES = ("en", "de", "fr", "lb")


def _modules() -> list[tuple[ModuleAppConfig, Path]]:
    return [(config, Path(config.path)) for config in module_app_configs()]


@checks.register("orion")
def check_dependency_graph(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Unknown requirements, cycles, core->non-core and version ranges."""
    return [
        checks.Error(problem.message, obj=problem.code, id=f"orion.GRAPH_{problem.kind.upper()}")
        for problem in graph.find_problems(registry.MODULES)
    ]


@checks.register("orion")
def check_module_structure(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    messages: list[checks.CheckMessage] = []
    for config, folder in _modules():
        definition = registry.get_module(config.label)
        code = config.label
        if definition is None:  # MOD-009
            messages.append(checks.Error(f"Module '{code}' registered no definition.", obj=code, id="orion.MOD009"))
            continue
        if not (folder / "docs" / "index.md").is_file():  # MOD-001
            messages.append(
                checks.Error(f"Module '{code}' has no docs/index.md.", obj=code, id="orion.MOD001",
                             hint="Every module documents itself in docs/index.md.")
            )
        if not (folder / "exceptions.py").is_file():  # MOD-008
            messages.append(checks.Warning(f"Module '{code}' has no exceptions.py.", obj=code, id="orion.MOD008"))
        for mount in MOUNTS:  # MOD-010
            routes = route_module(config.name, mount.route_module)
            if routes is not None and not hasattr(routes, "urlpatterns"):
                messages.append(
                    checks.Warning(
                        f"{config.name}.{mount.route_module} does not export 'urlpatterns'.",
                        obj=code, id="orion.MOD010",
                    )
                )
        tasks_dir = folder / "tasks"
        if tasks_dir.is_dir() and not (tasks_dir / "__init__.py").is_file():  # MOD-011
            messages.append(checks.Warning(f"{code}/tasks/ has no __init__.py.", obj=code, id="orion.MOD011"))
        missing = [lang for lang in LANGUAGES if not (folder / "locale" / lang / "LC_MESSAGES" / "django.po").is_file()]
        if missing:  # MOD-006 / MOD-012
            messages.append(
                checks.Info(f"Module '{code}' has no translations for: {', '.join(missing)}.", obj=code, id="orion.MOD012")
            )
        migrations_dir = folder / "migrations"
        if migrations_dir.is_dir() and not (migrations_dir / "__init__.py").is_file():  # MOD-015
            messages.append(checks.Warning(f"{code}/migrations/ has no __init__.py.", obj=code, id="orion.MOD015"))
        for attribute in ("name", "description", "version"):  # MOD-020
            if not getattr(definition, attribute):
                messages.append(
                    checks.Warning(f"Module '{code}' definition has no {attribute}.", obj=code, id="orion.MOD020")
                )
        if definition.parsed_version is None:
            messages.append(
                checks.Error(f"Module '{code}' version '{definition.version}' is not a valid version.",
                             obj=code, id="orion.MOD020")
            )
        if definition.menu_items and not definition.features:  # MOD-021
            messages.append(checks.Warning(f"Module '{code}' has menus but no features.", obj=code, id="orion.MOD021"))
        for permission in definition.permissions:  # permissions are namespaced by module
            if not permission.id.startswith(f"{code}."):
                messages.append(
                    checks.Error(
                        f"Permission '{permission.id}' of module '{code}' must start with '{code}.'.",
                        obj=code, id="orion.MOD024",
                    )
                )
        for items in definition.menu_items.values():
            for item in items:
                if item.permission and item.permission not in definition.permission_ids:
                    holder = item.permission.split(".", 1)[0]
                    known = registry.get_module(holder)
                    if known is None or item.permission not in known.permission_ids:
                        messages.append(
                            checks.Error(
                                f"Menu item '{item.id}' of '{code}' needs unknown permission '{item.permission}'.",
                                obj=code, id="orion.MOD025",
                            )
                        )
    return messages


@checks.register("orion")
def check_module_config(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """MOD-013: each module's environment config is present and well-typed."""
    from .config import ModuleConfigError, load_module_config

    messages: list[checks.CheckMessage] = []
    for definition in registry.MODULES.values():
        try:
            load_module_config(definition)
        except ModuleConfigError as exc:
            messages.append(checks.Error(str(exc), obj=definition.code, id="orion.MOD013"))
    return messages


@checks.register("orion")
def check_framework_never_names_modules(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """MOD-016..019: framework code stays in orion/, module code in modules/.

    The framework importing a module is caught by import-linter; this check
    catches a module's code living outside its package (a route file, task
    or service registered from orion/).
    """
    messages: list[checks.CheckMessage] = []
    framework = importlib.import_module("orion")
    root = Path(framework.__file__ or "").parent
    for name in ("routes", "services", "tasks", "schemas"):
        if (root / name).exists():
            messages.append(
                checks.Error(f"orion/{name} exists: module code belongs in modules/<code>/{name}.",
                             id="orion.MOD016")
            )
    return messages

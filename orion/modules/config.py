"""Deployment-level module configuration from the environment (django-environ).

A module declares ``config_prefix`` and ``config`` (name -> ConfigField) in its
definition; ``get_module_config(code)`` returns the values, read once and
validated by a system check at start-up.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType
from typing import Any

import environ

from . import registry
from .definition import ModuleDefinition

_env = environ.Env()


class ModuleConfigError(Exception):
    pass


def load_module_config(definition: ModuleDefinition) -> MappingProxyType[str, Any]:
    values = {}
    for name, spec in definition.config.items():
        variable = f"{definition.config_prefix}{name.upper()}"
        if spec.required and variable not in _env.ENVIRON:
            raise ModuleConfigError(f"Module '{definition.code}' needs the environment variable {variable}.")
        try:
            values[name] = _env.get_value(variable, cast=spec.cast, default=spec.default)
        except (ValueError, TypeError) as exc:
            raise ModuleConfigError(
                f"Module '{definition.code}': {variable}={_env.ENVIRON.get(variable)!r} is not a valid "
                f"{spec.cast.__name__} ({exc})."
            ) from exc
    return MappingProxyType(values)


@cache
def get_module_config(code: str) -> MappingProxyType[str, Any]:
    definition = registry.get_module(code)
    if definition is None:
        raise LookupError(f"Unknown module '{code}'.")
    return load_module_config(definition)

"""What a module declares about itself: the `ModuleDefinition` and its parts.

Definitions are plain frozen data built at import time of a module's
``definition.py``. They must not touch the database or import the module's
models at top level: the framework reads a definition even for a module the
deployment leaves out, to explain what is missing.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import InvalidVersion, Version

if TYPE_CHECKING:
    from django import forms
    from django.http import HttpRequest

    from orion.types import PlatformRef, StoreRef, StrOrPromise


class ModuleTier(enum.StrEnum):
    CORE = "core"  # always enabled, cannot be disabled
    OPTIONAL = "optional"  # enabled per platform
    INTERNAL = "internal"  # admin-only tools, enabled per platform


class FrontendType(enum.StrEnum):
    """The four frontends a module can contribute to (plus the public site)."""

    ADMIN = "admin"
    STORE = "store"
    STOREFRONT = "storefront"
    PLATFORM = "platform"  # the public platform site: home, pricing, signup


@dataclass(frozen=True)
class PermissionDefinition:
    """A permission a module declares; store roles are built from these."""

    id: str  # "<code>.<action>_<entity>" or "<code>.manage_<thing>"
    label: StrOrPromise
    description: StrOrPromise = ""
    category: StrOrPromise = ""
    # Granted to the owner role only, never to the built-in manager role.
    owner_only: bool = False


@dataclass(frozen=True)
class MenuItem:
    """One entry in a frontend's navigation.

    ``url_name`` is reversed inside the frontend's namespace, for example
    ``"catalog:product_list"`` in the store frontend. ``permission`` hides the
    item from users who lack it.
    """

    id: str
    label: StrOrPromise
    url_name: str
    icon: str = ""
    permission: str | None = None
    order: int = 100
    section: str = ""


@dataclass(frozen=True)
class HealthResult:
    """What a module's ``health_check`` returns."""

    healthy: bool
    message: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ConfigField:
    """One deployment-level setting read from the environment.

    The variable's name is the module's ``config_prefix`` plus the upper-cased
    field name, read with django-environ and cast with ``cast``.
    """

    cast: type = str
    default: Any = None
    required: bool = False
    help: StrOrPromise = ""


ContextProvider = Callable[["HttpRequest", "PlatformRef | None"], Mapping[str, Any]]
Hook = Callable[["PlatformRef"], None]  # called with the platform


def parse_requirement(spec: str) -> Requirement:
    """Parse ``"inventory"`` or ``"inventory>=1.2,<2"`` into a Requirement."""
    try:
        return Requirement(spec)
    except InvalidRequirement as exc:
        raise ValueError(f"invalid requirement {spec!r}: {exc}") from exc


def requirement_code(spec: str) -> str:
    """The module code of a requirement; for a malformed one, its leading name
    (the graph check reports the syntax error)."""
    try:
        return parse_requirement(spec).name
    except ValueError:
        return re.split(r"[^\w]", spec.strip(), maxsplit=1)[0]


@dataclass(frozen=True)
class ModuleDefinition:
    """Everything the framework needs to know about one module."""

    # Identity
    code: str
    name: StrOrPromise
    description: StrOrPromise = ""
    version: str = "1.0.0"
    tier: ModuleTier = ModuleTier.OPTIONAL

    # Dependencies: module codes, optionally with a version range.
    requires: Sequence[str] = ()

    # Tier gating and RBAC
    features: Sequence[str] = ()
    permissions: Sequence[PermissionDefinition] = ()

    # What the module contributes to each frontend
    menu_items: Mapping[FrontendType, Sequence[MenuItem]] = field(default_factory=dict)
    context_providers: Mapping[FrontendType, ContextProvider] = field(default_factory=dict)
    template_slots: Mapping[str, str] = field(default_factory=dict)  # slot -> template
    metrics_provider: Callable[[], Any] | None = None
    widget_provider: Callable[[], Any] | None = None
    # Usage limits a module supplies for other modules' resources (billing's tiers):
    # (store, limit name such as "catalog.active_products") -> the limit, or None for "not mine".
    limit_provider: Callable[[StoreRef, str], int | None] | None = None

    # Lifecycle hooks
    on_enable: Hook | None = None
    on_disable: Hook | None = None
    on_startup: Callable[[], None] | None = None
    health_check: Callable[[], HealthResult] | None = None

    # Deployment config (environment) and per-platform settings (database)
    config_prefix: str = ""
    config: Mapping[str, ConfigField] = field(default_factory=dict)
    settings_form: type[forms.Form] | None = None

    @property
    def is_core(self) -> bool:
        return self.tier == ModuleTier.CORE

    @property
    def is_internal(self) -> bool:
        return self.tier == ModuleTier.INTERNAL

    @property
    def required_codes(self) -> tuple[str, ...]:
        return tuple(requirement_code(spec) for spec in self.requires)

    @property
    def permission_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.permissions)

    @property
    def parsed_version(self) -> Version | None:
        try:
            return Version(self.version)
        except InvalidVersion:
            return None

    def menu_for(self, frontend: FrontendType) -> Sequence[MenuItem]:
        return self.menu_items.get(frontend, ())

    def __str__(self) -> str:
        return self.code

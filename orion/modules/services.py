"""Enabling and disabling modules per platform: plan first, then apply atomically.

``plan_enable`` / ``plan_disable`` compute what would change and why without
writing anything; ``enable_module`` / ``disable_module`` apply the same plan
in one transaction, run the lifecycle hooks inside it (a failing hook rolls
everything back), write the audit trail, and send module events on commit.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext as _

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError

from . import graph, registry, signals, state
from .definition import FrontendType, ModuleDefinition
from .models import ModuleAuditEntry, PlatformModule
from .urls import MOUNTS, route_module


class ModuleError(OrionError):
    code = "module_error"


class UnknownModuleError(NotFoundError):
    code = "unknown_module"


class CoreModuleError(ModuleError):
    code = "core_module"


class ModuleHookError(ModuleError):
    code = "module_hook_failed"


class InvalidModuleSettingsError(ValidationFailedError):
    code = "invalid_module_settings"

    def __init__(self, message: str, errors: dict[str, list[str]]) -> None:
        super().__init__(message)
        self.errors = errors


@dataclass(frozen=True)
class PlannedChange:
    """One module switched on or off by a plan, in the order it happens."""

    module: str
    action: str  # "enable" | "disable"
    cause: str  # "explicit" | "requirement" | "dependent"
    because_of: tuple[str, ...]  # the modules that make this change necessary
    hooks: tuple[str, ...]
    routes: tuple[str, ...]
    menus: tuple[str, ...]

    @property
    def why(self) -> str:
        """Why this change happens, for people (translated)."""
        modules = ", ".join(self.because_of)
        if self.cause == "explicit":
            return _("requested")
        if self.cause == "requirement":
            return _("required by %(modules)s") % {"modules": modules}
        return _("depends on %(modules)s") % {"modules": modules}


@dataclass
class ModulePlan:
    """What enabling or disabling ``target`` on ``platform`` would do."""

    platform: Any
    action: str
    target: str
    changes: list[PlannedChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_noop(self) -> bool:
        return not self.changes

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": getattr(self.platform, "code", str(self.platform)),
            "action": self.action,
            "target": self.target,
            "changes": [
                {**asdict(change), "because_of": list(change.because_of), "hooks": list(change.hooks),
                 "routes": list(change.routes), "menus": list(change.menus)}
                for change in self.changes
            ],
            "notes": self.notes,
            "data_kept": self.action == "disable",
        }


@dataclass(frozen=True)
class ModuleState:
    """A module as one platform sees it, with the reason it is on."""

    definition: ModuleDefinition
    enabled: bool
    reason: str  # "core" | "explicit" | "requirement" | ""
    required_by: tuple[str, ...]
    settings: dict[str, Any]

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def reason_text(self) -> str:
        if not self.enabled:
            return _("off")
        if self.reason == "core":
            return _("core module")
        if self.reason == PlatformModule.Reason.EXPLICIT:
            return _("enabled explicitly")
        if self.required_by:
            return _("required by %(modules)s") % {"modules": ", ".join(self.required_by)}
        return _("enabled as a requirement (no longer required)")


def get_definition(code: str) -> ModuleDefinition:
    definition = registry.get_module(code)
    if definition is None:
        known = ", ".join(sorted(registry.MODULES))
        raise UnknownModuleError(_("Unknown module '%(code)s'. Known modules: %(known)s.") % {"code": code, "known": known})
    return definition


def module_states(platform: Any) -> list[ModuleState]:
    """Every installed module for ``platform``, in dependency order."""
    rows = {row.module_code: row for row in PlatformModule.objects.filter(platform=platform)}
    enabled = registry.get_core_module_codes() | {
        code for code, row in rows.items() if row.is_enabled and code in registry.MODULES
    }
    states = []
    for code in graph.topological_order(registry.MODULES, registry.MODULES):
        definition = registry.MODULES[code]
        row = rows.get(code)
        if definition.is_core:
            reason = "core"
        else:
            reason = row.reason if row and row.is_enabled else ""
        states.append(
            ModuleState(
                definition=definition,
                enabled=code in enabled,
                reason=reason,
                required_by=tuple(graph.direct_dependents(registry.MODULES, code, enabled)),
                settings=row.settings if row else {},
            )
        )
    return states


def _routes_of(code: str) -> tuple[str, ...]:
    """URL prefixes the module's route files are mounted at (app label == code)."""
    app_name = apps.get_app_config(code).name
    return tuple(
        "/" + mount.prefix + (f"{code}/" if mount.per_module_prefix else "")
        for mount in MOUNTS
        if route_module(app_name, mount.route_module) is not None
    )


def _menus_of(definition: ModuleDefinition) -> tuple[str, ...]:
    return tuple(
        f"{FrontendType(frontend).value}: {item.label}"
        for frontend, items in definition.menu_items.items()
        for item in items
    )


def _change(code: str, action: str, cause: str, because_of: set[str]) -> PlannedChange:
    definition = registry.MODULES[code]
    hook = definition.on_enable if action == "enable" else definition.on_disable
    return PlannedChange(
        module=code,
        action=action,
        cause=cause,
        because_of=tuple(sorted(because_of)),
        hooks=(f"{code}.on_{action}",) if hook else (),
        routes=_routes_of(code),
        menus=_menus_of(definition),
    )


def plan_enable(platform: Any, code: str) -> ModulePlan:
    """Enable ``code`` and, first, everything it needs that is off."""
    get_definition(code)
    enabled = state.load_enabled_modules(platform.pk)
    plan = ModulePlan(platform=platform, action="enable", target=code)
    needed = (graph.requirements_of(registry.MODULES, code) | {code}) - enabled
    for module in graph.topological_order(registry.MODULES, needed):
        if module == code:
            plan.changes.append(_change(module, "enable", "explicit", set()))
        else:
            wanting = {m for m in needed | {code} if module in registry.MODULES[m].required_codes}
            plan.changes.append(_change(module, "enable", "requirement", wanting))
    if code in enabled:
        plan.notes.append(_("'%(code)s' is already enabled.") % {"code": code})
    return plan


def plan_disable(platform: Any, code: str) -> ModulePlan:
    """Disable ``code`` and, first, every enabled module that needs it."""
    definition = get_definition(code)
    if definition.is_core:
        raise CoreModuleError(_("'%(code)s' is a core module and cannot be disabled.") % {"code": code})
    enabled = state.load_enabled_modules(platform.pk)
    plan = ModulePlan(platform=platform, action="disable", target=code)
    if code not in enabled:
        plan.notes.append(_("'%(code)s' is already disabled.") % {"code": code})
        return plan
    going = (graph.dependents_of(registry.MODULES, code) & enabled) | {code}
    for module in reversed(graph.topological_order(registry.MODULES, going)):
        if module == code:
            plan.changes.append(_change(module, "disable", "explicit", set()))
        else:
            needs = {m for m in registry.MODULES[module].required_codes if m in going}
            plan.changes.append(_change(module, "disable", "dependent", needs))
    plan.notes.append(
        _("Disabling keeps every module's data and settings; enabling again restores access to them.")
    )
    return plan


def _actor_label(actor: Any, via: str) -> str:
    return f"{actor} ({via})" if actor is not None else via


@transaction.atomic
def _lock(platform: Any) -> None:
    """Lock the platform row: two operators' cascades on one platform run one after the other."""
    type(platform).objects.select_for_update().only("pk").get(pk=platform.pk)


def _apply(plan: ModulePlan, *, actor: Any, via: str) -> ModulePlan:
    batch = uuid.uuid4()
    turning_on = plan.action == "enable"
    for change in plan.changes:
        row, _created = PlatformModule.objects.get_or_create(platform=plan.platform, module_code=change.module)
        row.is_enabled = turning_on
        if turning_on:
            row.reason = PlatformModule.Reason.EXPLICIT if change.cause == "explicit" else PlatformModule.Reason.REQUIREMENT
        row.save(update_fields=["is_enabled", "reason", "updated_at"])
        ModuleAuditEntry.objects.create(
            platform=plan.platform,
            module_code=change.module,
            action=ModuleAuditEntry.Action.ENABLED if turning_on else ModuleAuditEntry.Action.DISABLED,
            cause=_cause_text(change),
            triggered_by="" if change.cause == "explicit" else plan.target,
            batch=batch,
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=_actor_label(actor, via),
        )
    for change in plan.changes:
        definition = registry.MODULES[change.module]
        hook = definition.on_enable if turning_on else definition.on_disable
        if hook is None:
            continue
        try:
            hook(plan.platform)
        except Exception as exc:
            raise ModuleHookError(
                _("The %(hook)s hook of module '%(code)s' failed: %(error)s. Nothing was changed.")
                % {"hook": f"on_{plan.action}", "code": change.module, "error": exc}
            ) from exc
    state.invalidate()
    event = signals.module_enabled if turning_on else signals.module_disabled
    for change in plan.changes:

        def send(change: PlannedChange = change) -> None:
            event.send(
                sender=change.module,
                module=registry.MODULES[change.module],
                platform=plan.platform,
                cause=_cause_text(change),
                actor=actor,
            )

        transaction.on_commit(send)
    return plan


def _cause_text(change: PlannedChange) -> str:
    if change.cause == "explicit":
        return "explicit"
    relation = "required by" if change.cause == "requirement" else "depends on"
    return f"{relation} {', '.join(change.because_of)}"


def enable_module(*, platform: Any, code: str, actor: Any = None, via: str = "api") -> ModulePlan:
    """Enable ``code`` (and its requirements) on ``platform``; returns the applied plan.

    Asking for a module that is already on as a requirement records that it is
    now wanted for itself, so it no longer reads "no longer required" later.
    """
    with transaction.atomic():
        _lock(platform)
        plan = plan_enable(platform, code)  # planned under the lock, from the committed state
        if plan.is_noop:
            PlatformModule.objects.filter(
                platform=platform, module_code=code, reason=PlatformModule.Reason.REQUIREMENT
            ).update(reason=PlatformModule.Reason.EXPLICIT)
        return _apply(plan, actor=actor, via=via)


def disable_module(*, platform: Any, code: str, actor: Any = None, via: str = "api") -> ModulePlan:
    """Disable ``code`` (and its dependents) on ``platform``; data is kept."""
    with transaction.atomic():
        _lock(platform)
        return _apply(plan_disable(platform, code), actor=actor, via=via)


def get_module_settings(platform: Any, code: str) -> dict[str, Any]:
    """The module's per-platform settings: the form's initial values, then what is stored."""
    definition = get_definition(code)
    stored = (
        PlatformModule.objects.filter(platform=platform, module_code=code).values_list("settings", flat=True).first()
        or {}
    )
    defaults = {}
    if definition.settings_form is not None:
        defaults = {name: f.initial for name, f in definition.settings_form.base_fields.items()}
    return {**defaults, **stored}


@transaction.atomic
def configure_module(*, platform: Any, code: str, values: dict[str, Any], actor: Any = None, via: str = "api") -> dict[str, Any]:
    """Validate ``values`` with the module's settings form and store them."""
    definition = get_definition(code)
    if definition.settings_form is None:
        raise InvalidModuleSettingsError(_("Module '%(code)s' has no settings.") % {"code": code}, {})
    form = definition.settings_form(data=values)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        raise InvalidModuleSettingsError(_("Invalid settings for module '%(code)s'.") % {"code": code}, errors)
    row, _created = PlatformModule.objects.select_for_update().get_or_create(platform=platform, module_code=code)
    old, row.settings = row.settings, form.cleaned_data
    row.full_clean()
    row.save(update_fields=["settings", "updated_at"])
    ModuleAuditEntry.objects.create(
        platform=platform,
        module_code=code,
        action=ModuleAuditEntry.Action.CONFIG_CHANGED,
        cause="explicit",
        batch=uuid.uuid4(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=_actor_label(actor, via),
        details={"changed": sorted(k for k in form.cleaned_data if old.get(k) != form.cleaned_data[k])},
    )
    new = dict(row.settings)
    transaction.on_commit(
        lambda: signals.module_config_changed.send(
            sender=code, module=definition, platform=platform, old=old, new=new, actor=actor
        )
    )
    return new

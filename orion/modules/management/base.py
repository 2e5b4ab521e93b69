"""Shared pieces of the module commands: platform lookup and plan printing."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from orion.exceptions import OrionError

from .. import state
from ..services import ModulePlan


def get_platform(code: str) -> Any:
    model = state.platform_model()
    try:
        return model.objects.get(code=code)
    except model.DoesNotExist:
        known = ", ".join(model.objects.order_by("code").values_list("code", flat=True)) or "none"
        raise CommandError(f"Unknown platform '{code}'. Known platforms: {known}.") from None


def format_plan(plan: ModulePlan) -> str:
    lines = [f"Plan: {plan.action} '{plan.target}' on platform '{plan.platform.code}'"]
    if plan.is_noop:
        lines.append("  nothing to change")
    for step, change in enumerate(plan.changes, 1):
        lines.append(f"  {step}. {change.action} {change.module} ({change.why})")
        if change.hooks:
            lines.append(f"       hooks: {', '.join(change.hooks)}")
        if change.routes:
            verb = "appear" if change.action == "enable" else "disappear"
            lines.append(f"       routes that {verb}: {', '.join(change.routes)}")
        if change.menus:
            lines.append(f"       menus: {', '.join(change.menus)}")
    lines.extend(f"  note: {note}" for note in plan.notes)
    return "\n".join(lines)


class ModuleSwitchCommand(BaseCommand):
    """enable_module / disable_module: the same arguments, a different service."""

    action = ""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("module", help="module code, e.g. catalog")
        parser.add_argument("--platform", required=True, help="platform code")
        parser.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
        parser.add_argument("--json", action="store_true", help="print the plan as JSON")

    def plan(self, platform: Any, code: str) -> ModulePlan:
        raise NotImplementedError

    def apply(self, platform: Any, code: str) -> ModulePlan:
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        platform = get_platform(options["platform"])
        try:
            plan = self.plan(platform, options["module"]) if options["dry_run"] else self.apply(
                platform, options["module"]
            )
        except OrionError as exc:
            raise CommandError(f"{exc.message} [{exc.code}]") from exc
        if options["json"]:
            self.stdout.write(json.dumps({**plan.to_dict(), "applied": not options["dry_run"]}, indent=2))
            return
        self.stdout.write(format_plan(plan))
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING("Dry run: nothing was changed."))
        elif not plan.is_noop:
            self.stdout.write(self.style.SUCCESS(f"Done: {len(plan.changes)} module(s) {self.action}d."))

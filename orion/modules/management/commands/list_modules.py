import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ... import registry, services, state
from ..base import get_platform


class Command(BaseCommand):
    help = "List installed modules; with --platform, whether each is on there and why."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--platform", help="platform code (default: every platform)")
        parser.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["platform"]:
            platforms = [get_platform(options["platform"])]
        else:
            platforms = list(state.platform_model().objects.order_by("code"))
        report = {
            "modules": [
                {
                    "code": d.code,
                    "name": str(d.name),
                    "version": d.version,
                    "tier": d.tier.value,
                    "requires": list(d.requires),
                }
                for d in registry.MODULES.values()
            ],
            "platforms": {
                platform.code: [
                    {
                        "code": s.code,
                        "enabled": s.enabled,
                        "reason": s.reason,
                        "required_by": list(s.required_by),
                        "explanation": str(s.reason_text),
                    }
                    for s in services.module_states(platform)
                ]
                for platform in platforms
            },
        }
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
            return
        for platform in platforms:
            self.stdout.write(self.style.MIGRATE_HEADING(f"Platform {platform.code} ({platform})"))
            self.stdout.write(f"  {'module':<14} {'tier':<9} {'version':<8} {'on':<4} why")
            for s in services.module_states(platform):
                self.stdout.write(
                    f"  {s.code:<14} {s.definition.tier.value:<9} {s.definition.version:<8} "
                    f"{'yes' if s.enabled else 'no':<4} {s.reason_text}"
                )
        if not platforms:
            self.stdout.write("No platforms yet. Installed modules:")
            for d in registry.MODULES.values():
                self.stdout.write(f"  {d.code:<14} {d.tier.value:<9} {d.version}")

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ... import registry
from ...definition import ModuleTier


def mermaid() -> str:
    lines = ["graph TD"]
    for tier in ModuleTier:
        members = registry.get_modules_by_tier(tier)
        if members:
            lines.append(f"  subgraph {tier.value}")
            lines.extend(f"    {code}" for code in sorted(members))
            lines.append("  end")
    for code, definition in sorted(registry.MODULES.items()):
        for spec, dep in zip(definition.requires, definition.required_codes, strict=True):
            label = spec[len(dep):].strip()
            arrow = f" -->|{label}| " if label else " --> "
            lines.append(f"  {code}{arrow}{dep}")
    return "\n".join(lines)


def dot() -> str:
    lines = ["digraph modules {", "  rankdir=BT;", "  node [shape=box];"]
    for tier in ModuleTier:
        members = registry.get_modules_by_tier(tier)
        if members:
            lines.append(f'  subgraph cluster_{tier.value} {{ label="{tier.value}";')
            lines.extend(f'    "{code}";' for code in sorted(members))
            lines.append("  }")
    for code, definition in sorted(registry.MODULES.items()):
        for spec, dep in zip(definition.requires, definition.required_codes, strict=True):
            label = spec[len(dep):].strip()
            attrs = f' [label="{label}"]' if label else ""
            lines.append(f'  "{code}" -> "{dep}"{attrs};')
    lines.append("}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Print the module dependency graph (an arrow points from a module to what it requires)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["mermaid", "dot"], default="mermaid")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(mermaid() if options["format"] == "mermaid" else dot())

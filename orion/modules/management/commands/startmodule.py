"""``manage.py startmodule <code>``: a new module that works before anything else is written.

The files come from ``orion/modules/scaffold/`` (``*.tmpl``, with
``string.Template`` placeholders in their names and text). The example
entity, a store's notes, shows every piece of the module idiom: a scoped
model, ``@store_write`` services with an audit trail, selectors, an event
sent on commit, store pages and API views on the scoped bases, a confined
admin, factories, isolation seeds and tests. ``docs/writing-a-module.md``
walks through them.

The module is listed in the import-linter contracts of ``.importlinter``
(``tests/test_import_contracts.py`` checks the lists against the registry),
so the boundaries hold for it from the start. No file of the framework
(``orion/``) changes.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from string import Template
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ... import registry
from ...definition import ModuleTier

SCAFFOLD = Path(__file__).resolve().parent.parent.parent / "scaffold"
LANGUAGES = ("en", "de", "fr", "lb")
PO_HEADER = """msgid ""
msgstr ""
"Project-Id-Version: Orion\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""
IMPORT_CONTRACTS = ".importlinter"
INTERFACE_CONTRACT = "importlinter:contract:modules-talk-through-interfaces"
TIER_CONTRACT = "importlinter:contract:core-never-imports-optional"


class Command(BaseCommand):
    help = "Create modules/<code>/: a module that is discovered, routed, migrated and tested with no framework change."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("code", help="module code: lower case letters, digits and _")
        parser.add_argument("--tier", choices=[t.value for t in ModuleTier], default=ModuleTier.OPTIONAL.value)
        parser.add_argument("--requires", default="", help="comma-separated module codes, e.g. inventory,orders")
        parser.add_argument("--name", default="", help="display name (default: from the code)")

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["code"]
        if not re.fullmatch(r"[a-z][a-z0-9_]{1,40}", code) or keyword.iskeyword(code):
            raise CommandError(f"'{code}' is not a valid module code: use lower case letters, digits and _.")
        base = Path(settings.BASE_DIR)
        target = base / "modules" / code
        if target.exists() or code in registry.MODULES:
            raise CommandError(f"Module '{code}' already exists ({target}).")
        requires = [r.strip() for r in options["requires"].split(",") if r.strip()]
        unknown = [r for r in requires if r not in registry.MODULES]
        if unknown:
            raise CommandError(f"Unknown required module(s): {', '.join(unknown)}.")
        camel = "".join(part.title() for part in code.split("_"))
        title = options["name"] or code.replace("_", " ").title()
        values = template_values(code, camel, title, options["tier"], requires)
        for source in sorted(SCAFFOLD.rglob("*.tmpl")):
            relative = Template(str(source.relative_to(SCAFFOLD))[: -len(".tmpl")]).substitute(values)
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(Template(source.read_text()).substitute(values))
        for lang in LANGUAGES:
            po = target / "locale" / lang / "LC_MESSAGES" / "django.po"
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_text(PO_HEADER.format(lang=lang))
        self.stdout.write(self.style.SUCCESS(f"Created module '{code}' in {target}."))
        contracts = base / IMPORT_CONTRACTS
        if contracts.is_file():
            contracts.write_text(add_to_import_contracts(contracts.read_text(), f"modules.{code}", options["tier"]))
            self.stdout.write(f"Listed modules.{code} in the import contracts of {contracts}.")
        self.stdout.write(
            f"Next: python manage.py makemigrations {code} && python manage.py migrate && "
            f"python manage.py enable_module {code} --platform <platform> && python -m pytest modules/{code}"
        )


def template_values(code: str, camel: str, title: str, tier: str, requires: list[str]) -> dict[str, str]:
    """The placeholders of the scaffold's files."""
    return {
        "code": code,
        "camel": camel,
        "title": title,
        "tier": tier.upper(),
        "tier_lower": tier,
        # A tuple's items as ruff formats them: ("a",) or ("a", "b").
        "requires": ", ".join(f'"{r}"' for r in requires) + ("," if len(requires) == 1 else ""),
        "requires_doc": ", ".join(f"`{r}`" for r in requires) or "nothing",
        # Names imported together, in the order ruff's isort keeps them (case-insensitive).
        "errors_import": ", ".join(sorted([f"{camel}Error", "NoteNotFoundError"], key=str.lower)),
    }


def add_to_import_contracts(text: str, dotted: str, tier: str) -> str:
    """``.importlinter`` with ``dotted`` in the interface contract and on its side of the tier contract.

    Lists stay sorted and everything else (comments, order) as it was; a
    contract or list the file does not have is left alone.
    """
    lines = text.splitlines(keepends=True)
    lines = _add_to_list(lines, INTERFACE_CONTRACT, "modules", dotted)
    side = "source_modules" if tier == ModuleTier.CORE.value else "forbidden_modules"
    lines = _add_to_list(lines, TIER_CONTRACT, side, dotted)
    return "".join(lines)


def _add_to_list(lines: list[str], section: str, key: str, item: str) -> list[str]:
    in_section = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            in_section = stripped[1:-1] == section
            continue
        if not (in_section and re.fullmatch(rf"{re.escape(key)}\s*=\s*", stripped + " ")):
            continue
        end = index + 1
        while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
            end += 1
        entries = [entry.strip() for entry in lines[index + 1 : end]]
        if item in entries:
            return lines
        # r"\s*" matches every string (maybe empty).
        indent = re.match(r"\s*", lines[index + 1]).group(0) if end > index + 1 else "    "  # type: ignore[union-attr]
        position = index + 1 + sum(1 for entry in entries if entry < item)
        return [*lines[:position], f"{indent}{item}\n", *lines[position:]]
    return lines

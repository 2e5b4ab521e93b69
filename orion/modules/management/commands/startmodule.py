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


class Command(BaseCommand):
    help = "Create modules/<code>/: a module that is discovered, routed, migrated and tested with no framework change."

    def add_arguments(self, parser) -> None:
        parser.add_argument("code", help="module code: lower case letters, digits and _")
        parser.add_argument("--tier", choices=[t.value for t in ModuleTier], default=ModuleTier.OPTIONAL.value)
        parser.add_argument("--requires", default="", help="comma-separated module codes, e.g. inventory,orders")
        parser.add_argument("--name", default="", help="display name (default: from the code)")

    def handle(self, *args: Any, **options: Any) -> None:
        code = options["code"]
        if not re.fullmatch(r"[a-z][a-z0-9_]{1,40}", code) or keyword.iskeyword(code):
            raise CommandError(f"'{code}' is not a valid module code: use lower case letters, digits and _.")
        target = Path(settings.BASE_DIR) / "modules" / code
        if target.exists() or code in registry.MODULES:
            raise CommandError(f"Module '{code}' already exists ({target}).")
        requires = [r.strip() for r in options["requires"].split(",") if r.strip()]
        unknown = [r for r in requires if r not in registry.MODULES]
        if unknown:
            raise CommandError(f"Unknown required module(s): {', '.join(unknown)}.")
        title = options["name"] or code.replace("_", " ").title()
        values = {
            "code": code,
            "camel": "".join(part.title() for part in code.split("_")),
            "title": title,
            "tier": options["tier"].upper(),
            "tier_lower": options["tier"],
            "requires": "".join(f'"{r}", ' for r in requires).rstrip(" "),
        }
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
        self.stdout.write(
            f"Next: python manage.py makemigrations {code} && python manage.py migrate && "
            f"python manage.py enable_module {code} --platform <platform>"
        )

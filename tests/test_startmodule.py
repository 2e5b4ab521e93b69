"""`startmodule` makes a module that is discovered, migrated, routed, linted and tested with no framework edit.

Proven in a copy of the project: the framework (``orion/``), the shared
templates, the root tests and the config files are copied, every existing
module is symlinked, so whatever the commands write lands in the copy and
nothing but ``modules/<code>/`` (and the module's two lines in
``.importlinter``) may change there. The generated module passes ruff and
the project's mypy config (strict, as ``make lint`` and CI run it on
``modules/``). Its own tests run,
and so do the project's walks that cover every module: the tenant-isolation
walk (its routes and its seed), the factory and seed coverage, the admin
confinement and the import contracts.
"""

from __future__ import annotations

import configparser
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from string import Template

import pytest

from orion.modules.management.commands.startmodule import SCAFFOLD, add_to_import_contracts, template_values

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("orion", "templates", "tests")
COPIED_FILES = ("manage.py", ".pytest.ini", ".ruff.toml", ".mypy.ini", ".importlinter")
LINKED = ("static", "locale")
BIN = Path(sys.executable).parent

# What `startmodule shipping` writes: the idiom, file by file (docs/writing-a-module.md walks through it).
GENERATED = {
    "__init__.py",
    "apps.py",
    "definition.py",
    "exceptions.py",
    "events.py",
    "models.py",
    "services.py",
    "selectors.py",
    "forms.py",
    "admin.py",
    "routes/__init__.py",
    "routes/pages/__init__.py",
    "routes/pages/store.py",
    "routes/api/__init__.py",
    "routes/api/store.py",
    "templates/shipping/store/note_list.html",
    "templates/shipping/store/note_form.html",
    "templates/shipping/store/note_delete.html",
    "migrations/__init__.py",
    "docs/index.md",
    "tests/__init__.py",
    "tests/factories.py",
    "tests/isolation.py",
    "tests/test_services.py",
    "tests/test_selectors.py",
    "tests/test_views.py",
    "tests/test_api.py",
    "tests/test_admin.py",
    *(f"locale/{lang}/LC_MESSAGES/django.po" for lang in ("en", "de", "fr", "lb")),
}
# What mypy checks of it: .mypy.ini leaves tests and migrations out.
TYPE_CHECKED = {name for name in GENERATED if name.endswith(".py") and not name.startswith(("tests/", "migrations/"))}
ROUTES = {
    "store:shipping:note_list",
    "store:shipping:note_create",
    "store:shipping:note_update",
    "store:shipping:note_delete",
    "api_store:shipping:note_list",
    "api_store:shipping:note_detail",
}
OBJECT_ROUTES = {"store:shipping:note_update", "store:shipping:note_delete", "api_store:shipping:note_detail"}


def _ignore_caches(directory: str, names: list[str]) -> set[str]:
    return {name for name in names if name in ("__pycache__", ".pytest_cache") or name.endswith(".pyc")}


@pytest.fixture
def project(tmp_path):
    copy = tmp_path / "proj"
    copy.mkdir()
    for name in COPIED:
        shutil.copytree(ROOT / name, copy / name, ignore=_ignore_caches)
    for name in COPIED_FILES:
        shutil.copy2(ROOT / name, copy / name)
    for name in LINKED:
        (copy / name).symlink_to(ROOT / name)
    (copy / "modules").mkdir()
    (copy / "modules" / "__init__.py").touch()
    for module in (ROOT / "modules").iterdir():
        if module.is_dir() and (module / "apps.py").exists():
            (copy / "modules" / module.name).symlink_to(module)
    return copy


def run(project, *args, timeout=600):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "orion.settings.base",
        "DATABASE_URL": f"sqlite:///{project / 'db.sqlite3'}",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    # The copy runs on its own: no shared servers, nor the settings of an xdist worker running this test.
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "PYTEST_ADDOPTS"):
        env.pop(name, None)
    for name in [name for name in env if name.startswith("PYTEST_XDIST")]:
        env.pop(name)
    result = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def manage(project, *args):
    return run(project, sys.executable, "manage.py", *args)


def pytest_in(project, *args):
    """pytest in the copy, with the project's settings (orion.settings.test, from its .pytest.ini)."""
    return run(project, sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly", *args)


def fingerprint(project) -> dict[str, str]:
    """Every copied file of the project (the framework, templates, root tests, config) by content."""
    files = [project / name for name in COPIED_FILES if name != ".importlinter"]
    for name in COPIED:
        files += [path for path in (project / name).rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    return {str(path.relative_to(project)): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def passed(output: str, test: str, route: str) -> bool:
    return re.search(rf"::{re.escape(test)}\[{re.escape(route)}\] PASSED", output) is not None


def test_a_scaffolded_module_works_with_zero_framework_edits(project):
    before = fingerprint(project)
    contracts_before = (project / ".importlinter").read_text()

    # Generated: exactly the idiom's files.
    created = manage(project, "startmodule", "shipping", "--requires", "inventory")
    module = project / "modules" / "shipping"
    assert "Created module 'shipping'" in created
    assert {str(p.relative_to(module)) for p in module.rglob("*") if p.is_file()} == GENERATED

    # Discovered and migrated: makemigrations works for it, the checks (MOD rules, graph) pass.
    manage(project, "makemigrations", "shipping")
    assert (module / "migrations" / "0001_initial.py").exists()
    manage(project, "migrate", "--noinput")
    manage(project, "check", "--fail-level", "ERROR")
    manage(project, "makemigrations", "shipping", "--check", "--dry-run")
    assert "shipping" in manage(project, "list_modules")
    assert "shipping --> inventory" in manage(project, "module_graph")

    # Clean: ruff, mypy, and the import contracts, which now list it.
    run(project, BIN / "ruff", "check", "modules/shipping")
    run(project, BIN / "ruff", "format", "--check", "modules/shipping")
    # mypy with the project's .mypy.ini (strict: `make lint` and CI check modules/), on the module alone:
    # what it imports is analysed for its types, but only the module's own errors count.
    typed = run(project, BIN / "mypy", "--follow-imports=silent", "--no-warn-unused-configs", "modules/shipping")
    assert f"Success: no issues found in {len(TYPE_CHECKED)} source files" in typed, typed
    added = set((project / ".importlinter").read_text().splitlines()) - set(contracts_before.splitlines())
    assert added == {"    modules.shipping"}
    assert (project / ".importlinter").read_text().count("    modules.shipping\n") == 2
    pytest_in(project, "tests/test_import_contracts.py")

    # Its own tests pass: services, selectors, pages, API (two tenants included), admin.
    own = pytest_in(project, "modules/shipping", "-rs")
    assert re.search(r"\b\d{2,} passed\b", own) and "failed" not in own and "skipped" not in own, own

    # The walks over every module cover it: its routes and seed, its factory, its admin.
    walk = pytest_in(project, "tests/test_isolation.py", "-v", "-k", "shipping or seeded or walk_finds")
    for route in ROUTES:
        assert passed(walk, "test_every_view_derives_from_its_frontends_scoped_base", route), route
        assert passed(walk, "test_an_owner_of_a_gets_404_for_every_route_of_b", route), route
    for route in OBJECT_ROUTES:
        assert passed(walk, "test_an_owner_of_a_gets_404_for_bs_objects_through_as_urls", route), route
    assert passed(walk, "test_no_page_of_a_shows_bs_data", "store:shipping:note_list")
    assert passed(walk, "test_an_api_key_of_a_gets_404_in_b", "api_store:shipping:note_list")
    coverage = pytest_in(project, "tests/test_model_coverage.py", "-v", "-k", "not each_factory or shipping")
    assert "shipping.Note-NoteFactory] PASSED" in coverage
    pytest_in(project, "tests/test_admin_scope.py", "-k", "every or actions")

    # And nothing else changed.
    assert fingerprint(project) == before


def test_refuses_a_bad_or_taken_code(project):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "orion.settings.base",
        "DATABASE_URL": f"sqlite:///{project / 'db.sqlite3'}",
    }
    for code, message in [("Bad-Code", "not a valid module code"), ("tenancy", "already exists")]:
        result = subprocess.run(
            [sys.executable, "manage.py", "startmodule", code],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0 and message in result.stderr
    assert not (project / "modules" / "Bad-Code").exists()


# --- Without a project copy ---------------------------------------------------------


def render(target: Path, code: str, tier: str = "optional", requires: tuple[str, ...] = ()) -> Path:
    """The scaffold's files for ``code``, as ``startmodule`` writes them, under ``target/modules/<code>``."""
    camel = "".join(part.title() for part in code.split("_"))
    values = template_values(code, camel, code.title(), tier, list(requires))
    module = target / "modules" / code
    for source in SCAFFOLD.rglob("*.tmpl"):
        destination = module / Template(str(source.relative_to(SCAFFOLD))[: -len(".tmpl")]).substitute(values)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(Template(source.read_text()).substitute(values))
    return module


@pytest.mark.parametrize(
    "code, tier, requires",
    [
        ("shipping", "optional", ("inventory",)),
        ("notea", "core", ()),  # its error class sorts before NoteNotFoundError
        ("customer_feedback", "internal", ("inventory", "catalog")),
    ],
)
def test_the_generated_code_is_ruff_clean_whatever_the_code(tmp_path, code, tier, requires):
    module = render(tmp_path, code, tier, requires)
    config = ["--config", str(ROOT / ".ruff.toml")]

    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [BIN / "ruff", *command, *config, str(module)], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr


CONTRACTS = """[importlinter:contract:core-never-imports-optional]
source_modules =
    modules.core
    modules.tenancy
forbidden_modules =
    modules.catalog
    modules.orders

[importlinter:contract:modules-talk-through-interfaces]
modules =
    modules.catalog
    modules.core
    modules.tenancy
ignore_imports =
    modules.** -> modules.*.interface
"""


@pytest.mark.parametrize(
    "tier, side, other_side",
    [
        ("optional", "forbidden_modules", "source_modules"),
        ("internal", "forbidden_modules", "source_modules"),
        ("core", "source_modules", "forbidden_modules"),
    ],
)
def test_the_module_joins_the_import_contracts_on_its_tiers_side(tier, side, other_side):
    updated = add_to_import_contracts(CONTRACTS, "modules.loyalty_plus", tier)

    parser = configparser.ConfigParser()
    parser.read_string(updated)
    tiers = parser["importlinter:contract:core-never-imports-optional"]
    interfaces = parser["importlinter:contract:modules-talk-through-interfaces"]
    assert "modules.loyalty_plus" in tiers[side].split() and "modules.loyalty_plus" not in tiers[other_side].split()
    assert interfaces["modules"].split() == [
        "modules.catalog",
        "modules.core",
        "modules.loyalty_plus",
        "modules.tenancy",
    ]
    assert interfaces["ignore_imports"].split() == ["modules.**", "->", "modules.*.interface"]
    assert add_to_import_contracts(updated, "modules.loyalty_plus", tier) == updated  # once only

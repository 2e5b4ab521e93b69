"""`startmodule` makes a module that is discovered, routed, migrated and tested
with no framework edit: proven in a copy of the project whose framework files
are the real ones (symlinked), so nothing but the new folder can change."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path):
    copy = tmp_path / "proj"
    copy.mkdir()
    for name in ("orion", "templates", "static", "locale"):
        (copy / name).symlink_to(ROOT / name)
    for name in ("manage.py", ".pytest.ini"):
        (copy / name).write_text((ROOT / name).read_text())
    (copy / "modules").mkdir()
    (copy / "modules" / "__init__.py").touch()
    for module in (ROOT / "modules").iterdir():
        if module.is_dir() and (module / "apps.py").exists():
            (copy / "modules" / module.name).symlink_to(module)
    return copy


def manage(project, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "orion.settings.base",
        "DATABASE_URL": f"sqlite:///{project / 'db.sqlite3'}",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def framework_fingerprint():
    return sorted((str(p), p.stat().st_mtime_ns) for p in (ROOT / "orion").rglob("*.py"))


def test_a_scaffolded_module_works_with_zero_framework_edits(project):
    before = framework_fingerprint()

    assert "Created module 'shipping'" in manage(project, "manage.py", "startmodule", "shipping", "--requires", "inventory")
    manage(project, "manage.py", "makemigrations", "shipping")
    manage(project, "manage.py", "migrate", "--noinput")
    assert "shipping" in manage(project, "manage.py", "list_modules")
    assert "shipping --> inventory" in manage(project, "manage.py", "module_graph")
    tests = manage(project, "-m", "pytest", "modules/shipping", "-p", "no:cacheprovider", "--ds=orion.settings.base")

    assert "2 passed" in tests
    assert (project / "modules" / "shipping" / "migrations" / "0001_initial.py").exists()
    assert framework_fingerprint() == before


def test_refuses_a_bad_or_taken_code(project):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "orion.settings.base",
           "DATABASE_URL": f"sqlite:///{project / 'db.sqlite3'}"}
    for code, message in [("Bad-Code", "not a valid module code"), ("tenancy", "already exists")]:
        result = subprocess.run([sys.executable, "manage.py", "startmodule", code], cwd=project, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode != 0 and message in result.stderr

"""System checks: the MOD rules, the dependency graph and excluded modules."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks

from orion.modules import registry
from orion.modules.checks import check_dependency_graph, check_module_config, check_module_structure
from orion.modules.definition import ModuleDefinition, PermissionDefinition

ROOT = Path(__file__).resolve().parent.parent


def test_the_project_passes_its_own_checks():
    errors = [m for m in checks.run_checks(tags=["orion"]) if m.level >= checks.ERROR]

    assert errors == []


def test_graph_errors_fail_the_check(monkeypatch):
    monkeypatch.setitem(registry.MODULES, "loop_a", ModuleDefinition(code="loop_a", name="A", requires=("loop_b",)))
    monkeypatch.setitem(registry.MODULES, "loop_b", ModuleDefinition(code="loop_b", name="B", requires=("loop_a",)))

    messages = check_dependency_graph()

    assert [m.id for m in messages] == ["orion.GRAPH_CYCLE"]
    assert "loop_a -> loop_b -> loop_a" in messages[0].msg


def test_a_bad_permission_id_is_an_error(monkeypatch):
    bad = ModuleDefinition(code="dummy", name="D", permissions=(PermissionDefinition(id="other.view", label="x"),))
    monkeypatch.setitem(registry.MODULES, "dummy", bad)

    assert "orion.MOD024" in {m.id for m in check_module_structure()}


def test_invalid_module_config_is_an_error(monkeypatch):
    monkeypatch.setenv("DUMMY_PAGE_SIZE", "lots")

    messages = check_module_config()

    assert [m.id for m in messages] == ["orion.MOD013"]
    assert "DUMMY_PAGE_SIZE='lots' is not a valid int" in messages[0].msg


def test_module_config_is_read_with_its_prefix(monkeypatch):
    from orion.modules.config import load_module_config

    monkeypatch.setenv("DUMMY_PAGE_SIZE", "50")

    assert load_module_config(registry.MODULES["dummy"])["page_size"] == 50


def run_manage(*args, **env):
    import os

    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "orion.settings.local", **env}, timeout=120,
    )


@pytest.mark.slow  # a subprocess per test
def test_leaving_out_a_required_module_names_both():
    result = run_manage("check", ORION_EXCLUDED_MODULES="inventory")

    assert result.returncode != 0
    assert "Module 'cart' requires module 'inventory', which this deployment leaves out" in result.stderr


@pytest.mark.slow  # a subprocess per test
def test_an_optional_module_can_be_left_out():
    result = run_manage("module_graph", ORION_EXCLUDED_MODULES="loyalty,marketplace")

    assert result.returncode == 0, result.stderr
    assert "loyalty" not in result.stdout and "catalog --> inventory" in result.stdout


@pytest.mark.slow  # a subprocess per test
def test_leaving_out_a_core_module_stops_start_up():
    result = run_manage("check", ORION_EXCLUDED_MODULES="tenancy")

    assert result.returncode != 0
    assert "core module 'tenancy'" in result.stderr


@pytest.mark.slow  # a subprocess per test
def test_leaving_out_an_unknown_module_stops_start_up():
    result = run_manage("check", ORION_EXCLUDED_MODULES="nonsense")

    assert result.returncode != 0
    assert "'nonsense', which is not a module" in result.stderr

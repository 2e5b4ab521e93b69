"""import-linter keeps the boundaries; this keeps its contracts in step with the registry."""

import configparser
import subprocess
import sys
from pathlib import Path

from orion.modules import registry
from orion.modules.apps import module_app_configs

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".importlinter"


def contract(name):
    parser = configparser.ConfigParser()
    parser.read(CONFIG)
    section = parser[f"importlinter:contract:{name}"]
    return {key: set(section[key].split()) for key in ("source_modules", "forbidden_modules")}


def project_modules(codes):
    """Codes of project modules (under modules/), as dotted paths."""
    names = {c.label: c.name for c in module_app_configs() if c.name.startswith("modules.")}
    return {names[code] for code in codes if code in names}


def test_core_contract_lists_exactly_the_registry_tiers():
    rules = contract("core-never-imports-optional")

    assert rules["source_modules"] == project_modules(registry.CORE_MODULES)
    assert rules["forbidden_modules"] == project_modules({*registry.OPTIONAL_MODULES, *registry.INTERNAL_MODULES})


def test_interface_contract_lists_every_module():
    parser = configparser.ConfigParser()
    parser.read(CONFIG)
    listed = set(parser["importlinter:contract:modules-talk-through-interfaces"]["modules"].split())

    assert listed == project_modules(registry.MODULES)


def test_import_contracts_hold():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--config", str(CONFIG)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout

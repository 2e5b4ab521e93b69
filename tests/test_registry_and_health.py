"""The registry API and the health endpoints."""

from dataclasses import replace

import pytest

from orion.modules import registry
from orion.modules.definition import ModuleDefinition, ModuleTier


def test_registry_api():
    assert registry.get_module("catalog").code == "catalog"
    assert registry.get_module("nope") is None
    assert registry.get_module_tier("billing") == ModuleTier.CORE
    assert registry.is_core_module("tenancy") and not registry.is_core_module("catalog")
    assert registry.is_internal_module("monitoring")
    assert set(registry.get_modules_by_tier("optional")) == set(registry.OPTIONAL_MODULES)
    assert set(registry.MODULES) == {*registry.CORE_MODULES, *registry.OPTIONAL_MODULES, *registry.INTERNAL_MODULES}
    assert registry.get_all_permissions()["catalog.view_product"][0] == "catalog"


def test_registry_is_frozen_after_start_up():
    with pytest.raises(registry.RegistryError, match="registered after start-up"):
        registry.register(ModuleDefinition(code="late", name="Late"))


def test_ready_reports_database_cache_and_module_checks(client, db):
    response = client.get("/health/ready")

    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks["database"]["healthy"] and checks["cache"]["healthy"]
    assert checks["module:monitoring"]["healthy"]
    assert checks["module:dummy"]["message"] == "dummy ok"


def test_a_failing_module_health_check_makes_ready_503(client, db, monkeypatch):
    def broken():
        raise RuntimeError("carrier API down")

    monkeypatch.setitem(registry.MODULES, "dummy", replace(registry.MODULES["dummy"], health_check=broken))

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["checks"]["module:dummy"] == {"healthy": False, "message": "carrier API down"}

"""Pytest fixtures shared by the framework tests and every module's tests.

Loaded with ``-p orion.testing.pytest_plugin`` (see .pytest.ini), so a module's
``tests/`` folder gets them without a conftest of its own.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.conf import settings


def make_platform(code: str, domain: str) -> Any:
    from orion.modules import state

    platform = state.platform_model().objects.create(code=code, name=code.title())
    apps.get_model(settings.ORION_PLATFORM_DOMAIN_MODEL).objects.create(platform=platform, domain=domain)
    return platform


def make_store(platform: Any, code: str) -> Any:
    from orion.modules import state

    return state.store_model().objects.create(platform=platform, code=code, name=code.title())


@pytest.fixture(autouse=True)
def _fresh_tenant_cache() -> None:
    """Each test starts with nothing cached (the cache outlives DB rollbacks)."""
    from orion.modules import state

    state.invalidate()


@pytest.fixture
def platform(db: Any) -> Any:
    """A platform served at ``testserver``, the test client's default host."""
    return make_platform("main", "testserver")


@pytest.fixture
def other_platform(db: Any) -> Any:
    return make_platform("other", "other.testserver")


@pytest.fixture
def store(platform: Any) -> Any:
    return make_store(platform, "acme")


@pytest.fixture
def enable(platform: Any):
    """``enable("catalog")`` turns a module (and its requirements) on for ``platform``."""

    from orion.modules import services

    def _enable(code: str, on: Any = None) -> Any:
        return services.enable_module(platform=on or platform, code=code, via="test")

    return _enable

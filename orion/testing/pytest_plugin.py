"""Pytest fixtures shared by the framework tests and every module's tests.

Loaded with ``-p orion.testing.pytest_plugin`` (see .pytest.ini), so a module's
``tests/`` folder gets them without a conftest of its own. Platforms, stores
and teams come from the tenancy module's plugin (``modules.tenancy.testing``).
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _fresh_tenant_cache() -> None:
    """Each test starts with nothing cached (the cache outlives DB rollbacks)."""
    from orion.modules import state

    state.invalidate()


@pytest.fixture(autouse=True)
def _default_language_after_each_test() -> Any:
    """A request leaves its language active in the thread; the next test starts with the default one."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def enable(platform: Any):
    """``enable("catalog")`` turns a module (and its requirements) on for ``platform``."""

    from orion.modules import services

    def _enable(code: str, on: Any = None) -> Any:
        return services.enable_module(platform=on or platform, code=code, via="test")

    return _enable


@pytest.fixture(autouse=True)
def _tasks_run_inline_unless_marked_worker(request: pytest.FixtureRequest) -> Any:
    """Tasks run inline in tests, even when a broker is configured (CI's second run).

    Tests marked ``worker`` keep the configured mode: with a broker they send
    tasks to a real worker (see tests/test_signals_and_tasks.py).
    """
    if request.node.get_closest_marker("worker"):
        yield
        return
    from orion.celery import app

    eager, propagates = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = eager, propagates


# The isolation walk's two seeded stores, for the walk and for modules' own isolation tests.
from orion.testing.isolation import isolation_world  # noqa: E402, F401

# --- The fast loop (make test-fast) ----------------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector: pytest.Collector, name: str, obj: object) -> list | None:
    """A test function marked ``slow`` is not even collected when ``-m`` leaves slow tests out.

    ``-m "not slow"`` (``make test-fast``) would deselect it after collection
    anyway; collecting the schemathesis fuzz test alone builds its examples
    for every API operation, seconds per xdist process.
    """
    if not callable(obj) or not name.startswith("test"):
        return None
    marks = {mark.name for mark in getattr(obj, "pytestmark", [])}
    if "slow" not in marks or not config_deselects(collector.config, marks):
        return None
    return []


def config_deselects(config: pytest.Config, marks: set[str]) -> bool:
    """Whether ``-m`` leaves out a test with exactly these marks."""
    from _pytest.mark.expression import Expression

    expression = config.option.markexpr
    if not expression:
        return False
    return not Expression.compile(expression).evaluate(lambda name, /, **kwargs: name in marks)

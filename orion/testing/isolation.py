"""Isolation seeds: each module says how to fill a store with one row of each of its store-scoped models.

The tenant-isolation walk (``tests/test_isolation.py``) fills two stores, A
("acme") and B ("bravo"), with one row of every store-scoped model, then
proves that nothing of B can be reached, changed or seen from A. The rows
come from seeds that live with the module that owns the model, in
``modules/<code>/tests/isolation.py``::

    from orion.testing.isolation import seed

    @seed("catalog.Category")
    def category(store, tag):
        return CategoryFactory(store=store, name_en=f"{tag}-secret-category")

A seed gets the store and its tag and returns the row it made (an object the
walk can put in B's URLs). Text a page could show carries ``<tag>-secret``,
so a leak of B into A's pages is visible. Seeds run in the store's tenant
scope, modules in ``INSTALLED_APPS`` order. A store-scoped model that cannot
be seeded is exempted with a reason: ``exempt("app.Model", "why")``.

:func:`collect_seeds` imports ``<app>.tests.isolation`` of every module (and
this file's seeds for the framework's models); ``tests/test_model_coverage.py``
fails for a store-scoped model that has neither a seed nor an exemption.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps

Seed = Callable[[Any, str], Any]

_SEEDS: dict[str, Seed] = {}
_EXEMPT: dict[str, str] = {}

#: The tags of the two stores the walk fills, and what B's rows carry.
TAGS = ("acme", "bravo")


def seed(label: str) -> Callable[[Seed], Seed]:
    """Register the decorated function as the seed of the model ``label`` ("app_label.Model")."""

    def register(function: Seed) -> Seed:
        known = _SEEDS.get(label)
        if known is not None and known.__qualname__ != function.__qualname__:
            raise ValueError(f"{label} already has a seed: {known.__module__}.{known.__qualname__}")
        _SEEDS[label] = function
        return function

    return register


def exempt(label: str, reason: str) -> None:
    """Leave the store-scoped model ``label`` out of the walk; ``reason`` says why (it is shown in failures)."""
    if not reason.strip():
        raise ValueError(f"The isolation exemption of {label} needs a reason.")
    _EXEMPT[label] = reason


def scoped_models() -> list[type]:
    """Every model whose default manager is a django-scopes ``ScopedManager`` (rows of one store)."""
    return [model for model in apps.get_models() if hasattr(model._default_manager, "with_scopes_disabled")]


@functools.cache
def _import_seeds() -> None:
    from orion.testing.factories import covered_apps

    for config in covered_apps():
        if config.name.startswith("orion."):
            continue  # the framework's seeds are below
        name = f"{config.name}.tests.isolation"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise


def collect_seeds() -> dict[str, Seed]:
    """``{"catalog.Product": seed, ...}`` for every installed app, in ``INSTALLED_APPS`` order."""
    _import_seeds()
    order = {model._meta.label: index for index, model in enumerate(apps.get_models())}
    return dict(sorted(_SEEDS.items(), key=lambda item: order.get(item[0], len(order))))


def seed_exemptions() -> dict[str, str]:
    _import_seeds()
    return dict(_EXEMPT)


def seed_store(store: Any, tag: str) -> dict[str, Any]:
    """One row of every seeded model in ``store``: ``{"catalog.Product": <Product>, ...}``."""
    from django_scopes import scope

    with scope(store=store):
        return {label: make(store, tag) for label, make in collect_seeds().items()}


@pytest.fixture
def isolation_world(platform: Any, store: Any, other_store: Any, enable: Any, settings: Any, tmp_path: Any) -> Any:
    """Stores A (acme) and B (bravo) on one platform, every optional module on, each store seeded.

    Returns ``(store_a, store_b, {"acme": {label: row}, "bravo": {label: row}})``.
    """
    from orion.modules import registry

    settings.MEDIA_ROOT = tmp_path
    for code, definition in registry.MODULES.items():
        if definition.tier.value == "optional":
            enable(code)
    seeded = {tenant.code: seed_store(tenant, tenant.code) for tenant in (store, other_store)}
    return store, other_store, seeded


# --- The framework's own store-scoped models ------------------------------------


@seed("audit.AuditEntry")
def _audit_entry(store: Any, tag: str) -> Any:
    from orion.testing.factories import AuditEntryFactory

    return AuditEntryFactory(store=store, object_repr=f"{tag}-secret-audited", actor_label=f"{tag}-secret-actor")

"""Usage limits: the first enabled module with a provider decides; disabled modules are not asked."""

import dataclasses

import pytest

from orion.limits import store_limit, within_limit
from orion.modules import registry


@pytest.fixture
def dummy_limits(monkeypatch):
    """The dummy module supplies 3 active products and knows nothing of other limits."""
    asked = []

    def provider(store, name):
        asked.append((store.code, name))
        return 3 if name == "catalog.active_products" else None

    definition = dataclasses.replace(registry.MODULES["dummy"], limit_provider=provider)
    monkeypatch.setitem(registry.MODULES, "dummy", definition)
    return asked


def test_an_enabled_provider_sets_the_limit(store, enable, dummy_limits):
    enable("dummy")

    assert store_limit(store, "catalog.active_products") == 3
    assert dummy_limits == [("acme", "catalog.active_products")]


def test_a_limit_no_provider_knows_is_none(store, enable, dummy_limits):
    enable("dummy")

    assert store_limit(store, "team.members") is None


def test_a_disabled_module_is_not_asked(store, dummy_limits):
    assert store_limit(store, "catalog.active_products") is None
    assert dummy_limits == []


@pytest.mark.parametrize(
    ("limit", "wanted", "fits"),
    [(None, 10**6, True), (0, 10**6, True), (5, 5, True), (5, 6, False)],
    ids=["none-is-unlimited", "zero-is-unlimited", "at-the-limit", "over-the-limit"],
)
def test_within_limit(limit, wanted, fits):
    assert within_limit(limit, wanted) is fits

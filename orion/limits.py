"""Usage limits per store ("at most 500 active products"), supplied by whichever module decides them.

A module that counts a resource asks ``store_limit(store, "catalog.active_products")``.
Enabled modules with a ``limit_provider`` (billing, from the store's tier) answer;
the first answer wins. With none, the asking module falls back to its own
configured default, so the framework never needs to know who sets limits.
"""

from __future__ import annotations

from orion.modules import registry, state
from orion.types import StoreRef


def store_limit(store: StoreRef, name: str) -> int | None:
    """The limit ``name`` for ``store`` from an enabled module, or ``None`` when no module sets it."""
    enabled = state.enabled_modules(store.platform_id)
    for code in sorted(enabled):
        definition = registry.MODULES.get(code)
        provider = definition.limit_provider if definition is not None else None
        if provider is None:
            continue
        limit = provider(store, name)
        if limit is not None:
            return limit
    return None


def within_limit(limit: int | None, wanted: int) -> bool:
    """``wanted`` units fit under ``limit``; ``None`` and 0 mean unlimited."""
    return not limit or wanted <= limit

"""Tenant and module resolution, cached, and the one `is_enabled` check.

Three levels, fastest first:
1. a per-thread memo, valid only for the current *version*;
2. the shared cache (Redis when configured), keyed by the version;
3. the database.

Every change to module state, platforms, domains or stores bumps the version
(see ``invalidate``). When the cache is shared between processes (Redis), the
version is a counter in that cache, read on every request, so every worker
process drops its memo on its next request. When the cache is local memory
(one process, the embedded default) a process-local counter is the same thing
and costs no cache read. A warm request makes no database query.

``ORION_TENANT_VERSION_TTL`` (seconds, default 0) lets a deployment read the
shared counter at most that often per thread, trading immediacy for one
network round trip less per request: the thread that made a change sees it
at once, every other thread (in any process) within the TTL.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.http.request import split_domain_port
from django_scopes import scopes_disabled

from orion.types import PlatformRef, StoreRef

from . import registry

T = TypeVar("T")

VERSION_KEY = "orion:tenant:version"
MEMO_LIMIT = 10_000  # entries per thread; unknown hosts are cached too, so bound it
_PROCESS_LOCAL_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
_MISSING = object()


@dataclass(frozen=True)
class Tenant:
    """What the middleware puts on the request, resolved together."""

    platform: PlatformRef
    modules: frozenset[str]
    store: StoreRef | None = None
    # True when the Host header is one of the store's own domains (its storefront).
    store_from_host: bool = False


class _Memo(threading.local):
    def __init__(self) -> None:
        self.version: int | None = None
        self.checked_at = 0.0
        self.entries: dict[tuple[Any, ...], Any] = {}


_memo = _Memo()
_local_counter = itertools.count(1)
_local_version = [next(_local_counter)]


def platform_model() -> Any:
    return apps.get_model(settings.ORION_PLATFORM_MODEL)


def store_model() -> Any:
    return apps.get_model(settings.ORION_STORE_MODEL)


def _cache_is_process_local() -> bool:
    return settings.CACHES["default"]["BACKEND"] in _PROCESS_LOCAL_BACKENDS


def current_version() -> int:
    if _cache_is_process_local():
        return _local_version[0]
    ttl = settings.ORION_TENANT_VERSION_TTL
    if ttl and _memo.version is not None and time.monotonic() - _memo.checked_at < ttl:
        return _memo.version
    version: int | None = cache.get(VERSION_KEY)
    if version is None:
        # Start from the clock, so a counter lost to eviction never repeats an old value.
        cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
        version = cache.get(VERSION_KEY)
    _memo.checked_at = time.monotonic()
    return version


def resolved_version() -> int:
    """The version this thread's current request was resolved with: no second read of the shared counter."""
    return _memo.version if _memo.version is not None else current_version()


def invalidate() -> None:
    """Make every process re-resolve tenants and modules, now and after commit."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump() -> None:
    if _cache_is_process_local():
        _local_version[0] = next(_local_counter)  # next() on a count is atomic
    else:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            current_version()
            cache.incr(VERSION_KEY)
    _memo.version = None
    _memo.checked_at = 0.0
    _memo.entries = {}


def _remember(key: tuple[Any, ...], value: Any) -> None:
    if len(_memo.entries) >= MEMO_LIMIT:
        _memo.entries = {}
    _memo.entries[key] = value


def _cached(key: tuple[Any, ...], load: Callable[[], T], version: int | None = None) -> T:
    """Look ``key`` up in the memo, then the shared cache, then ``load()``."""
    if version is None:
        version = current_version()
    if _memo.version != version:
        _memo.version = version
        _memo.entries = {}
    value: T = _memo.entries.get(key, _MISSING)
    if value is _MISSING:
        shared_key = f"orion:tenant:{version}:" + ":".join(map(str, key))
        value = cache.get(shared_key, _MISSING)
        if value is _MISSING:
            value = load()
            cache.set(shared_key, value, timeout=24 * 3600)
        _remember(key, value)
    return value


def load_enabled_modules(platform_id: int) -> frozenset[str]:
    """The enabled codes from the database, bypassing every cache (for planning)."""
    from .models import PlatformModule

    stored = PlatformModule.objects.filter(platform_id=platform_id, is_enabled=True).values_list(
        "module_code", flat=True
    )
    return frozenset(code for code in stored if code in registry.MODULES) | registry.get_core_module_codes()


def enabled_modules(platform: PlatformRef | int | None, *, version: int | None = None) -> frozenset[str]:
    """Codes of the modules on for ``platform`` (an instance or a primary key)."""
    if platform is None:
        return registry.get_core_module_codes()
    platform_id = platform if isinstance(platform, int) else platform.pk
    return _cached(("modules", platform_id), lambda: load_enabled_modules(platform_id), version)


def is_enabled(platform: PlatformRef | int | None, code: str, *, modules: frozenset[str] | None = None) -> bool:
    """The one gate: is module ``code`` on for ``platform``?

    Core modules are always on; a module this deployment does not install is
    never on. URLs, menus, providers, signals, tasks and template slots all
    ask here. ``modules`` passes a set already resolved for this platform in
    this request (``request.modules``) to save a cache read.
    """
    if code in registry.CORE_MODULES:
        return True
    if code not in registry.MODULES or platform is None:
        return False
    return code in (modules if modules is not None else enabled_modules(platform))


def is_enabled_for_request(request: HttpRequest, code: str) -> bool:
    return is_enabled(getattr(request, "platform", None), code, modules=getattr(request, "modules", None))


def _load_platform_for_host(host: str) -> Any:
    domain_model = apps.get_model(settings.ORION_PLATFORM_DOMAIN_MODEL)
    domain = domain_model.objects.select_related("platform").filter(domain=host, platform__is_active=True).first()
    return domain.platform if domain else None


def _load_store(platform_id: Any, store_code: str) -> Any:
    return store_model().objects.filter(platform_id=platform_id, code=store_code, is_active=True).first()


def _load_store_for_host(host: str) -> Any:
    """The active store whose own domain ``host`` is (on an active platform), or None."""
    domain_model = apps.get_model(settings.ORION_STORE_DOMAIN_MODEL)
    with scopes_disabled():  # the lookup that decides the scope
        domain = (
            domain_model.objects.select_related("store__platform")
            .filter(domain=host, store__is_active=True, store__platform__is_active=True)
            .first()
        )
    return domain.store if domain else None


def _resolve_store_host(host: str, store_code: str | None, version: int) -> Tenant | None:
    store = _cached(("storehost", host), lambda: _load_store_for_host(host), version)
    if store is None:
        return None
    modules = enabled_modules(store.platform, version=version)
    if store_code and store_code != store.code:
        # Another store's code on this store's own domain: no such store here.
        return Tenant(platform=store.platform, modules=modules, store=None)
    return Tenant(platform=store.platform, modules=modules, store=store, store_from_host=True)


def _resolve_uncached(raw_host: str, store_code: str | None, version: int) -> Tenant | None:
    host, _port = split_domain_port(raw_host)
    platform = _cached(("host", host), lambda: _load_platform_for_host(host), version)
    if platform is None:
        return _resolve_store_host(host, store_code, version)
    store = None
    if store_code:
        store = _cached(("store", platform.pk, store_code), lambda: _load_store(platform.pk, store_code), version)
    return Tenant(platform=platform, modules=enabled_modules(platform, version=version), store=store)


def resolve(raw_host: str, store_code: str | None = None) -> Tenant | None:
    """Platform (from the Host header), store (from its code) and enabled modules.

    Returns None for a host no platform serves. The store is None when no
    code is given or the platform has no active store with that code. The
    result is memoised whole per (host, store), so a warm request is one
    dictionary lookup after the version check.
    """
    version = current_version()
    if _memo.version == version:
        tenant: Tenant | None = _memo.entries.get(("tenant", raw_host, store_code), _MISSING)
        if tenant is not _MISSING:
            return tenant
    tenant = _resolve_uncached(raw_host, store_code, version)
    _remember(("tenant", raw_host, store_code), tenant)
    return tenant

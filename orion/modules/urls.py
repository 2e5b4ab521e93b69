"""Mounting every module's route files under its frontend, per DESIGN.md.

Each frontend is a namespace (``store``, ``api_store``, ...) and each module a
namespace inside it named by its code, so ``store:catalog:product_list``
reverses to ``/store/<store_code>/catalog/products/``. The middleware reads
these two namespaces to gate a disabled module's views.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from django.urls import URLPattern, URLResolver, include, path, register_converter

from .apps import module_app_configs


@dataclass(frozen=True)
class Mount:
    namespace: str  # the frontend's URL namespace
    route_module: str  # dotted path inside a module's package
    prefix: str  # the frontend's URL prefix
    per_module_prefix: bool  # True: each module under "<code>/"


MOUNTS = (
    Mount("api_admin", "routes.api.admin", "api/v1/admin/", True),
    Mount("api_store", "routes.api.store", "api/v1/store/", True),
    Mount("api_storefront", "routes.api.storefront", "api/v1/storefront/", True),
    Mount("store", "routes.pages.store", "store/<slug:store_code>/", True),
    Mount("storefront", "routes.pages.storefront", "shop/<slug:store_code>/", False),
    Mount("public", "routes.pages.public", "", False),
)
FRONTEND_NAMESPACES = frozenset(m.namespace for m in MOUNTS)
API_FRONTENDS = frozenset(m.namespace for m in MOUNTS if m.namespace.startswith("api_"))


def route_module(app_name: str, dotted: str) -> ModuleType | None:
    """Import ``<app>.<dotted>`` if the module has that route file, else None."""
    try:
        return importlib.import_module(f"{app_name}.{dotted}")
    except ModuleNotFoundError as exc:
        if not f"{app_name}.{dotted}".startswith(exc.name or "\0"):
            raise
        return None


def mounted_modules(mount: Mount) -> list[tuple[str, ModuleType]]:
    found = []
    for config in module_app_configs():
        routes = route_module(config.name, mount.route_module)
        if routes is not None:
            found.append((config.label, routes))
    return found


class StoreFromHostConverter:
    """The store code of a storefront on its own domain: not in the path at all.

    Matches the empty string and reverses any code to it, so
    ``{% url "storefront:core:home" store_code=store.code %}`` gives ``/`` on
    the store's domain and ``/shop/<code>/`` on the platform's.
    """

    regex = ""

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return ""


register_converter(StoreFromHostConverter, "store_from_host")

# On a store's own domain only its storefront (at the root) and the APIs are served.
STORE_HOST_PREFIXES = {"storefront": "<store_from_host:store_code>"}
STORE_HOST_FRONTENDS = frozenset({"storefront", "api_store", "api_storefront"})


def module_urlpatterns(*, store_host: bool = False) -> list[URLPattern | URLResolver]:
    """All modules' routes, one include per frontend (``store_host``: for a store's own domain)."""
    patterns: list[URLPattern | URLResolver] = []
    for mount in MOUNTS:
        if store_host and mount.namespace not in STORE_HOST_FRONTENDS:
            continue
        prefix = STORE_HOST_PREFIXES.get(mount.namespace, mount.prefix) if store_host else mount.prefix
        frontend = [
            path(f"{code}/" if mount.per_module_prefix else "", include((routes.urlpatterns, code), namespace=code))
            for code, routes in mounted_modules(mount)
        ]
        if frontend:
            patterns.append(path(prefix, include((frontend, mount.namespace))))
    return patterns

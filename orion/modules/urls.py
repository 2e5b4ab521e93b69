"""Mounting every module's route files under its frontend, per DESIGN.md.

Each frontend is a namespace (``store``, ``api_store``, ...) and each module a
namespace inside it named by its code, so ``store:catalog:product_list``
reverses to ``/store/<store_code>/catalog/products/``. The middleware reads
these two namespaces to gate a disabled module's views.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from django.urls import include, path

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


def route_module(app_name: str, dotted: str):
    """Import ``<app>.<dotted>`` if the module has that route file, else None."""
    try:
        return importlib.import_module(f"{app_name}.{dotted}")
    except ModuleNotFoundError as exc:
        if not f"{app_name}.{dotted}".startswith(exc.name or "\0"):
            raise
        return None


def mounted_modules(mount: Mount) -> list[tuple[str, object]]:
    found = []
    for config in module_app_configs():
        routes = route_module(config.name, mount.route_module)
        if routes is not None:
            found.append((config.label, routes))
    return found


def module_urlpatterns() -> list:
    """All modules' routes, one include per frontend."""
    patterns = []
    for mount in MOUNTS:
        frontend = [
            path(f"{code}/" if mount.per_module_prefix else "", include((routes.urlpatterns, code), namespace=code))
            for code, routes in mounted_modules(mount)
        ]
        if frontend:
            patterns.append(path(mount.prefix, include((frontend, mount.namespace))))
    return patterns

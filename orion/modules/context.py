"""What enabled modules contribute to a page: context, menus and template slots.

Only enabled modules are asked, through ``state.is_enabled``. A provider
that raises is logged and skipped: the page still renders.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from orion.permissions import has_store_permission, module_of

from . import registry, state
from .definition import FrontendType, MenuItem, ModuleDefinition

logger = logging.getLogger("orion.modules")

# URL namespace of a frontend -> FrontendType (Django admin is "admin").
_FRONTEND_OF_NAMESPACE = {
    "admin": FrontendType.ADMIN,
    "store": FrontendType.STORE,
    "storefront": FrontendType.STOREFRONT,
    "public": FrontendType.PLATFORM,
}


# Menu sections: the overview first, modules' own sections in between, then settings and the account.
SECTION_ORDER = {"overview": 0, "settings": 90, "account": 100}


@dataclass(frozen=True)
class MenuEntry:
    item: MenuItem
    module: str
    url: str


def frontend_of(request: HttpRequest) -> FrontendType | None:
    match = getattr(request, "resolver_match", None)
    if match is None or not match.app_names:
        return None
    return _FRONTEND_OF_NAMESPACE.get(match.app_names[0])


def enabled_definitions(request: HttpRequest) -> Iterator[ModuleDefinition]:
    for code, definition in registry.MODULES.items():
        if state.is_enabled_for_request(request, code):
            yield definition


def has_permission(request: HttpRequest, permission: str | None) -> bool:
    """May the user see an item guarded by ``permission`` on this page?

    In a store: ``orion.permissions.has_store_permission`` (member, role,
    module enabled). Elsewhere (admin, platform site): the module is enabled
    and the user holds the permission globally (superusers hold all).
    """
    if not permission:
        return True
    user = getattr(request, "user", None)
    store = getattr(request, "store", None)
    if store is not None:
        return has_store_permission(user, store, permission, modules=getattr(request, "modules", None))
    return (
        state.is_enabled_for_request(request, module_of(permission))
        and user is not None
        and user.is_authenticated
        and user.has_perm(permission)
    )


def get_context_for_frontend(request: HttpRequest, frontend: FrontendType) -> dict[str, Any]:
    """Merge the context providers of every enabled module for ``frontend``."""
    context: dict[str, Any] = {}
    for definition in enabled_definitions(request):
        provider = definition.context_providers.get(frontend)
        if provider is None:
            continue
        try:
            context.update(provider(request, getattr(request, "platform", None)) or {})
        except Exception:
            logger.exception("Context provider of module '%s' failed; skipped", definition.code)
    return context


def build_menu(request: HttpRequest, frontend: FrontendType) -> list[MenuEntry]:
    """The enabled modules' menu items for ``frontend`` the user may see, ordered."""
    namespace = {v: k for k, v in _FRONTEND_OF_NAMESPACE.items()}[frontend]
    store = getattr(request, "store", None)
    kwargs = {"store_code": store.code} if store is not None and frontend != FrontendType.ADMIN else {}
    entries = []
    for definition in enabled_definitions(request):
        for item in definition.menu_for(frontend):
            if not has_permission(request, item.permission):
                continue
            try:
                url = reverse(f"{namespace}:{item.url_name}", kwargs=kwargs)
            except NoReverseMatch:
                logger.debug("Menu item %s of '%s' has no route yet", item.id, definition.code)
                continue
            entries.append(MenuEntry(item=item, module=definition.code, url=url))
    return sorted(
        entries, key=lambda e: (SECTION_ORDER.get(e.item.section, 50), e.item.section, e.item.order, str(e.item.label))
    )


class _LazyMenu:
    """Built on first use in a template, so pages without a menu pay nothing."""

    def __init__(self, request: HttpRequest, frontend: FrontendType) -> None:
        self.request, self.frontend = request, frontend
        self._entries: list[MenuEntry] | None = None

    def __iter__(self) -> Iterator[MenuEntry]:
        if self._entries is None:
            self._entries = build_menu(self.request, self.frontend)
        return iter(self._entries)

    def __bool__(self) -> bool:
        return any(True for _ in self)


def module_context(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the frontend's menu and enabled modules' context."""
    frontend = frontend_of(request)
    if frontend is None:
        return {}
    return {
        "orion_frontend": frontend.value,
        "orion_menu": _LazyMenu(request, frontend),
        **get_context_for_frontend(request, frontend),
    }

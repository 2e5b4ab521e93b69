"""One middleware resolves platform, store and enabled modules, then gates views."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from django_scopes.state import state as scope_state

from orion.http import OrionRequest

from . import registry, state
from .urls import API_FRONTENDS, FRONTEND_NAMESPACES

# /store/<code>/... (dashboard) and /shop/<code>/... (storefront in development)
_STORE_IN_PATH = re.compile(r"^/(?:store|shop)/(?P<code>[-\w]+)/")
_STORE_HEADER = "HTTP_X_STORE"


class TenantModuleMiddleware:
    """Sets ``request.platform``, ``request.store`` and ``request.modules``.

    Unknown hosts get a 404 (never another platform's data), except on the
    host-independent paths (admin, health, static). After URL resolution,
    ``process_view`` answers for a disabled module: 404 for pages, 403 with
    the error code ``module_disabled`` for the API.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.hostless_paths = tuple(settings.ORION_HOSTLESS_PATHS)
        self.unscoped_paths = tuple(settings.ORION_UNSCOPED_PATHS)

    def __call__(self, request: OrionRequest) -> HttpResponse:
        # The raw Host header is only a lookup key: a host no PlatformDomain
        # names resolves to nothing, and Django's ALLOWED_HOSTS check still
        # runs wherever the host is used (get_host()), as below.
        raw_host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
        store_code = self._store_code(request)
        tenant = state.resolve(raw_host, store_code)
        if tenant is None:
            request.get_host()  # DisallowedHost (400) for a host outside ALLOWED_HOSTS
            request.platform, request.store = None, None
            request.modules = registry.get_core_module_codes()
            if not request.path_info.startswith(self.hostless_paths):
                raise Http404(_("No platform is served at this address."))
        else:
            request.platform, request.store, request.modules = tenant.platform, tenant.store, tenant.modules
            if store_code and tenant.store is None:
                raise Http404(_("No store with this code on this platform."))
            if tenant.store_from_host:
                redirect = self._serve_storefront_at_root(request)
                if redirect is not None:
                    return redirect
        return self._scoped(request)

    def _scoped(self, request: OrionRequest) -> HttpResponse:
        """Run the view with the tenant scope active (see django-scopes).

        Store-scoped models refuse queries with no scope active, so a view,
        command or task that forgets the store fails loudly instead of
        returning every tenant's rows. Django admin runs unscoped: it
        filters by platform itself (tenancy's admin).
        """
        if request.store is not None:
            # django-scopes' own state, set directly: what scope(store=...) does
            # at the top of a request, without its copying (this runs on every request).
            token = scope_state.set({"_enabled": True, "store": request.store})
            try:
                return self.get_response(request)
            finally:
                scope_state.reset(token)
        if request.path_info.startswith(self.unscoped_paths):
            with scopes_disabled():
                return self.get_response(request)
        return self.get_response(request)

    @staticmethod
    def _serve_storefront_at_root(request: OrionRequest) -> HttpResponse | None:
        """On a store's own domain the storefront is at the root (its own URLconf).

        ``/shop/<code>/...`` there redirects to the same page at the root, so
        every page has one address on the store's domain.
        """
        request.urlconf = settings.ORION_STORE_HOST_URLCONF
        request.storefront_host = True
        match = _STORE_IN_PATH.match(request.path_info)
        if match and request.path_info.startswith("/shop/"):
            query = request.META.get("QUERY_STRING")
            target = request.path_info[match.end() - 1 :] + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(target)
        return None

    @staticmethod
    def _store_code(request: HttpRequest) -> str | None:
        path = request.path_info
        if path.startswith(("/store/", "/shop/")):
            match = _STORE_IN_PATH.match(path)
            return match["code"] if match else None
        if path.startswith("/api/"):
            return request.META.get(_STORE_HEADER) or request.GET.get("store") or None
        return None

    def process_view(
        self,
        request: OrionRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        app_names = request.resolver_match.app_names if request.resolver_match else []
        if len(app_names) < 2 or app_names[0] not in FRONTEND_NAMESPACES:
            return None
        code = app_names[1]
        if state.is_enabled_for_request(request, code):
            return None
        if app_names[0] in API_FRONTENDS:
            return JsonResponse(
                {
                    "code": "module_disabled",
                    "detail": _("The module '%(code)s' is not enabled on this platform.") % {"code": code},
                    "module": code,
                },
                status=403,
            )
        raise Http404(_("This page is not available on this platform."))

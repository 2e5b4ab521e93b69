"""Error pages per frontend: the store dashboard, the storefront, the API and the public site.

The frontend is read from the path (``/store/``, ``/shop/``, ``/api/``,
else the public site), so a 404 raised before URL resolution — an unknown
store, an unknown host — still gets its frontend's page. API paths answer
JSON ``{"code", "detail"}`` like the rest of the API.

The 500 page is rendered without the request: no context processors, no
session, no database — whatever broke the request must not break its
error page too.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from orion.modules.context import build_menu, get_context_for_frontend
from orion.modules.definition import FrontendType

logger = logging.getLogger("orion.errors")

_SHOP_ROOT = re.compile(r"^/shop/[-\w]+/")
FRONTENDS = {"public": FrontendType.PLATFORM, "storefront": FrontendType.STOREFRONT}
API_CODES = {403: "permission_denied", 404: "not_found", 500: "server_error"}


def frontend_of_path(request: HttpRequest) -> str:
    """``store``, ``storefront``, ``api`` or ``public``, from the path (a store's own domain maps to ``/shop/``)."""
    path = getattr(request, "path_info", "") or ""
    for prefix, frontend in (("/api/", "api"), ("/store/", "store"), ("/shop/", "storefront")):
        if path.startswith(prefix):
            return frontend
    return "storefront" if getattr(request, "storefront_host", False) else "public"


def _detail(exception: BaseException | None) -> str:
    """The exception's message when it is one meant for people (Django's resolver passes a dict)."""
    message = exception.args[0] if exception is not None and exception.args else None
    return message if isinstance(message, str) else ""


def _titles() -> dict[int, tuple[str, str]]:
    return {
        403: (_("Access denied"), _("You do not have permission to see this page.")),
        404: (_("Page not found"), _("The page you are looking for does not exist or has moved.")),
        500: (_("Something went wrong"), _("An error occurred on our side. Please try again in a moment.")),
    }


def _error_response(request: HttpRequest, status: int, exception: BaseException | None) -> HttpResponse:
    title, default = _titles()[status]
    detail = _detail(exception)
    frontend = frontend_of_path(request)
    if frontend == "api":
        return JsonResponse({"code": API_CODES[status], "detail": detail or default}, status=status)
    context = {"status": status, "title": title, "detail": detail or default, **_frontend_context(request, frontend)}
    # A frontend's page for this status if it has one (the store's 403 says more), else its error page.
    templates = [f"errors/{frontend}_{status}.html", f"errors/{frontend}.html"]
    return render(request, templates, context, status=status)


def _frontend_context(request: HttpRequest, frontend: str) -> dict[str, Any]:
    """Menus and module context for a path no route matched (the context processor needs a route).

    Not for the store dashboard: its error pages never show a store's menu,
    which could tell an outsider that the store exists.
    """
    if getattr(request, "resolver_match", None) is not None or frontend not in FRONTENDS:
        return {}
    return {
        "orion_frontend": FRONTENDS[frontend].value,
        "orion_menu": build_menu(request, FRONTENDS[frontend]),
        **get_context_for_frontend(request, FRONTENDS[frontend]),
    }


def handler403(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    return _error_response(request, 403, exception)


def handler404(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    return _error_response(request, 404, exception)


def _brand(request: HttpRequest, frontend: str) -> str:
    """A name for the page header from what the request already holds in memory (no query)."""
    store = getattr(request, "store", None) if frontend == "storefront" else None
    platform = getattr(request, "platform", None)
    for candidate in (store, platform):
        name = getattr(candidate, "name", "") if candidate is not None else ""
        if isinstance(name, str) and name:
            return name
    return "Orion"


def _home_url(request: HttpRequest, frontend: str) -> str:
    match = _SHOP_ROOT.match(getattr(request, "path_info", "") or "") if frontend == "storefront" else None
    return match.group(0) if match else "/"


def handler500(request: HttpRequest) -> HttpResponse:
    title, detail = _titles()[500]
    frontend = frontend_of_path(request)
    if frontend == "api":
        return JsonResponse({"code": API_CODES[500], "detail": detail}, status=500)
    context: dict[str, Any] = {
        "status": 500,
        "title": title,
        "detail": detail,
        "brand": _brand(request, frontend),
        "home_url": _home_url(request, frontend),
    }
    try:
        # No request: a plain Context, so no context processor (menus, user, session) runs.
        body = loader.get_template(f"errors/{frontend}_500.html").render(context)
    except Exception:
        logger.exception("The error page itself failed to render")
        return HttpResponseServerError(f"<h1>{title}</h1><p>{detail}</p>", content_type="text/html")
    return HttpResponseServerError(body, content_type="text/html")

"""Login throttling with django-axes: what a locked-out login sees, and how a success is forgotten."""

from __future__ import annotations

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

STATUS = 429


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """A clear page, or JSON under /api/, with status 429 (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    minutes = max(1, int(cool_off.total_seconds() // 60)) if cool_off else None
    if minutes:
        message = ngettext(
            "Too many failed login attempts. For your security, logging in is blocked for %(minutes)s minute.",
            "Too many failed login attempts. For your security, logging in is blocked for %(minutes)s minutes.",
            minutes,
        ) % {"minutes": minutes}
    else:
        message = _("Too many failed login attempts. For your security, logging in is blocked.")
    if request.path_info.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {"code": "locked_out", "detail": message, "retry_after_minutes": minutes}, status=STATUS
        )
    else:
        # Rendered here: axes calls this from its middleware, too late for a TemplateResponse to be rendered.
        response = render(
            request, "registration/locked_out.html", {"message": message, "minutes": minutes}, status=STATUS
        )
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response


class AccountResetHandler(AxesDatabaseHandler):  # type: ignore[misc]  # django-axes ships no type information
    """Axes' database handler, except that a successful login forgets only that account's failures.

    The stock handler (with AXES_RESET_ON_SUCCESS) also forgets every failure from the address, so
    anyone with an account of their own could log in between guesses at someone else's password
    and never be blocked. Use it with ``AXES_HANDLER = "orion.accounts.lockout.AccountResetHandler"``.
    """

    def reset_user_attempts(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        count: int
        count, _deleted = AccessAttempt.objects.filter(username=get_client_username(request, credentials)).delete()
        return count


API_KEY_USERNAME_PREFIX = "api-key:"  # how modules/core/authentication.py reports a wrong key


def lockout_parameters(request_or_attempt: Any, credentials: dict[str, Any] | None = None) -> list[str]:
    """Per address and per account for logins; per address only for API keys (they name no account)."""
    username = (credentials or {}).get("username", getattr(request_or_attempt, "username", None))
    if not username or str(username).startswith(API_KEY_USERNAME_PREFIX):
        return ["ip_address"]
    return ["ip_address", "username"]


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: behind ``ORION_TRUSTED_PROXY_COUNT`` proxies, from X-Forwarded-For.

    Without it every visitor behind a load balancer would share its address,
    and five wrong passwords would lock everyone out. Only the proxies' own
    entries are trusted: the count is taken from the right, where they append.
    """
    count: int = settings.ORION_TRUSTED_PROXY_COUNT
    if count:
        hops: list[str] = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    address: str | None = request.META.get("REMOTE_ADDR")
    return address

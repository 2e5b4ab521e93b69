"""What a locked-out login sees (django-axes calls this): a clear page, or JSON for the API."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_cool_off
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

STATUS = 429


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: dict | None = None
) -> HttpResponse:
    cool_off = get_cool_off(request)
    minutes = max(1, int(cool_off.total_seconds() // 60)) if cool_off else None
    message = _("Too many failed login attempts. For your security, logging in is blocked for %(minutes)s minutes.") % {
        "minutes": minutes
    }
    if request.path_info.startswith("/api/"):
        return JsonResponse({"code": "locked_out", "detail": message, "retry_after_minutes": minutes}, status=STATUS)
    # Rendered here: axes calls this from its middleware, too late for a TemplateResponse to be rendered.
    return render(request, "registration/locked_out.html", {"message": message, "minutes": minutes}, status=STATUS)

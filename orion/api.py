"""API error format: every error carries a stable ``code`` next to its ``detail``."""

from __future__ import annotations

from typing import Any

from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from orion.exceptions import OrionError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, OrionError):
        body: dict[str, Any] = exc.as_dict()
        if getattr(exc, "errors", None):
            body["errors"] = exc.errors
        return Response(body, status=exc.status)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data["code"] = getattr(response.data["detail"], "code", "error")
    return response

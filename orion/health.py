"""Health endpoints: liveness, readiness (database, cache, module health checks)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse

from orion.modules import registry
from orion.modules.definition import HealthResult

logger = logging.getLogger("orion.health")


def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _check(check: Callable[[], HealthResult]) -> HealthResult:
    try:
        return check()
    except Exception as exc:
        logger.exception("Health check failed")
        return HealthResult(healthy=False, message=str(exc))


def _database() -> HealthResult:
    connection.ensure_connection()
    return HealthResult(healthy=True, message=connection.vendor)


def _cache() -> HealthResult:
    cache.set("orion:health", 1, 10)
    return HealthResult(healthy=cache.get("orion:health") == 1, message=cache.__class__.__name__)


def ready(request: HttpRequest) -> JsonResponse:
    """200 when the database, the cache and every module's health check pass, else 503."""
    results = {"database": _check(_database), "cache": _check(_cache)}
    for code, definition in sorted(registry.MODULES.items()):
        if definition.health_check:
            results[f"module:{code}"] = _check(definition.health_check)
    healthy = all(r.healthy for r in results.values())
    body = {
        "status": "ok" if healthy else "unhealthy",
        "checks": {name: {"healthy": r.healthy, "message": r.message, **dict(r.details)} for name, r in results.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)

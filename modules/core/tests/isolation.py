"""Isolation seeds of the core module's store-scoped models (see ``orion.testing.isolation``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from orion.testing.isolation import seed

from .factories import ApiTokenFactory


@seed("core.ApiToken")
def api_token(store: Any, tag: str) -> Any:
    return ApiTokenFactory(store=store, name=f"{tag}-secret-key", expires_at=timezone.now() + timedelta(days=1))

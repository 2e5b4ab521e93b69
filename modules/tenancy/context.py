"""What tenancy adds to every store dashboard page: the store switcher."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from orion.types import PlatformRef

from .selectors import stores_of_user


def _switcher_entries(user: Any, platform: Any) -> list[dict[str, Any]]:
    return [
        {"code": m.store.code, "name": m.store.name, "role": m.role.display_name}
        for m in stores_of_user(user=user, platform=platform)
    ]


def store_dashboard_context(request: HttpRequest, platform: PlatformRef | None) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or platform is None:
        return {}
    return {"store_switcher": SimpleLazyObject(lambda: _switcher_entries(user, platform))}

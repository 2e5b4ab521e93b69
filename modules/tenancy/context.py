"""What tenancy adds to every store dashboard page: the store switcher."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django_scopes import scopes_disabled

from .models import StoreMembership


def _stores_of(user: Any, platform: Any) -> list[dict[str, Any]]:
    # Across stores on purpose: the user's own memberships, on this platform only.
    with scopes_disabled():
        memberships = (
            StoreMembership.objects.filter(user=user, is_active=True, store__platform=platform, store__is_active=True)
            .select_related("store", "role")
            .order_by("store__name")
        )
        return [{"code": m.store.code, "name": m.store.name, "role": m.role.name} for m in memberships]


def store_dashboard_context(request: HttpRequest, platform: Any) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or platform is None:
        return {}
    return {"store_switcher": SimpleLazyObject(lambda: _stores_of(user, platform))}

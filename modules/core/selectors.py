"""Reads of the core module: dashboard contributions and API keys.

The dashboard asks only the modules enabled for the request's platform
(``orion.modules.context.enabled_definitions``). A provider that raises, or
returns something that is not a list of ``Metric`` / ``Widget``, is logged
and skipped: one broken module never breaks the dashboard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_scopes import scope

from modules.contracts.protocols import Metric, StoreRef, Widget
from modules.tenancy import interface as tenancy
from orion.accounts.models import User
from orion.http import StoreRequest
from orion.modules.context import enabled_definitions
from orion.modules.definition import ModuleDefinition
from orion.views import store_link

from .models import ApiToken

logger = logging.getLogger(__name__)

T = TypeVar("T", Metric, Widget)


def _collect(
    request: StoreRequest, kind: type[T], factory_of: Callable[[ModuleDefinition], Any], method: str
) -> list[T]:
    """Ask every enabled module's provider, skipping (and logging) the ones that fail."""
    items: list[T] = []
    for definition in enabled_definitions(request):
        factory = factory_of(definition)
        if factory is None:
            continue
        try:
            found = list(getattr(factory(), method)(request.store, request) or ())
            if not all(isinstance(item, kind) for item in found):
                raise TypeError(f"{method}() must return {kind.__name__} objects")
        except Exception:
            logger.exception("%s of module '%s' failed; skipped", method, definition.code)
            continue
        items.extend(found)
    return sorted(items, key=lambda item: (item.order, item.key))


def dashboard_metrics(request: StoreRequest) -> list[Metric]:
    """The tiles of the store dashboard, from the enabled modules, by ``order``."""
    return _collect(request, Metric, lambda d: d.metrics_provider, "get_metrics")


def dashboard_widgets(request: StoreRequest) -> list[Widget]:
    """The widgets of the store dashboard, from the enabled modules, by ``order``."""
    return _collect(request, Widget, lambda d: d.widget_provider, "get_widgets")


class CoreMetricsProvider:
    """Core's own tiles: team size and pending invitations (one query each)."""

    def get_metrics(self, store: StoreRef, request: StoreRequest) -> list[Metric]:
        team_url = store_link(request, "store:tenancy:member_list", "tenancy.view_team")
        members, pending = tenancy.team_size(store), tenancy.pending_invitation_count(store)
        return [
            Metric(key="core.team_members", label=_("Team members"), value=members, url=team_url, order=10),
            Metric(
                key="core.pending_invitations", label=_("Pending invitations"), value=pending, url=team_url, order=11
            ),
        ]


def apikeys(*, store: StoreRef, user: User, everyone: bool) -> QuerySet[ApiToken]:
    """The store's API keys, newest first, with their users: the user's own, or every member's when ``everyone``."""
    with scope(store=store):
        keys = ApiToken.objects.select_related("user").order_by("-created_at", "-pk")
        return keys if everyone else keys.filter(user=user)


def apikey_list(*, store: StoreRef, user: User, everyone: bool) -> list[ApiToken]:
    """The store's API keys, newest first: the user's own, or every member's when ``everyone``."""
    with scope(store=store):
        keys = ApiToken.objects.select_related("user").order_by("-created_at")
        if not everyone:
            keys = keys.filter(user=user)
        return list(keys)


def email_taken(*, email: str) -> bool:
    """Whether an account, of any platform, has ``email`` (in any case)."""
    return User.objects.filter(email__iexact=email).exists()


def user_by_email(*, email: str) -> User:
    """The account with exactly ``email`` (the one a signup just made)."""
    return User.objects.get(email=email)


def apikey_get(*, store: StoreRef, pk: int) -> ApiToken | None:
    """One of the store's keys, or None (another store's key is never found)."""
    with scope(store=store):
        return ApiToken.objects.filter(pk=pk).first()

"""What other modules may import from tenancy (import-linter enforces it).

Functions and frozen dataclasses, plus two models with a reason: ``Store``,
because the core module's settings pages and API edit a store's own fields
with model forms and serializers, and nothing else describes those fields;
and because a module that hands the store to the ORM (``Product(store=store)``,
``filter(store=store)``) annotates it with the model, which django-stubs checks
against the foreign key (a ``StoreRef`` from contracts is enough for the rest).
``Platform`` likewise, for annotations.

The request types are ``orion.http``'s with these models: what modules'
views annotate their request with (``request.store`` is a ``Store``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django_scopes import scope

from orion import http
from orion.accounts.models import User
from orion.types import StoreRef

from .exceptions import StoreCodeTakenError, TenancyError
from .models import Invitation, Merchant, Platform, Store, StoreMembership
from .selectors import active_store, store_code_taken, store_fresh
from .services import merchant_signup, store_update

__all__ = [
    "MerchantNames",
    "Platform",
    "PlatformApiRequest",
    "PlatformRequest",
    "RoleInfo",
    "Store",
    "StoreApiRequest",
    "StoreCodeTakenError",
    "StoreRequest",
    "StorefrontApiRequest",
    "StorefrontRequest",
    "TenancyError",
    "active_store",
    "merchant_names",
    "merchant_signup",
    "pending_invitation_count",
    "role_of",
    "store_code_taken",
    "store_fresh",
    "store_update",
    "team_size",
]


class PlatformRequest(http.PlatformRequest):
    """A request of the platform's public site (``PlatformViewMixin``)."""

    platform: Platform


class StorefrontRequest(http.StorefrontRequest):
    """A storefront page's request (``StorefrontViewMixin``)."""

    platform: Platform
    store: Store


class StoreRequest(http.StoreRequest, StorefrontRequest):
    """A store dashboard page's request (``StoreViewMixin``): the user is on the store's team."""

    platform: Platform
    store: Store


class StorefrontApiRequest(http.StorefrontApiRequest):
    """A storefront API request (``StorefrontAPIMixin``)."""

    platform: Platform
    store: Store


class PlatformApiRequest(http.PlatformApiRequest):
    """An admin API request (``PlatformAdminAPIMixin``): the user is one of the platform's admins."""

    platform: Platform


class StoreApiRequest(http.StoreApiRequest, StorefrontApiRequest):
    """A store API request (``StoreAPIMixin``): the user is on the store's team."""

    platform: Platform
    store: Store


@dataclass(frozen=True)
class RoleInfo:
    id: int
    name: str
    kind: str


@dataclass(frozen=True)
class MerchantNames:
    name: str
    legal_name: str


def role_of(user: User, store: StoreRef) -> RoleInfo | None:
    """The user's role in the store, or None for outsiders."""
    with scope(store=store):
        membership = StoreMembership.objects.select_related("role").filter(user=user, is_active=True).first()
    if membership is None:
        return None
    role = membership.role
    return RoleInfo(id=role.pk, name=str(role.display_name), kind=role.kind)


def team_size(store: StoreRef) -> int:
    """Active members of the store's team, suspended ones not counted (one query)."""
    with scope(store=store):
        return StoreMembership.objects.filter(is_active=True, user__is_active=True).count()


def pending_invitation_count(store: StoreRef) -> int:
    """Invitations not yet accepted, revoked or expired (one query)."""
    with scope(store=store):
        return Invitation.objects.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).count()


def merchant_names(store: Store) -> MerchantNames:
    """The store's merchant, read fresh (``request.store`` comes from the tenant cache)."""
    merchant: Mapping[str, Any] = Merchant.objects.filter(pk=store.merchant_id).values("name", "legal_name").first() or {}
    name = merchant.get("name", "")
    return MerchantNames(name=name, legal_name=merchant.get("legal_name") or name)

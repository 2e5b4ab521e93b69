"""What other modules may import from tenancy (import-linter enforces it).

Functions and frozen dataclasses, plus one model with a reason: ``Store``,
because the core module's settings pages and API edit a store's own fields
with model forms and serializers, and nothing else describes those fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django_scopes import scope

from .exceptions import StoreCodeTakenError, TenancyError
from .models import Invitation, Merchant, Store, StoreMembership
from .services import merchant_signup, store_update

__all__ = [
    "MerchantNames",
    "RoleInfo",
    "Store",
    "StoreCodeTakenError",
    "TenancyError",
    "merchant_names",
    "merchant_signup",
    "pending_invitation_count",
    "role_of",
    "store_update",
    "team_size",
]


@dataclass(frozen=True)
class RoleInfo:
    id: int
    name: str
    kind: str


@dataclass(frozen=True)
class MerchantNames:
    name: str
    legal_name: str


def role_of(user: Any, store: Any) -> RoleInfo | None:
    """The user's role in the store, or None for outsiders."""
    with scope(store=store):
        membership = StoreMembership.objects.select_related("role").filter(user=user, is_active=True).first()
    if membership is None:
        return None
    role = membership.role
    return RoleInfo(id=role.pk, name=str(role.display_name), kind=role.kind)


def team_size(store: Any) -> int:
    """Active members of the store's team, suspended ones not counted (one query)."""
    with scope(store=store):
        return StoreMembership.objects.filter(is_active=True, user__is_active=True).count()


def pending_invitation_count(store: Any) -> int:
    """Invitations not yet accepted, revoked or expired (one query)."""
    with scope(store=store):
        return Invitation.objects.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).count()


def merchant_names(store: Any) -> MerchantNames:
    """The store's merchant, read fresh (``request.store`` comes from the tenant cache)."""
    merchant = Merchant.objects.filter(pk=store.merchant_id).values("name", "legal_name").first() or {}
    name = merchant.get("name", "")
    return MerchantNames(name=name, legal_name=merchant.get("legal_name") or name)

"""Reads of the tenancy module: teams, roles, permissions and a user's stores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from orion.audit.models import AuditEntry
from orion.modules import registry
from orion.modules.definition import PermissionDefinition
from orion.permissions import declared_permissions
from orion.types import StoreRef

from . import exceptions, services
from .activity import TEAM_ACTIONS, TeamEvent
from .models import Invitation, Merchant, Platform, Store, StoreDomain, StoreMembership, StoreRole
from .roles import role_permissions


@dataclass(frozen=True)
class PermissionGroup:
    """The permissions one module declares, for the role form."""

    module: str
    name: str
    permissions: tuple[PermissionDefinition, ...]


def stores_of_user(*, user: Any, platform: Any) -> list[StoreMembership]:
    """The user's memberships in active stores of ``platform``, by store name, with store and role."""
    if user is None or not user.is_authenticated or platform is None:
        return []
    # Across stores on purpose, limited to the user's own memberships on this platform.
    with scopes_disabled():
        return list(
            StoreMembership.objects.filter(user=user, is_active=True, store__platform=platform, store__is_active=True)
            .select_related("store", "role")
            .order_by("store__name", "store__pk")
        )


def platform_merchants(*, platform: Platform) -> QuerySet[Merchant]:
    """The platform's merchants by name (the admin API's list, and one by pk)."""
    return Merchant.objects.filter(platform=platform).order_by("name", "pk")


def platform_stores(*, platform: Platform) -> QuerySet[Store]:
    """The platform's stores by name, active or not (the admin API's list, and one by pk)."""
    return Store.objects.filter(platform=platform).order_by("name", "pk")


def store_fresh(*, store: StoreRef) -> Store:
    """The store's row read afresh: a ``request.store`` may be shared with other requests through the tenant cache."""
    return Store.objects.get(pk=store.pk)


def active_store(*, platform: Platform, code: str) -> Store | None:
    """The platform's active store with ``code``, or None."""
    return Store.objects.filter(platform=platform, code=code, is_active=True).first()


def store_code_taken(*, platform: Platform, code: str) -> bool:
    """Whether a store of the platform, active or not, already has ``code``."""
    return Store.objects.filter(platform=platform, code=code).exists()


def memberships(*, store: Store) -> QuerySet[StoreMembership]:
    """The store's memberships by id, with user, role and store (the store API's list, and one by pk)."""
    with scope(store=store):
        return StoreMembership.objects.filter(store=store).select_related("user", "role", "store").order_by("pk")


def store_members(*, store: Store) -> QuerySet[StoreMembership]:
    return StoreMembership.objects.filter(store=store).select_related("user", "role").order_by("created_at", "pk")


def pending_invitations(*, store: Store) -> QuerySet[Invitation]:
    """Invitations not yet accepted, revoked or expired, newest first."""
    return (
        Invitation.objects.filter(store=store, accepted_at=None, revoked_at=None, expires_at__gt=timezone.now())
        .select_related("role", "invited_by")
        .order_by("-created_at")
    )


def store_invitations(*, store: Store) -> QuerySet[Invitation]:
    """All the store's invitations, open or not, with their role (for one by pk)."""
    return Invitation.objects.filter(store=store).select_related("role")


def team_entries() -> QuerySet[AuditEntry]:
    """The team's changes in the audit trail of the store in scope, newest first."""
    return AuditEntry.objects.filter(action__in=TEAM_ACTIONS).select_related("actor")


def recent_team_events(*, store: Store, limit: int = 20) -> list[TeamEvent]:
    """The team's latest audit entries, newest first (one query)."""
    return [TeamEvent(entry) for entry in team_entries().filter(store=store)[:limit]]


def store_roles(*, store: Store) -> QuerySet[StoreRole]:
    """The store's roles by id (the team pages' and the store API's, and a role form's choices)."""
    with scope(store=store):
        return StoreRole.objects.filter(store=store).order_by("pk")


def role_details(*, store: Store) -> QuerySet[StoreRole]:
    """The store's roles by id, with their store (one by pk, for the services)."""
    return store_roles(store=store).select_related("store")


def invitations(*, store: Store) -> QuerySet[Invitation]:
    """All the store's invitations, newest first, with role, inviter and store (the store API's)."""
    with scope(store=store):
        return (
            Invitation.objects.filter(store=store)
            .select_related("role", "invited_by", "store")
            .order_by("-created_at", "-pk")
        )


def store_domains(*, store: Store) -> QuerySet[StoreDomain]:
    return StoreDomain.objects.filter(store=store).order_by("-is_primary", "domain")


def grantable_roles(*, store: Store, actor: Any) -> list[StoreRole]:
    """The roles ``actor`` may hand out in ``store``: the same rule the services enforce."""
    granted = []
    for role in store_roles(store=store):
        try:
            services._check_can_grant_role(store=store, actor=actor, role=role)
        except exceptions.PermissionEscalationError:
            continue
        granted.append(role)
    return granted


def effective_permission_count(role: StoreRole, modules: frozenset[str] | None) -> int:
    """How many permissions ``role`` grants among the enabled ``modules``."""
    return len(role_permissions(role) & set(declared_permissions(modules)))


def permission_groups(modules: frozenset[str] | None) -> list[PermissionGroup]:
    """The permissions of the enabled ``modules``, grouped by module in registry order."""
    declared = declared_permissions(modules)
    groups = []
    for code, definition in registry.MODULES.items():
        permissions = tuple(p for p in definition.permissions if p.id in declared)
        if permissions:
            groups.append(PermissionGroup(module=code, name=str(definition.name), permissions=permissions))
    return groups

"""Writes of the tenancy module: stores, signup, roles, team members and invitations.

Every function is atomic and checks the actor's rights itself, so the store
pages, the API and commands share one set of rules: nobody grants a
permission or role they lack, a store keeps at least one owner, and nobody
changes their own role.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from orion.modules import state
from orion.permissions import declared_permissions, has_store_permission, is_member, module_of
from orion.services import (
    changes_between,
    record,
    record_changed,
    record_created,
    record_deleted,
    snapshot,
    store_write,
)

from . import activity, exceptions, roles
from .models import (
    Invitation,
    Merchant,
    Platform,
    PlatformDomain,
    Store,
    StoreDomain,
    StoreMembership,
    StoreRole,
)

BUILTIN_ROLE_NAMES = {
    StoreRole.Kind.OWNER: "Owner",
    StoreRole.Kind.MANAGER: "Manager",
    StoreRole.Kind.STAFF: "Staff",
}
INVITATION_LIFETIME = timedelta(days=getattr(settings, "ORION_INVITATION_DAYS", 7))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- Stores ----------------------------------------------------------------


@transaction.atomic
def store_create(
    *,
    platform: Platform,
    merchant: Merchant,
    code: str,
    name: str,
    owner: Any,
    default_language: str = settings.LANGUAGE_CODE,
    currency: str = "EUR",
) -> Store:
    """A store with its built-in roles, and ``owner`` as its first owner."""
    if Store.objects.filter(platform=platform, code=code).exists():
        raise exceptions.StoreCodeTakenError()
    store = Store(
        platform=platform,
        merchant=merchant,
        code=code,
        name=name,
        default_language=default_language,
        currency=currency,
        contact_email=merchant.email,
    )
    store.full_clean()
    store.save()
    _create_team(store=store, actor=owner)
    state.invalidate()
    return store


@store_write
def _create_team(*, store: Store, actor: Any) -> None:
    """A new store's built-in roles, and ``actor`` as its first owner."""
    owner_role = None
    for kind, role_name in BUILTIN_ROLE_NAMES.items():
        role = StoreRole.objects.create(store=store, kind=kind, name=role_name)
        owner_role = owner_role or role
    assert owner_role is not None  # BUILTIN_ROLE_NAMES is not empty
    membership = StoreMembership.objects.create(store=store, user=actor, role=owner_role)
    record(membership, activity.MEMBER_JOINED, activity.role_changes(None, owner_role), object_repr=actor.email)


@transaction.atomic
def merchant_signup(
    *,
    platform: Platform,
    company_name: str,
    email: str,
    full_name: str,
    password: str,
    store_name: str,
    store_code: str,
    default_language: str = settings.LANGUAGE_CODE,
) -> Store:
    """A new merchant from the public signup form: user, merchant, store, owner membership."""
    user = get_user_model().objects.create_user(email, password, full_name=full_name)
    merchant = Merchant.objects.create(platform=platform, name=company_name, email=user.email)
    return store_create(
        platform=platform,
        merchant=merchant,
        code=store_code,
        name=store_name,
        owner=user,
        default_language=default_language,
    )


@store_write
def store_update(*, store: Store, actor: Any, **fields: Any) -> Store:
    """Change a store's general settings (fields the settings form offers).

    Works on a fresh, locked row: the ``store`` passed in may be
    ``request.store``, shared with other requests through the tenant cache,
    and must not carry half-applied input if validation fails.
    """
    store = Store.objects.select_for_update().get(pk=store.pk)
    before = snapshot(store, fields)
    for name, value in fields.items():
        setattr(store, name, value)
    store.full_clean()
    store.save(update_fields=list(fields))
    record_changed(store, "tenancy.store.updated", before=before)
    state.invalidate()
    return store


# --- Domains ---------------------------------------------------------------


DOMAIN_AUDITED = ("domain", "is_primary")


def _check_manages_domains(*, store: Store, actor: Any) -> None:
    if not has_store_permission(actor, store, "tenancy.manage_domains"):
        raise exceptions.NotAllowedError()


@store_write
def store_domain_add(*, store: Store, actor: Any, domain: str) -> StoreDomain:
    """Connect the merchant's own domain to the storefront; the first domain becomes primary.

    A platform's domains and every name under them are refused: the platform
    hands out its subdomains itself, so a store cannot take another's name.
    """
    _check_manages_domains(store=store, actor=actor)
    domain = domain.strip().lower().rstrip(".")
    labels = domain.split(".")
    suffixes = [".".join(labels[i:]) for i in range(len(labels))]
    if PlatformDomain.objects.filter(domain__in=suffixes).exists():
        raise exceptions.DomainReservedError()
    with scopes_disabled():  # unique across every store
        if StoreDomain.objects.filter(domain__iexact=domain).exists():
            raise exceptions.DomainTakenError()
    is_primary = not StoreDomain.objects.filter(store=store).exists()
    store_domain = StoreDomain(store=store, domain=domain, kind=StoreDomain.Kind.CUSTOM, is_primary=is_primary)
    store_domain.full_clean()
    store_domain.save()
    record_created(store_domain, "tenancy.domain.added", DOMAIN_AUDITED)
    state.invalidate()
    return store_domain


@store_write(store_from="store_domain")
def store_domain_make_primary(*, store_domain: StoreDomain, actor: Any) -> StoreDomain:
    """Make this the domain the store's links use."""
    store = store_domain.store
    _check_manages_domains(store=store, actor=actor)
    previous = StoreDomain.objects.filter(store=store, is_primary=True).exclude(pk=store_domain.pk).first()
    StoreDomain.objects.filter(store=store).exclude(pk=store_domain.pk).update(is_primary=False)
    store_domain.is_primary = True
    store_domain.save(update_fields=["is_primary"])
    record(store_domain, "tenancy.domain.made_primary", {"is_primary": [False, True]})
    if previous is not None:
        record(previous, "tenancy.domain.updated", {"is_primary": [True, False]})
    state.invalidate()  # update() sends no post_save
    return store_domain


@store_write(store_from="store_domain")
def store_domain_remove(*, store_domain: StoreDomain, actor: Any) -> None:
    """Disconnect a custom domain; when it was primary, the next one takes over."""
    store = store_domain.store
    _check_manages_domains(store=store, actor=actor)
    store_domain = StoreDomain.objects.select_for_update().get(pk=store_domain.pk)  # is_primary as it is now
    if store_domain.kind != StoreDomain.Kind.CUSTOM:
        raise exceptions.DomainReservedError(_("The platform's subdomain of a store cannot be removed."))
    was_primary = store_domain.is_primary
    record_deleted(store_domain, "tenancy.domain.removed", DOMAIN_AUDITED)
    store_domain.delete()
    successor = StoreDomain.objects.filter(store=store).order_by("kind", "domain").first()
    if was_primary and successor is not None:
        successor.is_primary = True
        successor.save(update_fields=["is_primary"])
    state.invalidate()


# --- Roles -----------------------------------------------------------------


def _role_values(role: StoreRole) -> dict[str, Any]:
    """What the trail keeps of a custom role: its name and its permissions."""
    return {"name": role.name, "permissions": list(role.permissions)}


def _check_can_grant(*, store: Store, actor: Any, permissions: Iterable[str]) -> None:
    """The actor must hold every permission they hand out.

    Permissions of modules that are off for the platform are held by nobody
    and grant nothing, so they are not checked (a manager role lists them all).
    """
    enabled = state.enabled_modules(store.platform_id)
    for permission in permissions:
        if module_of(permission) in enabled and not has_store_permission(actor, store, permission, modules=enabled):
            raise exceptions.PermissionEscalationError()


def _check_can_grant_role(*, store: Store, actor: Any, role: StoreRole) -> None:
    if role.kind == StoreRole.Kind.OWNER and not _is_owner(store=store, user=actor):
        raise exceptions.PermissionEscalationError()
    _check_can_grant(store=store, actor=actor, permissions=roles.role_permissions(role))


def _clean_permissions(*, store: Store, permissions: Iterable[str]) -> list[str]:
    enabled = state.enabled_modules(store.platform_id)
    available = declared_permissions(enabled)
    unknown = sorted(set(permissions) - set(available))
    if unknown:
        raise exceptions.UnknownPermissionError(errors={"permissions": unknown})
    return sorted(set(permissions))


@store_write
def role_create(*, store: Store, actor: Any, name: str, permissions: Iterable[str]) -> StoreRole:
    permissions = _clean_permissions(store=store, permissions=permissions)
    _check_can_grant(store=store, actor=actor, permissions=permissions)
    role = StoreRole(store=store, kind=StoreRole.Kind.CUSTOM, name=name, permissions=permissions)
    role.full_clean()
    role.save()
    record(role, activity.ROLE_CREATED, changes_between({}, _role_values(role)), object_repr=role.name)
    return role


@store_write(store_from="role")
def role_update(*, role: StoreRole, actor: Any, name: str, permissions: Iterable[str]) -> StoreRole:
    if role.is_builtin:
        raise exceptions.BuiltinRoleError()
    permissions = _clean_permissions(store=role.store, permissions=permissions)
    # Both what is added and what is already there: editing a role is granting it.
    _check_can_grant(store=role.store, actor=actor, permissions=set(permissions) | set(role.permissions))
    before = _role_values(role)
    role.name, role.permissions = name, permissions
    role.full_clean()
    role.save(update_fields=["name", "permissions"])
    record(role, activity.ROLE_UPDATED, changes_between(before, _role_values(role)), object_repr=role.name)
    return role


@store_write(store_from="role")
def role_delete(*, role: StoreRole, actor: Any) -> None:
    if role.is_builtin:
        raise exceptions.BuiltinRoleError()
    _check_can_grant(store=role.store, actor=actor, permissions=roles.role_permissions(role))
    if role.memberships.exists() or role.invitations.filter(accepted_at=None, revoked_at=None).exists():
        raise exceptions.RoleInUseError()
    record(role, activity.ROLE_DELETED, changes_between(_role_values(role), {}), object_repr=role.name)
    role.delete()


# --- Members ---------------------------------------------------------------


def _is_owner(*, store: Store, user: Any) -> bool:
    return StoreMembership.objects.filter(
        store=store, user=user, role__kind=StoreRole.Kind.OWNER, is_active=True
    ).exists()


def _lock_owners(store: Store) -> list[int]:
    """Lock the store's active owner memberships so two changes cannot both pass the last-owner check."""
    return list(
        StoreMembership.objects.select_for_update()
        .filter(store=store, role__kind=StoreRole.Kind.OWNER, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _check_may_change(*, membership: StoreMembership, actor: Any) -> None:
    if membership.user_id == actor.pk:
        raise exceptions.OwnMembershipError()
    if membership.role.kind == StoreRole.Kind.OWNER and not _is_owner(store=membership.store, user=actor):
        raise exceptions.PermissionEscalationError()
    _check_can_grant_role(store=membership.store, actor=actor, role=membership.role)


@store_write(store_from="membership")
def membership_change_role(*, membership: StoreMembership, actor: Any, role: StoreRole) -> StoreMembership:
    if role.store_id != membership.store_id:
        raise exceptions.UnknownPermissionError()
    _check_may_change(membership=membership, actor=actor)
    _check_can_grant_role(store=membership.store, actor=actor, role=role)
    owners = _lock_owners(membership.store)
    if membership.pk in owners and role.kind != StoreRole.Kind.OWNER and len(owners) == 1:
        raise exceptions.LastOwnerError()
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    record(
        membership, activity.MEMBER_ROLE_CHANGED, activity.role_changes(before, role), object_repr=membership.user.email
    )
    return membership


@store_write(store_from="membership")
def membership_set_active(*, membership: StoreMembership, actor: Any, is_active: bool) -> StoreMembership:
    """Suspend a member (no access, place and role kept) or reactivate them."""
    _check_may_change(membership=membership, actor=actor)
    owners = _lock_owners(membership.store)
    if not is_active and membership.pk in owners and len(owners) == 1:
        raise exceptions.LastOwnerError()
    if membership.is_active != is_active:
        membership.is_active = is_active
        membership.save(update_fields=["is_active"])
        action = activity.MEMBER_REACTIVATED if is_active else activity.MEMBER_SUSPENDED
        record(membership, action, {"is_active": [not is_active, is_active]}, object_repr=membership.user.email)
    return membership


@store_write(store_from="membership")
def membership_remove(*, membership: StoreMembership, actor: Any) -> None:
    """Remove a member; members may also leave by removing themselves."""
    if membership.user_id != actor.pk:
        _check_may_change(membership=membership, actor=actor)
    owners = _lock_owners(membership.store)
    if membership.pk in owners and len(owners) == 1:
        raise exceptions.LastOwnerError()
    left = membership.user_id == actor.pk
    action = activity.MEMBER_LEFT if left else activity.MEMBER_REMOVED
    record(membership, action, activity.role_changes(membership.role, None), object_repr=membership.user.email)
    membership.delete()


# --- Invitations -----------------------------------------------------------


@store_write
def invitation_create(*, store: Store, actor: Any, email: str, role: StoreRole) -> tuple[Invitation, str]:
    """An invitation and its token; the email goes out through Celery after commit."""
    from .tasks import send_invitation_email

    email = get_user_model().objects.normalize_email(email).strip()
    if role.store_id != store.pk:
        raise exceptions.UnknownPermissionError()
    _check_can_grant_role(store=store, actor=actor, role=role)
    if StoreMembership.objects.filter(store=store, user__email__iexact=email).exists():
        raise exceptions.AlreadyMemberError()
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        store=store,
        email=email,
        role=role,
        token_hash=hash_token(token),
        invited_by=actor,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    invitation.full_clean()
    invitation.save()
    record(invitation, activity.INVITATION_SENT, activity.role_changes(None, role), object_repr=email)
    transaction.on_commit(lambda: send_invitation_email.delay(invitation.pk, token))
    return invitation, token


def invitation_for_token(token: str) -> Invitation:
    """The pending invitation a token opens, from any store (the token is the proof)."""
    with scopes_disabled():
        invitation = Invitation.objects.select_related("store", "role").filter(token_hash=hash_token(token)).first()
    if invitation is None or not invitation.is_pending:
        raise exceptions.InvitationInvalidError()
    return invitation


def invitation_accept(*, token: str, user: Any) -> StoreMembership:
    """Join the team: once, before expiry, and only as the invited address."""
    invitation = invitation_for_token(token)
    return _join(invitation=invitation, user=user)


@store_write(store_from="invitation", actor="user")
def _join(*, invitation: Invitation, user: Any) -> StoreMembership:
    invitation = Invitation.objects.select_for_update().select_related("store", "role").get(pk=invitation.pk)
    if not invitation.is_pending:  # accepted by a concurrent request
        raise exceptions.InvitationInvalidError()
    if invitation.email.lower() != user.email.lower():
        raise exceptions.InvitationWrongUserError()
    if is_member(user, invitation.store) and not user.is_superuser:
        raise exceptions.AlreadyMemberError()
    try:
        with transaction.atomic():
            membership = StoreMembership.objects.create(store=invitation.store, user=user, role=invitation.role)
    except IntegrityError as exc:
        raise exceptions.AlreadyMemberError() from exc
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record(membership, activity.MEMBER_JOINED, activity.role_changes(None, invitation.role), object_repr=user.email)
    return membership


@transaction.atomic
def invitation_signup(*, token: str, full_name: str, password: str) -> StoreMembership:
    """Create the invited person's account and join the team, in one step.

    Only for an address with no account yet: whoever holds an account logs
    in to accept, so the token never takes over an existing user.
    """
    invitation = invitation_for_token(token)
    user_model = get_user_model()
    if user_model.objects.filter(email__iexact=invitation.email).exists():
        raise exceptions.AccountExistsError()
    user = user_model.objects.create_user(invitation.email, password, full_name=full_name)
    return invitation_accept(token=token, user=user)


@store_write(store_from="invitation")
def invitation_revoke(*, invitation: Invitation, actor: Any) -> None:
    _check_can_grant_role(store=invitation.store, actor=actor, role=invitation.role)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        record(invitation, activity.INVITATION_REVOKED, object_repr=invitation.email)

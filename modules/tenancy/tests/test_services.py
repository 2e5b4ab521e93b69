"""The rules tenancy's services enforce: roles, team, invitations, domains; and the selectors they share."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from modules.tenancy import exceptions, selectors, services
from modules.tenancy.models import Invitation, Store, StoreDomain, StoreMembership, StoreRole
from modules.tenancy.testing import PASSWORD, add_member, make_store, make_user, owner_of

pytestmark = pytest.mark.django_db


def role_of(store, kind: str) -> StoreRole:
    with scope(store=store):
        return StoreRole.objects.get(kind=kind)


def membership_of(store, user) -> StoreMembership | None:
    with scopes_disabled():
        return StoreMembership.objects.select_related("role", "store").filter(store=store, user=user).first()


def custom_role(store, name: str, permissions: list[str]) -> StoreRole:
    with scope(store=store):
        return StoreRole.objects.create(store=store, name=name, permissions=permissions)


def invite(store, email: str, kind: str = "staff") -> tuple[Invitation, str]:
    with scope(store=store):
        return services.invitation_create(store=store, actor=owner_of(store), email=email, role=role_of(store, kind))


# --- Roles ---------------------------------------------------------------------


def test_role_create_keeps_sorted_unique_permissions(store):
    with scope(store=store):
        role = services.role_create(
            store=store,
            actor=owner_of(store),
            name="Support",
            permissions=["tenancy.view_team", "tenancy.manage_team", "tenancy.view_team"],
        )
    assert (role.kind, role.permissions) == ("custom", ["tenancy.manage_team", "tenancy.view_team"])


def test_role_create_refuses_permissions_of_disabled_or_unknown_modules(store):
    with scope(store=store), pytest.raises(exceptions.UnknownPermissionError) as caught:
        services.role_create(store=store, actor=owner_of(store), name="X", permissions=["catalog.view_product"])
    assert caught.value.errors == {"permissions": ["catalog.view_product"]}


def test_role_create_refuses_what_the_actor_lacks(store):
    # given a manager (no owner-only permissions)
    manager = add_member(store, "manager@acme.test", "manager")
    # when they create a role with an owner-only permission, then it is an escalation
    with scope(store=store), pytest.raises(exceptions.PermissionEscalationError):
        services.role_create(store=store, actor=manager, name="Web", permissions=["tenancy.manage_domains"])
    with scope(store=store):
        assert not StoreRole.objects.filter(name="Web").exists()


def test_role_update_counts_what_the_role_already_grants(store):
    # given a custom role with an owner-only permission, and a manager
    role = custom_role(store, "Web", ["tenancy.manage_domains"])
    manager = add_member(store, "manager@acme.test", "manager")
    # when the manager edits it, even to remove that permission, then it is refused
    with scope(store=store), pytest.raises(exceptions.PermissionEscalationError):
        services.role_update(role=role, actor=manager, name="Web", permissions=[])


@pytest.mark.parametrize("kind", ["owner", "manager", "staff"])
def test_builtin_roles_cannot_be_changed_or_deleted(store, kind):
    role = role_of(store, kind)
    with scope(store=store):
        with pytest.raises(exceptions.BuiltinRoleError):
            services.role_update(role=role, actor=owner_of(store), name="X", permissions=[])
        with pytest.raises(exceptions.BuiltinRoleError):
            services.role_delete(role=role, actor=owner_of(store))


def test_role_in_use_by_a_member_or_open_invitation_is_kept(store):
    used = custom_role(store, "Used", ["tenancy.view_team"])
    invited = custom_role(store, "Invited", ["tenancy.view_team"])
    add_member(store, "used@acme.test", role=used)
    with scope(store=store):
        services.invitation_create(store=store, actor=owner_of(store), email="new@example.com", role=invited)
        for role in (used, invited):
            with pytest.raises(exceptions.RoleInUseError):
                services.role_delete(role=role, actor=owner_of(store))
        assert StoreRole.objects.filter(pk__in=[used.pk, invited.pk]).count() == 2


def test_duplicate_role_name_fails_validation(store):
    with scope(store=store), pytest.raises(ValidationError):
        services.role_create(store=store, actor=owner_of(store), name="Owner", permissions=[])


# --- Team ---------------------------------------------------------------------


def test_nobody_changes_their_own_role(store):
    owner = owner_of(store)
    with scope(store=store), pytest.raises(exceptions.OwnMembershipError):
        services.membership_change_role(
            membership=membership_of(store, owner), actor=owner, role=role_of(store, "staff")
        )


def test_manager_cannot_touch_an_owner_or_make_one(store):
    manager = add_member(store, "manager@acme.test", "manager")
    staff = add_member(store, "staff@acme.test", "staff")
    with scope(store=store):
        with pytest.raises(exceptions.PermissionEscalationError):
            services.membership_change_role(
                membership=membership_of(store, owner_of(store)), actor=manager, role=role_of(store, "staff")
            )
        with pytest.raises(exceptions.PermissionEscalationError):
            services.membership_change_role(
                membership=membership_of(store, staff), actor=manager, role=role_of(store, "owner")
            )
        with pytest.raises(exceptions.PermissionEscalationError):
            services.membership_remove(membership=membership_of(store, owner_of(store)), actor=manager)
    assert membership_of(store, staff).role.kind == "staff"


def test_manager_changes_staff_to_manager(store):
    manager = add_member(store, "manager@acme.test", "manager")
    staff = add_member(store, "staff@acme.test", "staff")
    with scope(store=store):
        services.membership_change_role(
            membership=membership_of(store, staff), actor=manager, role=role_of(store, "manager")
        )
    assert membership_of(store, staff).role.kind == "manager"


def test_role_of_another_store_is_refused(store, other_store):
    staff = add_member(store, "staff@acme.test", "staff")
    with scope(store=store), pytest.raises(exceptions.UnknownPermissionError):
        services.membership_change_role(
            membership=membership_of(store, staff), actor=owner_of(store), role=role_of(other_store, "owner")
        )


def test_last_owner_cannot_leave_but_one_of_two_can(store):
    owner = owner_of(store)
    with scope(store=store), pytest.raises(exceptions.LastOwnerError):
        services.membership_remove(membership=membership_of(store, owner), actor=owner)
    assert membership_of(store, owner) is not None
    # given a second owner, the first may leave
    add_member(store, "second@acme.test", "owner")
    with scope(store=store):
        services.membership_remove(membership=membership_of(store, owner), actor=owner)
    assert membership_of(store, owner) is None


def test_owner_demotes_another_owner(store):
    second = add_member(store, "second@acme.test", "owner")
    with scope(store=store):
        services.membership_change_role(
            membership=membership_of(store, second), actor=owner_of(store), role=role_of(store, "manager")
        )
    assert membership_of(store, second).role.kind == "manager"


# --- Invitations -----------------------------------------------------------------


def test_invitation_stores_only_the_hash_and_sends_the_link(store, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = invite(store, "New@Example.COM")
    assert invitation.email == "New@example.com"
    assert invitation.token_hash == services.hash_token(token) and token not in invitation.token_hash
    assert invitation.expires_at > timezone.now() + timedelta(days=6)
    assert len(mailoutbox) == 1 and f"/invitations/{token}/" in mailoutbox[0].body


def test_invitation_refuses_members_escalation_and_foreign_roles(store, other_store):
    add_member(store, "staff@acme.test", "staff")
    manager = add_member(store, "manager@acme.test", "manager")
    with scope(store=store):
        with pytest.raises(exceptions.AlreadyMemberError):
            services.invitation_create(
                store=store, actor=owner_of(store), email="STAFF@acme.test", role=role_of(store, "staff")
            )
        with pytest.raises(exceptions.PermissionEscalationError):
            services.invitation_create(store=store, actor=manager, email="x@example.com", role=role_of(store, "owner"))
        with pytest.raises(exceptions.UnknownPermissionError):
            services.invitation_create(
                store=store, actor=owner_of(store), email="x@example.com", role=role_of(other_store, "staff")
            )
        assert not Invitation.objects.exists()


def test_accept_creates_the_membership_once(store):
    invitation, token = invite(store, "new@example.com", "manager")
    user = make_user("NEW@example.com")
    membership = services.invitation_accept(token=token, user=user)
    assert (membership.store, membership.user, membership.role.kind) == (store, user, "manager")
    with scope(store=store):
        invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None
    with pytest.raises(exceptions.InvitationInvalidError):
        services.invitation_accept(token=token, user=user)


@pytest.mark.parametrize("field", ["expires_at", "revoked_at"])
def test_expired_or_revoked_invitation_is_invalid(store, field):
    invitation, token = invite(store, "new@example.com")
    value = timezone.now() - timedelta(seconds=1) if field == "expires_at" else timezone.now()
    with scopes_disabled():
        Invitation.objects.filter(pk=invitation.pk).update(**{field: value})
    user = make_user("new@example.com")
    with pytest.raises(exceptions.InvitationInvalidError):
        services.invitation_accept(token=token, user=user)
    assert membership_of(store, user) is None


def test_accept_as_another_user_is_refused(store):
    _invitation, token = invite(store, "new@example.com")
    other = make_user("other@example.com")
    with pytest.raises(exceptions.InvitationWrongUserError):
        services.invitation_accept(token=token, user=other)
    assert membership_of(store, other) is None


def test_revoke_needs_the_right_to_grant_the_role(store):
    invitation, _token = invite(store, "boss@example.com", "owner")
    manager = add_member(store, "manager@acme.test", "manager")
    with scope(store=store):
        with pytest.raises(exceptions.PermissionEscalationError):
            services.invitation_revoke(invitation=invitation, actor=manager)
        services.invitation_revoke(invitation=invitation, actor=owner_of(store))
        invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_signup_creates_the_account_and_joins(store):
    _invitation, token = invite(store, "new@example.com")
    membership = services.invitation_signup(token=token, full_name="Nora New", password=PASSWORD)
    user = get_user_model().objects.get(email="new@example.com")
    assert membership.user == user and user.check_password(PASSWORD) and user.full_name == "Nora New"


def test_signup_never_takes_over_an_existing_account(store):
    existing = make_user("New@example.com")
    _invitation, token = invite(store, "new@example.com")
    with pytest.raises(exceptions.AccountExistsError):
        services.invitation_signup(token=token, full_name="Mallory", password="another strong passphrase")
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD) and membership_of(store, existing) is None


def test_signup_with_a_spoiled_token_creates_nobody(store):
    invitation, token = invite(store, "new@example.com")
    with scopes_disabled():
        Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    with pytest.raises(exceptions.InvitationInvalidError):
        services.invitation_signup(token=token, full_name="Nora", password=PASSWORD)
    assert not get_user_model().objects.filter(email="new@example.com").exists()


# --- Domains ---------------------------------------------------------------------


def domains_of(store) -> list[tuple[str, bool]]:
    with scope(store=store):
        return list(StoreDomain.objects.order_by("domain").values_list("domain", "is_primary"))


def test_domain_add_normalises_and_makes_the_first_primary(store):
    owner = owner_of(store)
    services.store_domain_add(store=store, actor=owner, domain=" Shop.Example.COM. ")
    services.store_domain_add(store=store, actor=owner, domain="www.example.org")
    assert domains_of(store) == [("shop.example.com", True), ("www.example.org", False)]


@pytest.mark.parametrize(
    ("domain", "error"),
    [
        ("testserver", exceptions.DomainReservedError),
        ("shop.testserver", exceptions.DomainReservedError),
        ("TAKEN.example.com", exceptions.DomainTakenError),
        ("bad_host!", ValidationError),
    ],
    ids=["platform-domain", "under-platform-domain", "taken", "invalid"],
)
def test_domain_add_refuses(store, other_store, domain, error):
    with scope(store=other_store):
        StoreDomain.objects.create(store=other_store, domain="taken.example.com")
    with pytest.raises(error):
        services.store_domain_add(store=store, actor=owner_of(store), domain=domain)
    assert domains_of(store) == []


def test_domains_need_the_permission(store):
    manager = add_member(store, "manager@acme.test", "manager")
    with pytest.raises(exceptions.NotAllowedError):
        services.store_domain_add(store=store, actor=manager, domain="shop.example.com")


def test_make_primary_and_remove_hand_over_primary(store):
    owner = owner_of(store)
    first = services.store_domain_add(store=store, actor=owner, domain="a.example.com")
    second = services.store_domain_add(store=store, actor=owner, domain="b.example.com")
    services.store_domain_make_primary(store_domain=second, actor=owner)
    assert domains_of(store) == [("a.example.com", False), ("b.example.com", True)]
    services.store_domain_remove(store_domain=second, actor=owner)
    assert domains_of(store) == [("a.example.com", True)]
    services.store_domain_remove(store_domain=first, actor=owner)
    assert domains_of(store) == []


def test_platform_subdomain_is_not_removed(store):
    with scope(store=store):
        subdomain = StoreDomain.objects.create(store=store, domain="acme.example.com", kind="subdomain")
    with pytest.raises(exceptions.DomainReservedError):
        services.store_domain_remove(store_domain=subdomain, actor=owner_of(store))
    assert domains_of(store) == [("acme.example.com", False)]


def test_domain_changes_reach_the_tenant_cache(store):
    from orion.modules import state

    owner = owner_of(store)
    assert state.resolve("shop.example.com", None) is None
    added = services.store_domain_add(store=store, actor=owner, domain="shop.example.com")
    assert state.resolve("shop.example.com", None).store == store
    services.store_domain_remove(store_domain=added, actor=owner)
    assert state.resolve("shop.example.com", None) is None


# --- Selectors -------------------------------------------------------------------


def test_stores_of_user_keeps_to_the_user_and_platform(store, other_store, other_platform):
    # given a user on acme (staff) and bravo (manager), on a store of another platform, and a closed store
    user = add_member(store, "multi@example.com", "staff")
    add_member(other_store, "multi@example.com", "manager")
    add_member(make_store(other_platform, "far"), "multi@example.com", "owner")
    closed = make_store(store.platform, "closed")
    add_member(closed, "multi@example.com", "staff")
    Store.objects.filter(pk=closed.pk).update(status="closed")
    add_member(store, "someone@example.com", "owner")
    # then only this platform's active stores are listed, with the user's roles
    found = selectors.stores_of_user(user=user, platform=store.platform)
    assert [(m.store.code, m.role.kind, m.user) for m in found] == [("acme", "staff", user), ("bravo", "manager", user)]
    assert [m.store.code for m in selectors.stores_of_user(user=user, platform=other_platform)] == ["far"]


def test_grantable_roles_follow_the_actor(store):
    custom = custom_role(store, "Web", ["tenancy.manage_domains"])
    manager = add_member(store, "manager@acme.test", "manager")
    with scope(store=store):
        assert selectors.grantable_roles(store=store, actor=owner_of(store)) == [
            role_of(store, "owner"),
            role_of(store, "manager"),
            role_of(store, "staff"),
            custom,
        ]
        assert selectors.grantable_roles(store=store, actor=manager) == [
            role_of(store, "manager"),
            role_of(store, "staff"),
        ]


def test_store_selectors_keep_to_the_store(store, other_store):
    add_member(other_store, "staff@bravo.test", "staff")
    invite(other_store, "new@example.com")
    with scope(store=store):
        assert [m.store_id for m in selectors.store_members(store=store)] == [store.pk]
        assert list(selectors.pending_invitations(store=store)) == []
    with scope(store=other_store):
        assert len(selectors.pending_invitations(store=other_store)) == 1


def test_store_update_never_touches_the_object_it_is_given(store):
    """request.store is shared through the tenant cache: bad input must not stick to it."""
    with pytest.raises(ValidationError):
        services.store_update(store=store, actor=None, contact_email="not an email")

    assert store.contact_email == "office@acme.test"
    store.refresh_from_db()
    assert store.contact_email == "office@acme.test"


# --- Suspension ------------------------------------------------------------


def _membership(store, user):
    with scope(store=store):
        return StoreMembership.objects.select_related("role", "store").get(user=user)


def _set_active(store, user, actor, is_active):
    with scope(store=store):
        return services.membership_set_active(membership=_membership(store, user), actor=actor, is_active=is_active)


def test_a_suspended_member_loses_access_and_keeps_their_role(client, store, member):
    clerk = member(store, "clerk@acme.test", "staff")
    client.force_login(clerk)
    assert client.get("/store/acme/tenancy/team/").status_code == 200

    _set_active(store, clerk, owner_of(store), False)

    assert client.get("/store/acme/tenancy/team/").status_code == 404  # an outsider now
    assert _membership(store, clerk).role.kind == "staff"
    _set_active(store, clerk, owner_of(store), True)
    assert client.get("/store/acme/tenancy/team/").status_code == 200


def test_the_last_active_owner_cannot_be_suspended_even_by_a_racing_owner(store, member, monkeypatch):
    """Two owners suspending each other at once: the owner rows are locked, the second one is refused."""
    second = member(store, "second@acme.test", "owner")
    first = owner_of(store)
    _set_active(store, second, first, False)
    # The second owner's rights were checked before the first change committed (the race):
    monkeypatch.setattr(services, "_check_may_change", lambda **kwargs: None)

    with pytest.raises(exceptions.LastOwnerError):
        _set_active(store, first, second, False)


def test_nobody_suspends_themselves_or_someone_stronger(store, member):
    manager = member(store, "manager@acme.test", "manager")

    with pytest.raises(exceptions.OwnMembershipError):
        _set_active(store, manager, manager, False)
    with pytest.raises(exceptions.PermissionEscalationError):
        _set_active(store, owner_of(store), manager, False)


def test_a_suspended_owner_cannot_act_as_owner(store, member):
    second = member(store, "second@acme.test", "owner")
    clerk = member(store, "clerk@acme.test", "staff")
    _set_active(store, second, owner_of(store), False)

    with pytest.raises(exceptions.PermissionEscalationError):
        _set_active(store, clerk, second, False)


# --- The team's audit trail ---------------------------------------------------


def _events(store):
    from modules.tenancy.activity import TEAM_ACTIONS
    from orion.audit.models import AuditEntry

    with scope(store=store):
        return [
            (e.actor.email if e.actor else None, e.action, e.object_repr, e.changes)
            for e in AuditEntry.objects.filter(action__in=TEAM_ACTIONS).order_by("pk")
        ]


def test_every_team_change_is_recorded_with_who_did_it(store):
    owner = owner_of(store)
    with scope(store=store):
        staff_role = StoreRole.objects.get(kind="staff")
        manager_role = StoreRole.objects.get(kind="manager")
        invitation, token = services.invitation_create(store=store, actor=owner, email="max@acme.test", role=staff_role)
    max_ = make_user("max@acme.test")
    services.invitation_accept(token=token, user=max_)
    with scope(store=store):
        membership = StoreMembership.objects.get(user=max_)
        services.membership_change_role(membership=membership, actor=owner, role=manager_role)
        services.membership_set_active(membership=membership, actor=owner, is_active=False)
        services.membership_remove(membership=membership, actor=owner)
        packer = services.role_create(store=store, actor=owner, name="Packer", permissions=["tenancy.view_team"])
        services.role_delete(role=packer, actor=owner)

    assert [(actor, action, subject) for actor, action, subject, _details in _events(store)] == [
        ("owner@acme.test", "tenancy.member.joined", "owner@acme.test"),  # the store was created
        ("owner@acme.test", "tenancy.invitation.sent", "max@acme.test"),
        ("max@acme.test", "tenancy.member.joined", "max@acme.test"),
        ("owner@acme.test", "tenancy.member.role_changed", "max@acme.test"),
        ("owner@acme.test", "tenancy.member.suspended", "max@acme.test"),
        ("owner@acme.test", "tenancy.member.removed", "max@acme.test"),
        ("owner@acme.test", "tenancy.role.created", "Packer"),
        ("owner@acme.test", "tenancy.role.deleted", "Packer"),
    ]
    assert _events(store)[3][3] == {"role": ["Staff", "Manager"], "role_kind": ["staff", "manager"]}
    assert _events(store)[4][3] == {"is_active": [True, False]}
    assert _events(store)[6][3] == {"name": [None, "Packer"], "permissions": [None, ["tenancy.view_team"]]}


def test_a_refused_change_leaves_no_trace(store, member):
    manager = member(store, "manager@acme.test", "manager")
    before = _events(store)

    with scope(store=store), pytest.raises(exceptions.PermissionEscalationError):
        services.membership_set_active(
            membership=StoreMembership.objects.get(user=owner_of(store)), actor=manager, is_active=False
        )

    assert _events(store) == before

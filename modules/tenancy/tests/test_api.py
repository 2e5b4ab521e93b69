"""The tenancy API: team members, roles and invitations of a store; the platform admin's merchants and stores."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from rest_framework.test import APIClient

from modules.tenancy import services
from modules.tenancy.models import Invitation, PlatformStaff, StoreMembership, StoreRole
from modules.tenancy.testing import make_store, make_user, owner_of


def api(user=None, store=None, host: str = "testserver") -> APIClient:
    client = APIClient(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    if store is not None:
        client.credentials(HTTP_X_STORE=store.code)
    return client


def url(name: str, **kwargs) -> str:
    return reverse(f"api_store:tenancy:{name}", kwargs=kwargs)


def membership_of(store, user) -> StoreMembership:
    with scope(store=store):
        return StoreMembership.objects.select_related("role").get(user=user)


def role_of(store, kind: str) -> StoreRole:
    with scope(store=store):
        return StoreRole.objects.get(kind=kind)


def custom_role(store, name: str = "Packer", permissions=("tenancy.view_team",)) -> StoreRole:
    with scope(store=store):
        return services.role_create(store=store, actor=owner_of(store), name=name, permissions=list(permissions))


def invite(store, email: str) -> Invitation:
    with scope(store=store):
        role = StoreRole.objects.get(kind="staff")
        return services.invitation_create(store=store, actor=owner_of(store), email=email, role=role)[0]


# --- Members -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["owner", "manager", "staff"])
def test_every_built_in_role_sees_the_team(store, member, kind):
    user = owner_of(store) if kind == "owner" else member(store, f"{kind}@acme.test", kind)

    response = api(user, store).get(url("member_list"))

    assert response.status_code == 200
    emails = {row["user"]["email"] for row in response.json()["results"]}
    assert emails >= {"owner@acme.test", user.email}


def test_a_custom_role_without_view_team_is_forbidden(store, member):
    role = custom_role(store, permissions=["core.view_dashboard"])
    user = member(store, "packer@acme.test", role=role)

    response = api(user, store).get(url("member_list"))

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_outsiders_get_404_and_anonymous_callers_are_refused(store, other_store):
    outsider = owner_of(other_store)

    assert api(outsider, store).get(url("member_list")).status_code == 404
    assert api(None, store).get(url("member_list")).status_code in (401, 403)


def test_a_member_of_another_store_is_not_found_through_this_store(store, other_store, member):
    theirs = membership_of(other_store, owner_of(other_store))

    response = api(owner_of(store), store).get(url("member_detail", pk=theirs.pk))

    assert response.status_code == 404


def test_the_owner_changes_a_members_role(store, member):
    clerk = member(store, "clerk@acme.test", "staff")
    manager_role = role_of(store, "manager")

    response = api(owner_of(store), store).patch(
        url("member_detail", pk=membership_of(store, clerk).pk), {"role": manager_role.pk}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["role"] == {"id": manager_role.pk, "name": "Manager", "kind": "manager"}
    assert membership_of(store, clerk).role == manager_role


def test_a_role_of_another_store_is_a_field_error_and_nothing_is_written(store, other_store, member):
    clerk = member(store, "clerk@acme.test", "staff")
    their_manager_role = role_of(other_store, "manager")

    response = api(owner_of(store), store).patch(
        url("member_detail", pk=membership_of(store, clerk).pk), {"role": their_manager_role.pk}, format="json"
    )

    assert response.status_code == 400
    assert "role" in response.json()["errors"]
    assert membership_of(store, clerk).role.kind == "staff"


def test_staff_cannot_change_roles(store, member):
    staff = member(store, "staff@acme.test", "staff")
    clerk = member(store, "clerk@acme.test", "staff")

    response = api(staff, store).patch(
        url("member_detail", pk=membership_of(store, clerk).pk), {"role": role_of(store, "owner").pk}, format="json"
    )

    assert response.status_code == 403
    assert membership_of(store, clerk).role.kind == "staff"


def test_service_rules_answer_with_their_code(store, member):
    manager = member(store, "manager@acme.test", "manager")
    owner_membership = membership_of(store, owner_of(store))

    escalation = api(manager, store).patch(
        url("member_detail", pk=membership_of(store, manager).pk), {"role": role_of(store, "owner").pk}, format="json"
    )
    last_owner = api(owner_of(store), store).delete(url("member_detail", pk=owner_membership.pk))

    assert (escalation.status_code, escalation.json()["code"]) == (403, "own_membership")
    assert (last_owner.status_code, last_owner.json()["code"]) == (400, "last_owner")
    assert membership_of(store, owner_of(store)).role.kind == "owner"


def test_the_owner_removes_a_member(store, member):
    clerk = member(store, "clerk@acme.test", "staff")

    response = api(owner_of(store), store).delete(url("member_detail", pk=membership_of(store, clerk).pk))

    assert response.status_code == 204
    with scope(store=store):
        assert not StoreMembership.objects.filter(user=clerk).exists()


def test_removing_a_member_of_another_store_is_404_and_they_stay(store, other_store):
    theirs = membership_of(other_store, owner_of(other_store))

    response = api(owner_of(store), store).delete(url("member_detail", pk=theirs.pk))

    assert response.status_code == 404
    with scopes_disabled():
        assert StoreMembership.objects.filter(pk=theirs.pk).exists()


# --- Roles -------------------------------------------------------------------


def test_staff_list_roles_with_the_permissions_each_grants(store, member):
    staff = member(store, "staff@acme.test", "staff")

    response = api(staff, store).get(url("role_list"))

    assert response.status_code == 200
    roles = {row["kind"]: row for row in response.json()["results"]}
    assert set(roles) == {"owner", "manager", "staff"}
    assert "tenancy.manage_roles" in roles["owner"]["permissions"]
    assert "tenancy.manage_roles" not in roles["manager"]["permissions"]


def test_the_owner_creates_a_custom_role(store):
    response = api(owner_of(store), store).post(
        url("role_list"), {"name": "Packer", "permissions": ["tenancy.view_team"]}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["permissions"] == ["tenancy.view_team"]
    with scope(store=store):
        assert StoreRole.objects.get(name="Packer").kind == "custom"


@pytest.mark.parametrize(
    ("payload", "code", "field"),
    [
        ({"name": "Packer", "permissions": ["nope.do_anything"]}, "unknown_permission", "permissions"),
        ({"name": "Owner", "permissions": []}, "invalid", "__all__"),
    ],
    ids=["unknown-permission", "name-taken"],
)
def test_roles_the_service_refuses_are_400_with_a_code(store, payload, code, field):
    response = api(owner_of(store), store).post(url("role_list"), payload, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert field in response.json()["errors"]
    with scope(store=store):
        assert StoreRole.objects.count() == 3


def test_a_role_needs_a_name(store):
    response = api(owner_of(store), store).post(url("role_list"), {"name": "", "permissions": []}, format="json")

    assert response.status_code == 400
    assert "name" in response.json()["errors"]


def test_managers_cannot_manage_roles(store, member):
    manager = member(store, "manager@acme.test", "manager")

    response = api(manager, store).post(url("role_list"), {"name": "Packer", "permissions": []}, format="json")

    assert response.status_code == 403


def test_the_owner_edits_and_deletes_a_custom_role(store):
    role = custom_role(store)
    client = api(owner_of(store), store)

    edited = client.patch(url("role_detail", pk=role.pk), {"permissions": ["core.view_settings"]}, format="json")
    deleted = client.delete(url("role_detail", pk=role.pk))

    assert edited.status_code == 200
    assert edited.json()["name"] == "Packer"
    assert edited.json()["permissions"] == ["core.view_settings"]
    assert deleted.status_code == 204
    with scope(store=store):
        assert not StoreRole.objects.filter(pk=role.pk).exists()


def test_built_in_and_used_roles_cannot_be_changed(store, member):
    role = custom_role(store)
    member(store, "packer@acme.test", role=role)
    client = api(owner_of(store), store)

    builtin = client.patch(url("role_detail", pk=role_of(store, "staff").pk), {"name": "Crew"}, format="json")
    in_use = client.delete(url("role_detail", pk=role.pk))

    assert (builtin.status_code, builtin.json()["code"]) == (400, "builtin_role")
    assert (in_use.status_code, in_use.json()["code"]) == (400, "role_in_use")


def test_another_stores_role_is_not_found(store, other_store):
    theirs = custom_role(other_store, name="Secret")
    client = api(owner_of(store), store)

    assert client.get(url("role_detail", pk=theirs.pk)).status_code == 404
    assert client.delete(url("role_detail", pk=theirs.pk)).status_code == 404
    with scopes_disabled():
        assert StoreRole.objects.filter(pk=theirs.pk).exists()


# --- Invitations ---------------------------------------------------------------


def test_the_owner_invites_someone(store):
    staff_role = role_of(store, "staff")

    response = api(owner_of(store), store).post(
        url("invitation_list"), {"email": "new@example.test", "role": staff_role.pk}, format="json"
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["email"], body["role"]["id"], body["state"]) == ("new@example.test", staff_role.pk, "pending")
    assert "token" not in body and "token_hash" not in body
    with scope(store=store):
        assert Invitation.objects.get().invited_by == owner_of(store)


def test_an_invitation_to_another_stores_role_is_a_field_error_and_nothing_is_written(store, other_store):
    response = api(owner_of(store), store).post(
        url("invitation_list"), {"email": "new@example.test", "role": role_of(other_store, "owner").pk}, format="json"
    )

    assert response.status_code == 400
    assert "role" in response.json()["errors"]
    with scopes_disabled():
        assert not Invitation.objects.exists()


def test_staff_can_neither_see_nor_send_invitations(store, member):
    staff = member(store, "staff@acme.test", "staff")
    client = api(staff, store)

    assert client.get(url("invitation_list")).status_code == 403
    response = client.post(url("invitation_list"), {"email": "x@example.test", "role": role_of(store, "staff").pk})
    assert response.status_code == 403
    with scope(store=store):
        assert not Invitation.objects.exists()


def test_the_owner_lists_and_revokes_invitations(store, other_store):
    invitation = invite(store, "new@example.test")
    theirs = invite(other_store, "their@example.test")
    client = api(owner_of(store), store)

    listed = client.get(url("invitation_list"))
    foreign = client.delete(url("invitation_revoke", pk=theirs.pk))
    revoked = client.delete(url("invitation_revoke", pk=invitation.pk))

    assert [row["email"] for row in listed.json()["results"]] == ["new@example.test"]
    assert foreign.status_code == 404
    assert revoked.status_code == 204
    with scopes_disabled():
        invitation.refresh_from_db()
        theirs.refresh_from_db()
    assert invitation.revoked_at is not None
    assert theirs.revoked_at is None


# --- Platform administration -------------------------------------------------------


def admin_url(name: str, **kwargs) -> str:
    return reverse(f"api_admin:tenancy:{name}", kwargs=kwargs)


@pytest.fixture
def platform_admin(platform):
    user = make_user("admin@platform.test", is_staff=True)
    PlatformStaff.objects.create(platform=platform, user=user)
    return user


def test_platform_admins_see_only_their_platforms_stores(platform_admin, store, other_store, other_platform):
    elsewhere = make_store(other_platform, "zulu")
    client = api(platform_admin)

    stores = client.get(admin_url("store_list"))
    merchants = client.get(admin_url("merchant_list"))

    assert stores.status_code == 200
    assert [row["code"] for row in stores.json()["results"]] == ["acme", "bravo"]
    assert elsewhere.merchant.name not in {row["name"] for row in merchants.json()["results"]}
    assert client.get(admin_url("store_detail", pk=elsewhere.pk)).status_code == 404
    assert client.get(admin_url("merchant_detail", pk=elsewhere.merchant_id)).status_code == 404
    assert client.get(admin_url("store_detail", pk=store.pk)).json()["code"] == "acme"


def test_a_platform_admin_is_nobody_on_another_platforms_host(platform_admin, other_platform):
    make_store(other_platform, "zulu")

    response = api(platform_admin, host="other.testserver").get(admin_url("store_list"))

    assert response.status_code == 403


def test_superusers_see_the_stores_of_the_platform_they_ask(store, other_platform):
    make_store(other_platform, "zulu")
    root = make_user("root@example.test", is_staff=True, is_superuser=True)

    response = api(root, host="other.testserver").get(admin_url("store_list"))

    assert [row["code"] for row in response.json()["results"]] == ["zulu"]


@pytest.mark.parametrize("who", ["owner", "anonymous"])
def test_store_owners_and_anonymous_callers_have_no_admin_api(store, who):
    user = owner_of(store) if who == "owner" else None

    response = api(user).get(admin_url("store_list"))

    assert response.status_code in (401, 403)


def test_the_owner_suspends_a_member_through_the_api(store, member):
    clerk = member(store, "clerk@acme.test", "staff")

    response = api(owner_of(store), store).patch(
        url("member_detail", pk=membership_of(store, clerk).pk), {"is_active": False}, format="json"
    )

    assert response.status_code == 200 and response.json()["is_active"] is False
    assert api(clerk, store).get(url("member_list")).status_code == 404  # suspended: an outsider


def test_an_empty_member_change_is_a_field_error(store, member):
    clerk = member(store, "clerk@acme.test", "staff")

    response = api(owner_of(store), store).patch(
        url("member_detail", pk=membership_of(store, clerk).pk), {}, format="json"
    )

    assert response.status_code == 400 and response.json()["code"] == "invalid"


def test_the_audit_trail_is_listed_newest_first(store, member):
    clerk = member(store, "clerk@acme.test", "staff")
    with scope(store=store):
        services.membership_set_active(membership=membership_of(store, clerk), actor=owner_of(store), is_active=False)

    response = api(owner_of(store), store).get(url("team_event_list"))

    assert response.status_code == 200
    first = response.json()["results"][0]
    assert (first["action"], first["subject"], first["actor"]) == (
        "tenancy.member.suspended",
        "clerk@acme.test",
        "owner@acme.test",
    )
    assert first["sentence"].endswith("suspended clerk@acme.test.")


def test_the_audit_trail_needs_view_team(store, member):
    clerk = member(store, "clerk@acme.test", role=custom_role(store, permissions=()))

    assert api(clerk, store).get(url("team_event_list")).status_code == 403

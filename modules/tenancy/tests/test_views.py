"""Store pages (team, roles, domains) and public pages (invitation, store chooser) of tenancy."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from modules.tenancy import services
from modules.tenancy.models import Invitation, StoreDomain, StoreMembership, StoreRole
from modules.tenancy.testing import PASSWORD, add_member, make_store, make_user, owner_of

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, store, **kwargs) -> str:
    return reverse(f"store:tenancy:{name}", kwargs={"store_code": store.code, **kwargs})


def dashboard(store) -> str:
    return f"/store/{store.code}/core/dashboard/"


def role_of(store, kind: str) -> StoreRole:
    with scope(store=store):
        return StoreRole.objects.get(kind=kind)


def membership_of(store, user) -> StoreMembership | None:
    with scopes_disabled():
        return StoreMembership.objects.select_related("role").filter(store=store, user=user).first()


def invite(store, email: str, kind: str = "staff", *, actor=None) -> tuple[Invitation, str]:
    with scope(store=store):
        return services.invitation_create(
            store=store, actor=actor or owner_of(store), email=email, role=role_of(store, kind)
        )


def invitation_count(store) -> int:
    with scope(store=store):
        return Invitation.objects.count()


# --- Access ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "kind", "status"),
    [
        ("member_list", "owner", 200),
        ("member_list", "manager", 200),
        ("member_list", "staff", 200),
        ("role_list", "owner", 200),
        ("role_list", "manager", 403),
        ("role_list", "staff", 403),
        ("role_create", "owner", 200),
        ("role_create", "manager", 403),
        ("domain_list", "owner", 200),
        ("domain_list", "manager", 403),
        ("membership_leave", "staff", 200),
    ],
    ids=lambda value: str(value),
)
def test_pages_follow_the_role(client, store, page, kind, status):
    # given a team member with a built-in role
    user = owner_of(store) if kind == "owner" else add_member(store, f"{kind}@acme.test", kind)
    client.force_login(user)
    # when they open the page
    response = client.get(url(page, store))
    # then it renders, or refuses with 403
    assert response.status_code == status


@pytest.mark.parametrize("page", ["member_list", "role_list", "domain_list", "membership_leave"])
def test_outsiders_get_404(client, store, other_store, page):
    # given the owner of another store
    client.force_login(owner_of(other_store))
    # when they open this store's page, then it does not exist for them
    assert client.get(url(page, store)).status_code == 404


def test_member_without_view_team_gets_403(client, store):
    # given a member whose custom role grants only the domains permission
    with scope(store=store):
        role = StoreRole.objects.create(store=store, name="Web", permissions=["tenancy.manage_domains"])
    user = add_member(store, "web@acme.test", role=role)
    client.force_login(user)
    # then the team page is refused, the domains page is not
    assert client.get(url("member_list", store)).status_code == 403
    assert client.get(url("domain_list", store)).status_code == 200


def test_team_page_lists_members_and_pending_invitations(client, store):
    # given a manager and an open invitation
    add_member(store, "manager@acme.test", "manager")
    invite(store, "new@example.com")
    client.force_login(owner_of(store))
    # when the owner opens the team page
    response = client.get(url("member_list", store))
    # then both show, and the invitation form offers the owner role
    body = response.content.decode()
    assert "manager@acme.test" in body and "new@example.com" in body
    assert response.context["invitation_form"] is not None
    offered = [label for _pk, label in response.context["invitation_form"].fields["role"].choices]
    assert offered == ["Owner", "Manager", "Staff"]


def test_staff_sees_the_team_without_controls(client, store):
    # given a staff member
    client.force_login(add_member(store, "staff@acme.test", "staff"))
    # when they open the team page
    response = client.get(url("member_list", store))
    # then nothing is editable and there is no invitation form
    assert response.context["invitation_form"] is None
    assert not any(row.editable for row in response.context["rows"])
    assert b'name="role"' not in response.content


# --- Changing roles --------------------------------------------------------


def test_change_role_with_htmx_swaps_the_row(client, store):
    # given a staff member
    staff = add_member(store, "staff@acme.test", "staff")
    membership = membership_of(store, staff)
    client.force_login(owner_of(store))
    # when the owner picks "manager" in the row's select (htmx)
    response = client.post(
        url("member_role_change", store, pk=membership.pk), {"role": role_of(store, "manager").pk}, **HTMX
    )
    # then the answer is the new row, and the role changed
    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith(f'<tr id="member-{membership.pk}"')
    assert "<html" not in body
    assert membership_of(store, staff).role.kind == "manager"


def test_change_role_with_plain_post_redirects(client, store):
    # given a staff member
    staff = add_member(store, "staff@acme.test", "staff")
    membership = membership_of(store, staff)
    client.force_login(owner_of(store))
    # when the owner submits the row's form without JavaScript
    response = client.post(url("member_role_change", store, pk=membership.pk), {"role": role_of(store, "manager").pk})
    # then they are back on the team page and the role changed
    assert response.status_code == 302
    assert response.url == url("member_list", store)
    assert membership_of(store, staff).role.kind == "manager"


def test_manager_cannot_change_own_role(client, store):
    # given a manager
    manager = add_member(store, "manager@acme.test", "manager")
    membership = membership_of(store, manager)
    client.force_login(manager)
    # when they try to make themselves staff
    response = client.post(
        url("member_role_change", store, pk=membership.pk), {"role": role_of(store, "staff").pk}, **HTMX
    )
    # then the row shows why, and nothing changed
    assert "You cannot change your own role" in response.content.decode()
    assert membership_of(store, manager).role.kind == "manager"


def test_manager_cannot_promote_to_owner(client, store):
    # given a manager and a staff member
    manager = add_member(store, "manager@acme.test", "manager")
    staff = add_member(store, "staff@acme.test", "staff")
    client.force_login(manager)
    # when the manager posts the owner role for the staff member
    response = client.post(
        url("member_role_change", store, pk=membership_of(store, staff).pk),
        {"role": role_of(store, "owner").pk},
        follow=True,
    )
    # then the error message shows and nothing changed
    assert "You cannot grant a permission or role you do not hold yourself." in response.content.decode()
    assert membership_of(store, staff).role.kind == "staff"


def test_cannot_address_another_stores_membership(client, store, other_store):
    # given a member of another store
    victim = add_member(other_store, "staff@bravo.test", "staff")
    client.force_login(owner_of(store))
    # when acme's owner posts a role change for that membership's pk
    response = client.post(
        url("member_role_change", store, pk=membership_of(other_store, victim).pk), {"role": role_of(store, "owner").pk}
    )
    # then it is not found, and nothing changed
    assert response.status_code == 404
    assert membership_of(other_store, victim).role.kind == "staff"


def test_staff_cannot_post_a_role_change(client, store):
    # given two staff members
    staff = add_member(store, "staff@acme.test", "staff")
    other = add_member(store, "other@acme.test", "staff")
    client.force_login(staff)
    # when one posts a role change for the other
    response = client.post(
        url("member_role_change", store, pk=membership_of(store, other).pk), {"role": role_of(store, "manager").pk}
    )
    # then it is refused
    assert response.status_code == 403
    assert membership_of(store, other).role.kind == "staff"


# --- Removing and leaving ---------------------------------------------------


def test_remove_member_after_confirmation(client, store):
    # given a staff member
    staff = add_member(store, "staff@acme.test", "staff")
    pk = membership_of(store, staff).pk
    client.force_login(owner_of(store))
    # when the owner opens the confirmation page, then confirms
    assert client.get(url("member_remove", store, pk=pk)).status_code == 200
    response = client.post(url("member_remove", store, pk=pk))
    # then the member is gone
    assert response.status_code == 302
    assert membership_of(store, staff) is None


def test_last_owner_cannot_leave_through_the_page(client, store):
    # given the only owner
    owner = owner_of(store)
    client.force_login(owner)
    # when they confirm leaving the store
    response = client.post(url("membership_leave", store), follow=True)
    # then the page says why, and they are still the owner
    assert "A store keeps at least one owner" in response.content.decode()
    assert membership_of(store, owner).role.kind == "owner"


def test_last_owner_cannot_remove_themselves_through_the_page(client, store):
    # given the only owner
    owner = owner_of(store)
    client.force_login(owner)
    # when they post the remove form for their own membership
    response = client.post(url("member_remove", store, pk=membership_of(store, owner).pk), follow=True)
    # then it is refused with the message
    assert "A store keeps at least one owner" in response.content.decode()
    assert membership_of(store, owner) is not None


def test_member_can_leave(client, store, other_store):
    # given a staff member of acme who is also on bravo's team
    staff = add_member(store, "staff@acme.test", "staff")
    add_member(other_store, "staff@acme.test", "staff")
    client.force_login(staff)
    # when they leave acme
    response = client.post(url("membership_leave", store))
    # then they are off acme's team and land on the store chooser
    assert response.status_code == 302
    assert response.url == reverse("public:tenancy:store_chooser")
    assert membership_of(store, staff) is None
    assert membership_of(other_store, staff) is not None


# --- Invitations -------------------------------------------------------------


def test_invite_sends_an_email_whose_link_accepts(client, store, django_capture_on_commit_callbacks):
    # given the owner on the team page
    client.force_login(owner_of(store))
    # when they invite someone as manager
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("invitation_create", store), {"email": "new@example.com", "role": role_of(store, "manager").pk}
        )
    # then an invitation exists and its email carries a working link
    assert response.status_code == 302
    assert invitation_count(store) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.com"]
    assert "Acme" in message.subject
    link = re.search(r"https://testserver(/invitations/\S+/)", message.body).group(1)
    invited = make_user("new@example.com")
    client.force_login(invited)
    page = client.get(link)
    assert page.status_code == 200
    assert "Acme" in page.content.decode()
    accepted = client.post(link)
    assert accepted.status_code == 302
    assert accepted.url == dashboard(store)
    assert membership_of(store, invited).role.kind == "manager"


def test_invitation_form_errors_write_nothing(client, store):
    # given the owner and an existing member
    add_member(store, "staff@acme.test", "staff")
    client.force_login(owner_of(store))
    # when they submit a bad address, then an existing member's
    bad = client.post(url("invitation_create", store), {"email": "nope", "role": role_of(store, "staff").pk})
    taken = client.post(
        url("invitation_create", store), {"email": "STAFF@acme.test", "role": role_of(store, "staff").pk}
    )
    # then the form shows errors and nothing was saved
    assert bad.status_code == 400 and bad.context["invitation_form"].errors["email"]
    assert taken.status_code == 400
    assert "already on the store" in taken.content.decode()
    assert invitation_count(store) == 0
    assert mail.outbox == []


def test_manager_cannot_invite_as_owner(client, store, django_capture_on_commit_callbacks):
    # given a manager
    client.force_login(add_member(store, "manager@acme.test", "manager"))
    # when they open the form, then the owner role is not offered
    offered = client.get(url("member_list", store)).context["invitation_form"].fields["role"].choices
    assert [label for _pk, label in offered] == ["Manager", "Staff"]
    # when they post the owner role anyway
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("invitation_create", store), {"email": "boss@example.com", "role": role_of(store, "owner").pk}
        )
    # then it is refused with the message and nothing is sent
    assert response.status_code == 400
    assert "You cannot grant a permission or role you do not hold yourself." in response.content.decode()
    assert invitation_count(store) == 0
    assert mail.outbox == []


def test_revoke_invitation_through_the_page(client, store):
    # given an open invitation
    invitation, token = invite(store, "new@example.com")
    client.force_login(owner_of(store))
    # when the owner revokes it
    response = client.post(url("invitation_revoke", store, pk=invitation.pk))
    # then its link no longer works
    assert response.status_code == 302
    client.force_login(make_user("new@example.com"))
    assert client.get(reverse("public:tenancy:invitation_accept", kwargs={"token": token})).status_code == 404


def test_cannot_revoke_another_stores_invitation(client, store, other_store):
    # given an invitation of bravo
    invitation, _token = invite(other_store, "new@example.com")
    client.force_login(owner_of(store))
    # when acme's owner posts a revoke for its pk, then it is not found
    assert client.post(url("invitation_revoke", store, pk=invitation.pk)).status_code == 404
    with scope(store=other_store):
        assert Invitation.objects.get(pk=invitation.pk).revoked_at is None


def accept_url(token: str) -> str:
    return reverse("public:tenancy:invitation_accept", kwargs={"token": token})


def expire(invitation) -> None:
    with scopes_disabled():
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))


def revoke(invitation) -> None:
    with scopes_disabled():
        Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())


@pytest.mark.parametrize("spoil", [expire, revoke], ids=["expired", "revoked"])
def test_spoiled_invitation_is_rejected(client, store, spoil):
    # given an invitation that expired or was revoked, and the invited user logged in
    invitation, token = invite(store, "new@example.com")
    spoil(invitation)
    invited = make_user("new@example.com")
    client.force_login(invited)
    # when they open it and try to accept it
    page, posted = client.get(accept_url(token)), client.post(accept_url(token))
    # then both are a 404 with the message, and nothing was written
    assert page.status_code == posted.status_code == 404
    assert "has expired, was revoked or was already used" in posted.content.decode()
    assert membership_of(store, invited) is None


def test_invitation_is_single_use(client, store):
    # given an invitation accepted once
    _invitation, token = invite(store, "new@example.com")
    invited = make_user("new@example.com")
    client.force_login(invited)
    assert client.post(accept_url(token)).status_code == 302
    # when it is used again (after leaving the team)
    with scopes_disabled():
        StoreMembership.objects.filter(user=invited).delete()
    response = client.post(accept_url(token))
    # then it is rejected and nothing is written
    assert response.status_code == 404
    assert membership_of(store, invited) is None


def test_invitation_for_another_user_is_rejected(client, store):
    # given an invitation for new@ and someone else logged in
    invitation, token = invite(store, "new@example.com")
    intruder = make_user("intruder@example.com")
    client.force_login(intruder)
    # when they open it and try to accept it
    page, posted = client.get(accept_url(token)), client.post(accept_url(token))
    # then both are a 403 with the message, and the invitation is still open
    assert page.status_code == posted.status_code == 403
    assert "sent to another email address" in posted.content.decode()
    assert membership_of(store, intruder) is None
    with scope(store=store):
        assert Invitation.objects.get(pk=invitation.pk).is_pending


def test_unknown_token_is_404(client, platform):
    assert client.get(accept_url("not-a-token")).status_code == 404


def test_invitation_of_another_platform_is_404_here(client, other_platform):
    # given an invitation of a store on another platform
    other = make_store(other_platform, "far")
    _invitation, token = invite(other, "new@example.com")
    client.force_login(make_user("new@example.com"))
    # when it is opened on this platform's host, then it opens nothing
    assert client.post(accept_url(token)).status_code == 404
    assert membership_of(other, get_user_model().objects.get(email="new@example.com")) is None


def test_anonymous_with_an_account_is_sent_to_log_in(client, store):
    # given an invitation for an address that has an account
    make_user("new@example.com")
    _invitation, token = invite(store, "new@example.com")
    # when they open it without being logged in
    response = client.get(accept_url(token))
    # then the page links to the login, coming back here, and offers no signup
    assert response.status_code == 200
    assert response.context["form"] is None
    assert f"{reverse('public:core:login')}?next=%2Finvitations%2F" in response.content.decode()


def test_new_person_creates_an_account_and_joins(client, store):
    # given an invitation for an address with no account
    _invitation, token = invite(store, "new@example.com", "manager")
    # when they open it, then the signup form shows
    assert client.get(accept_url(token)).context["form"] is not None
    # when they submit their name and a password
    response = client.post(accept_url(token), {"full_name": "Nora New", "password": PASSWORD})
    # then the account exists, is logged in and is on the team
    assert response.status_code == 302
    assert response.url == dashboard(store)
    user = get_user_model().objects.get(email="new@example.com")
    assert user.full_name == "Nora New" and user.check_password(PASSWORD)
    assert membership_of(store, user).role.kind == "manager"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_account_form_errors_write_nothing(client, store):
    # given an invitation for an address with no account
    _invitation, token = invite(store, "new@example.com")
    # when the password is too weak
    response = client.post(accept_url(token), {"full_name": "Nora", "password": "123"})
    # then the form shows why and nothing was created
    assert response.status_code == 400
    assert response.context["form"].errors["password"]
    assert not get_user_model().objects.filter(email="new@example.com").exists()


def test_signup_post_for_an_existing_account_is_refused(client, store):
    # given an invitation for an address that has an account
    existing = make_user("new@example.com")
    _invitation, token = invite(store, "new@example.com")
    # when someone posts the signup form anyway
    response = client.post(accept_url(token), {"full_name": "Mallory", "password": "another strong passphrase"})
    # then it is refused: the existing account is untouched and not on the team
    assert response.status_code == 400
    assert "already exists" in response.content.decode()
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD) and existing.full_name == ""
    assert membership_of(store, existing) is None


# --- Store chooser ------------------------------------------------------------


def test_store_chooser_requires_login(client, platform):
    response = client.get(reverse("public:tenancy:store_chooser"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("public:core:login"))


def test_store_chooser_goes_straight_to_the_only_store(client, store):
    client.force_login(owner_of(store))
    response = client.get(reverse("public:tenancy:store_chooser"))
    assert response.status_code == 302
    assert response.url == dashboard(store)


def test_store_chooser_lists_this_platforms_stores(client, store, other_store, other_platform):
    # given a user on acme and bravo here, and on a store of another platform
    user = add_member(store, "multi@example.com", "staff")
    add_member(other_store, "multi@example.com", "manager")
    add_member(make_store(other_platform, "far"), "multi@example.com", "owner")
    client.force_login(user)
    # when they open the chooser
    response = client.get(reverse("public:tenancy:store_chooser"))
    # then they see this platform's two stores with their roles
    assert response.status_code == 200
    assert [(m.store.code, m.role.kind) for m, _url in response.context["entries"]] == [
        ("acme", "staff"),
        ("bravo", "manager"),
    ]
    assert dashboard(store).encode() in response.content


def test_store_chooser_without_stores(client, platform):
    client.force_login(make_user("lonely@example.com"))
    response = client.get(reverse("public:tenancy:store_chooser"))
    assert response.status_code == 200
    assert response.context["entries"] == []


# --- Roles --------------------------------------------------------------------


def test_role_form_offers_enabled_modules_permissions(client, store, enable):
    client.force_login(owner_of(store))
    # given catalog is off: its permissions are not offered
    ids = {p.id for group in client.get(url("role_create", store)).context["form"].groups for p in group.permissions}
    assert "tenancy.manage_team" in ids and "catalog.view_product" not in ids
    # when catalog is enabled, then they are, grouped under the module
    enable("catalog")
    groups = client.get(url("role_create", store)).context["form"].groups
    assert "catalog.view_product" in {p.id for group in groups if group.module == "catalog" for p in group.permissions}


def test_create_edit_and_delete_a_custom_role(client, store):
    client.force_login(owner_of(store))
    # when the owner creates a role
    response = client.post(
        url("role_create", store), {"name": "Support", "permissions": ["tenancy.view_team", "tenancy.manage_team"]}
    )
    assert response.status_code == 302
    with scope(store=store):
        role = StoreRole.objects.get(name="Support")
    assert role.permissions == ["tenancy.manage_team", "tenancy.view_team"]
    # then it is listed with its count, and can be edited
    listing = client.get(url("role_list", store))
    assert (role, 2) in listing.context["custom_roles"]
    assert client.get(url("role_edit", store, pk=role.pk)).context["selected"] == set(role.permissions)
    client.post(url("role_edit", store, pk=role.pk), {"name": "Helpdesk", "permissions": ["tenancy.view_team"]})
    role.refresh_from_db()
    assert (role.name, role.permissions) == ("Helpdesk", ["tenancy.view_team"])
    # and deleted
    assert client.post(url("role_delete", store, pk=role.pk)).status_code == 302
    with scope(store=store):
        assert not StoreRole.objects.filter(pk=role.pk).exists()


def test_role_form_errors(client, store):
    client.force_login(owner_of(store))
    # a name that exists, and a permission no module declares
    taken = client.post(url("role_create", store), {"name": "owner", "permissions": []})
    unknown = client.post(url("role_create", store), {"name": "X", "permissions": ["catalog.view_product"]})
    assert taken.status_code == unknown.status_code == 400
    assert taken.context["form"].errors["name"]
    assert unknown.context["form"].errors["permissions"]
    with scope(store=store):
        assert not StoreRole.objects.filter(kind="custom").exists()


def test_builtin_roles_have_no_edit_page_and_are_not_deleted(client, store):
    client.force_login(owner_of(store))
    owner_role = role_of(store, "owner")
    assert client.get(url("role_edit", store, pk=owner_role.pk)).status_code == 404
    response = client.post(url("role_delete", store, pk=owner_role.pk), follow=True)
    assert "Built-in roles cannot be edited or deleted." in response.content.decode()
    assert role_of(store, "owner") == owner_role


def test_role_in_use_is_not_deleted(client, store):
    with scope(store=store):
        role = StoreRole.objects.create(store=store, name="Support", permissions=["tenancy.view_team"])
    add_member(store, "support@acme.test", role=role)
    client.force_login(owner_of(store))
    response = client.post(url("role_delete", store, pk=role.pk), follow=True)
    assert "still use this role" in response.content.decode()
    with scope(store=store):
        assert StoreRole.objects.filter(pk=role.pk).exists()


def test_cannot_create_a_role_with_a_permission_one_lacks(client, store):
    # given a role manager who does not hold manage_domains
    with scope(store=store):
        role = StoreRole.objects.create(
            store=store, name="Role admin", permissions=["tenancy.manage_roles", "tenancy.view_team"]
        )
    client.force_login(add_member(store, "roles@acme.test", role=role))
    # when they create a role granting manage_domains
    response = client.post(url("role_create", store), {"name": "Web", "permissions": ["tenancy.manage_domains"]})
    # then it is refused with the message and nothing is saved
    assert response.status_code == 400
    assert "You cannot grant a permission or role you do not hold yourself." in response.content.decode()
    with scope(store=store):
        assert not StoreRole.objects.filter(name="Web").exists()


def test_cannot_edit_another_stores_role(client, store, other_store):
    with scope(store=other_store):
        role = StoreRole.objects.create(store=other_store, name="Support", permissions=[])
    client.force_login(owner_of(store))
    assert client.get(url("role_edit", store, pk=role.pk)).status_code == 404
    assert client.post(url("role_delete", store, pk=role.pk)).status_code == 404


# --- Domains ------------------------------------------------------------------


def store_domains(store) -> list[tuple[str, bool]]:
    with scope(store=store):
        return list(StoreDomain.objects.order_by("domain").values_list("domain", "is_primary"))


def test_add_make_primary_and_delete_domains(client, store):
    client.force_login(owner_of(store))
    # when the owner connects two domains
    assert client.post(url("domain_create", store), {"domain": "Shop.Example.com"}).status_code == 302
    client.post(url("domain_create", store), {"domain": "www.example.org"})
    # then the first is primary
    assert store_domains(store) == [("shop.example.com", True), ("www.example.org", False)]
    # when the second becomes primary
    with scope(store=store):
        second = StoreDomain.objects.get(domain="www.example.org")
    client.post(url("domain_make_primary", store, pk=second.pk))
    assert store_domains(store) == [("shop.example.com", False), ("www.example.org", True)]
    # when it is deleted, the other takes over
    client.post(url("domain_delete", store, pk=second.pk))
    assert store_domains(store) == [("shop.example.com", True)]
    assert client.get(url("domain_list", store)).status_code == 200


def test_new_domain_answers_for_the_storefront(client, store):
    client.force_login(owner_of(store))
    client.get(url("domain_list", store))  # warms the tenant cache
    client.post(url("domain_create", store), {"domain": "shop.example.com"})
    from orion.modules import state

    assert state.resolve("shop.example.com", None).store == store


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ("not a host", "Enter a host name"),
        ("localhost", "full host name"),
        ("other.testserver", "domain of the platform"),
        ("acme.other.testserver", "domain of the platform"),
        ("taken.example.com", "already connected"),
    ],
    ids=["invalid", "no-dot", "platform-domain", "under-platform-domain", "taken"],
)
def test_domain_form_refuses(client, store, other_store, other_platform, domain, message):
    # given a domain of bravo
    with scope(store=other_store):
        StoreDomain.objects.create(store=other_store, domain="taken.example.com")
    client.force_login(owner_of(store))
    # when acme's owner adds the domain
    response = client.post(url("domain_create", store), {"domain": domain})
    # then the form says why, nothing saved
    assert response.status_code == 400
    assert message in response.content.decode()
    assert store_domains(store) == []


def test_cannot_touch_another_stores_domain(client, store, other_store):
    with scope(store=other_store):
        domain = StoreDomain.objects.create(store=other_store, domain="bravo.example.com")
    client.force_login(owner_of(store))
    assert client.post(url("domain_delete", store, pk=domain.pk)).status_code == 404
    assert client.post(url("domain_make_primary", store, pk=domain.pk)).status_code == 404
    assert store_domains(other_store) == [("bravo.example.com", False)]


def test_the_owner_suspends_and_reactivates_a_member_from_the_team_page(client, store):
    clerk = add_member(store, "clerk@acme.test", "staff")
    membership = membership_of(store, clerk)
    client.force_login(owner_of(store))

    response = client.post(url("member_active", store, pk=membership.pk), {"is_active": "0"}, follow=True)

    assert "suspended" in response.content.decode()
    assert membership_of(store, clerk).is_active is False
    client.post(url("member_active", store, pk=membership.pk), {"is_active": "1"})
    assert membership_of(store, clerk).is_active is True


def test_staff_cannot_suspend_anyone(client, store):
    manager = add_member(store, "manager@acme.test", "manager")
    client.force_login(add_member(store, "clerk@acme.test", "staff"))

    response = client.post(url("member_active", store, pk=membership_of(store, manager).pk), {"is_active": "0"})

    assert response.status_code == 403
    assert membership_of(store, manager).is_active is True


def test_the_team_page_shows_recent_activity(client, store):
    clerk = add_member(store, "clerk@acme.test", "staff")
    client.force_login(owner_of(store))
    client.post(url("member_active", store, pk=membership_of(store, clerk).pk), {"is_active": "0"})

    page = client.get(url("member_list", store)).content.decode()

    assert "Recent activity" in page
    assert "suspended clerk@acme.test." in page

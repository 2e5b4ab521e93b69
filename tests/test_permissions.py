"""The one permission check: role × permission × module enabled, and where it is asked."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django_scopes import scope

from modules.tenancy import services
from modules.tenancy.models import StoreMembership, StoreRole
from modules.tenancy.testing import owner_of
from orion.modules import services as module_services
from orion.permissions import has_store_permission, is_member

PERMISSIONS = ("dummy.view_thing", "tenancy.view_team", "tenancy.manage_team", "tenancy.manage_roles")
# What each role holds with the dummy module on; written out, not derived from the code under test.
EXPECTED = {
    "owner": {"dummy.view_thing", "tenancy.view_team", "tenancy.manage_team", "tenancy.manage_roles"},
    "manager": {"dummy.view_thing", "tenancy.view_team", "tenancy.manage_team"},  # manage_roles is owner-only
    "staff": {"dummy.view_thing", "tenancy.view_team"},  # view_* only
    "custom": {"dummy.view_thing"},  # exactly what the role lists
}


def _role(store, kind):
    with scope(store=store):
        if kind == "custom":
            return StoreRole.objects.create(store=store, name="Thing viewer", permissions=["dummy.view_thing"])
        return StoreRole.objects.get(kind=kind)


@pytest.mark.parametrize("module_on", [True, False], ids=["dummy-on", "dummy-off"])
@pytest.mark.parametrize("kind", EXPECTED)
@pytest.mark.parametrize("permission", PERMISSIONS)
def test_role_permission_module_matrix(platform, store, member, enable, kind, permission, module_on):
    if module_on:
        enable("dummy")
    user = member(store, f"{kind}@acme.test", role=_role(store, kind)) if kind != "owner" else owner_of(store)

    held = has_store_permission(user, store, permission)

    expected = permission in EXPECTED[kind] and (module_on or not permission.startswith("dummy."))
    assert held is expected


def test_outsiders_hold_nothing_even_with_a_role_elsewhere(platform, store, other_store):
    outsider = owner_of(other_store)

    assert not is_member(outsider, store)
    assert not has_store_permission(outsider, store, None)
    assert not has_store_permission(outsider, store, "tenancy.view_team")


def test_a_superuser_is_not_stopped_but_an_inactive_user_is(platform, store, django_user_model):
    root = django_user_model.objects.create_superuser("root@example.test", "pw")
    owner = owner_of(store)
    owner.is_active = False
    owner.save()

    assert has_store_permission(root, store, "tenancy.manage_roles")
    assert not has_store_permission(owner, store, "tenancy.view_team")


def test_a_revoked_role_applies_on_the_next_request(client, platform, store, member, enable):
    enable("dummy")
    manager = member(store, "manager@acme.test", "manager")
    client.force_login(manager)
    assert client.get("/api/v1/store/dummy/things/", HTTP_X_STORE="acme").status_code == 200

    with scope(store=store):
        membership = StoreMembership.objects.get(user=manager)
        custom = StoreRole.objects.create(store=store, name="Nothing", permissions=[])
        services.membership_change_role(membership=membership, actor=owner_of(store), role=custom)
    assert client.get("/api/v1/store/dummy/things/", HTTP_X_STORE="acme").status_code == 403

    with scope(store=store):
        services.membership_remove(membership=StoreMembership.objects.get(user=manager), actor=owner_of(store))
    assert client.get("/api/v1/store/dummy/things/", HTTP_X_STORE="acme").status_code == 404


def test_disabling_a_module_takes_its_permission_from_owners_too(client, platform, store, enable):
    enable("dummy")
    client.force_login(owner_of(store))
    assert client.get("/api/v1/store/dummy/things/", HTTP_X_STORE="acme").status_code == 200

    module_services.disable_module(platform=platform, code="dummy")

    assert client.get("/api/v1/store/dummy/things/", HTTP_X_STORE="acme").status_code == 403
    assert not has_store_permission(owner_of(store), store, "dummy.view_thing")


@pytest.mark.parametrize(("kind", "shown"), [("owner", "yes"), ("staff", "no")])
def test_the_template_tag_asks_the_same_check(platform, store, member, kind, shown):
    user = owner_of(store) if kind == "owner" else member(store, "staff@acme.test", "staff")
    request = RequestFactory().get("/")
    request.user, request.store, request.platform, request.modules = user, store, platform, None
    template = Template(
        '{% load orion_permissions %}{% store_perm "tenancy.manage_team" as can %}{{ can|yesno:"yes,no" }}'
    )

    assert template.render(Context({"request": request})) == shown

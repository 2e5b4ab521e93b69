"""Django admin: a platform admin sees and changes only their own platform; a superuser sees all.

Given two platforms, "main" (A: store "Acme") and "other" (B: store "Zulu"),
each with a merchant, a store, a store domain, a team, roles, an invitation
and module records, a platform admin of A must never be shown, offered or
allowed to touch a row of B: not in changelists, change pages, list
filters, dropdowns, autocomplete, or smuggled into a posted form.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scopes_disabled

from modules.tenancy import services
from modules.tenancy.admin import StoreMembershipAdmin
from modules.tenancy.models import (
    Invitation,
    Merchant,
    Platform,
    PlatformDomain,
    PlatformStaff,
    Store,
    StoreDomain,
    StoreMembership,
    StoreRole,
)
from modules.tenancy.testing import make_store, make_user, owner_of
from orion.audit.models import AuditEntry
from orion.modules import state
from orion.modules.models import ModuleAuditEntry, PlatformModule

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _unscoped():
    """Tests read store-scoped rows across stores, as the admin itself does."""
    with scopes_disabled():
        yield


def tenant(platform, store, prefix):
    """One platform's rows of every tenancy model."""
    with scopes_disabled():
        StoreDomain.objects.create(store=store, domain=f"{prefix}-shop.example.com")
        role = StoreRole.objects.create(store=store, name=f"{prefix} packers", permissions=["tenancy.view_team"])
        invitation, _token = services.invitation_create(
            store=store, actor=owner_of(store), email=f"new@{prefix}.test", role=role
        )
        membership = StoreMembership.objects.get(store=store)
    staff = PlatformStaff.objects.create(platform=platform, user=make_user(f"admin@{prefix}.test", is_staff=True))
    return SimpleNamespace(
        platform=platform,
        platform_domain=platform.domains.get(),
        staff=staff,
        merchant=store.merchant,
        store=store,
        store_domain=store.domains.get(),
        role=role,
        membership=membership,
        invitation=invitation,
        team_event=AuditEntry.objects.filter(store=store, action__startswith="tenancy.member.").first(),
        module=None,
        audit=None,
    )


@pytest.fixture
def world(platform, other_platform, store, other_store, enable):
    """A and B; A also has a second store ("Bravo") so that its list filters have choices to show."""
    a = tenant(platform, store, "acme")
    StoreDomain.objects.create(store=other_store, domain="bravo-shop.example.com")
    staff_role = StoreRole.objects.get(store=other_store, kind="staff")
    services.invitation_create(store=other_store, actor=owner_of(other_store), email="new@bravo.test", role=staff_role)
    b = tenant(other_platform, make_store(other_platform, "zulu"), "zulu")
    for side in (a, b):
        enable("dummy", on=side.platform)
        side.module = PlatformModule.objects.get(platform=side.platform)
        side.audit = ModuleAuditEntry.objects.get(platform=side.platform)
    return SimpleNamespace(a=a, b=b)


@pytest.fixture
def padmin(world, client):
    """The test client, logged in as the platform admin of A."""
    client.force_login(world.a.staff.user)
    return client


def url(obj, view="change"):
    opts = obj._meta
    args = [obj.pk] if view in ("change", "delete") else []
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


# Attribute of a tenant's namespace, for each model a platform admin may list.
LISTED = [
    "platform",
    "merchant",
    "store",
    "store_domain",
    "role",
    "membership",
    "invitation",
    "team_event",
    "module",
    "audit",
]
SUPERUSER_ONLY = ["platform_domain", "staff"]


def result_list(response):
    assert response.status_code == 200
    return list(response.context["cl"].queryset)


# --- changelists and change pages ---------------------------------------------------


@pytest.mark.parametrize("name", LISTED)
def test_changelist_shows_only_the_own_platforms_rows(padmin, world, name):
    a_obj, b_obj = getattr(world.a, name), getattr(world.b, name)

    rows = result_list(padmin.get(url(a_obj, "changelist")))

    assert a_obj in rows
    assert b_obj not in rows
    model = type(a_obj)
    with scopes_disabled():
        assert model.objects.filter(pk=b_obj.pk).exists()  # B's row is there, only hidden


@pytest.mark.parametrize("name", LISTED)
def test_change_page_of_another_platforms_object_is_not_rendered(padmin, world, name):
    b_obj = getattr(world.b, name)

    response = padmin.get(url(b_obj))

    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == reverse("admin:index")
    assert padmin.get(url(getattr(world.a, name))).status_code == 200
    assert padmin.get(url(b_obj) + "history/").status_code in (302, 404)


@pytest.mark.parametrize("name", LISTED)
def test_an_object_check_costs_no_query_beyond_loading_the_object(rf, world, name):
    obj = getattr(world.a, name)
    model_admin = admin.site._registry[type(obj)]
    request = rf.get("/admin/")
    request.user = world.a.staff.user
    # Once per request: the user's platforms and model permissions.
    model_admin.has_view_permission(request)
    model_admin.has_change_permission(request)

    loaded = model_admin.get_object(request, str(obj.pk))  # as the change and delete pages load it

    with CaptureQueriesContext(connection) as queries:
        checks = (model_admin.has_view_permission(request, loaded), model_admin.has_change_permission(request, loaded))

    assert loaded == obj and checks[0]
    assert [query["sql"] for query in queries] == []


@pytest.mark.parametrize("name", LISTED + SUPERUSER_ONLY)
def test_delete_page_of_another_platforms_object_is_not_rendered(padmin, world, name):
    b_obj = getattr(world.b, name)

    response = padmin.post(url(b_obj, "delete"), {"post": "yes"})

    assert response.status_code in (302, 403, 404)
    with scopes_disabled():
        assert type(b_obj).objects.filter(pk=b_obj.pk).exists()


@pytest.mark.parametrize("name", SUPERUSER_ONLY)
def test_platform_domains_and_platform_admins_are_for_superusers(padmin, world, name):
    a_obj = getattr(world.a, name)

    assert padmin.get(url(a_obj, "changelist")).status_code == 403
    assert padmin.get(url(a_obj)).status_code in (302, 403)
    assert padmin.get(url(a_obj, "add")).status_code == 403


def test_the_own_platform_is_read_only_and_new_platforms_are_refused(padmin, world):
    page = padmin.get(url(world.a.platform))

    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert "acme-shop" not in page.content.decode()  # store domains are not platform domains
    assert world.a.platform_domain.domain in page.content.decode()  # the domains inline, read-only
    assert padmin.get(url(world.a.platform, "add")).status_code == 403
    padmin.post(url(world.a.platform), {"name": "Renamed", "code": "main"})
    world.a.platform.refresh_from_db()
    assert world.a.platform.name == "Main"


def test_admin_index_lists_the_tenancy_models_of_a_platform_admin(padmin, world):
    html = padmin.get(reverse("admin:index")).content.decode()

    assert url(world.a.store, "changelist") in html
    assert url(world.a.merchant, "changelist") in html
    assert url(world.a.platform_domain, "changelist") not in html
    assert url(world.a.staff, "changelist") not in html


def test_staff_who_administer_no_platform_keep_djangos_model_permissions(client, world):
    client.force_login(make_user("clerk@example.com", is_staff=True))

    assert client.get(url(world.a.store, "changelist")).status_code == 403
    assert client.get(url(world.a.module, "changelist")).status_code == 403
    assert client.get(url(world.a.store)).status_code in (302, 403)


# --- list filters -----------------------------------------------------------------------


def filter_choices(response):
    """The display of every choice of every list filter of a changelist."""
    return {
        str(choice["display"])
        for spec in response.context["cl"].filter_specs
        for choice in spec.choices(response.context["cl"])
    }


@pytest.mark.parametrize("name", ["merchant", "store", "store_domain", "role", "membership", "invitation", "module"])
def test_list_filters_offer_none_of_another_platforms_rows(padmin, world, name):
    response = padmin.get(url(getattr(world.a, name), "changelist"))

    choices = filter_choices(response)
    html = response.content.decode()
    if name not in ("merchant", "module"):  # these filter by platform only: one choice, so no filter
        assert "Acme" in choices or "Acme Ltd" in choices
    assert not {"Other", "Zulu", "Zulu Ltd"} & choices
    assert "Zulu" not in html
    assert f"platform__id__exact={world.b.platform.pk}" not in html
    assert f"store__id__exact={world.b.store.pk}" not in html


def test_a_filter_on_another_platform_in_the_url_shows_none_of_its_rows(padmin, world):
    for params in ({"platform__id__exact": world.b.platform.pk}, {"merchant__id__exact": world.b.merchant.pk}):
        rows = result_list(padmin.get(url(world.a.store, "changelist"), params))

        assert world.b.store not in rows


# --- choices in forms ------------------------------------------------------------------


def form_field(response, name):
    return response.context["adminform"].form.fields[name]


@pytest.mark.parametrize(
    ("page", "field", "visible", "hidden"),
    [
        ("store:add", "platform", "platform", "platform"),
        ("store:add", "merchant", "merchant", "merchant"),
        ("merchant:add", "platform", "platform", "platform"),
        ("store_domain:add", "store", "store", "store"),
        ("role:add", "store", "store", "store"),
        ("store:change", "merchant", "merchant", "merchant"),
        ("membership:change", "role", "role", "role"),
    ],
    ids=lambda value: str(value),
)
def test_dropdowns_offer_none_of_another_platforms_rows(padmin, world, page, field, visible, hidden):
    name, view = page.split(":")
    obj = getattr(world.a, name)

    response = padmin.get(url(obj, view))

    assert response.status_code == 200
    queryset = form_field(response, field).queryset
    assert getattr(world.a, visible) in queryset
    assert getattr(world.b, hidden) not in queryset


def test_user_choices_of_a_platform_admin_are_people_of_their_platform(rf, world):
    request = rf.get("/admin/")
    request.user = world.a.staff.user
    model_admin = StoreMembershipAdmin(StoreMembership, admin.site)

    users = set(model_admin.choices_queryset(request, StoreMembership._meta.get_field("user")))

    assert {world.a.staff.user, world.a.membership.user} <= users
    assert world.b.membership.user not in users and world.b.staff.user not in users


# --- autocomplete ----------------------------------------------------------------------


def autocomplete(client, model_name, field_name, term=""):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "tenancy", "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return {item["text"] for item in response.json()["results"]}


@pytest.mark.parametrize(
    ("model_name", "field_name", "own", "foreign"),
    [
        ("store", "merchant", "Acme Ltd", "Zulu Ltd"),
        ("store", "platform", "Main", "Other"),
        ("storedomain", "store", "Acme", "Zulu"),
        ("storerole", "store", "Acme", "Zulu"),
        ("merchant", "platform", "Main", "Other"),
    ],
)
def test_autocomplete_returns_none_of_another_platforms_rows(padmin, world, model_name, field_name, own, foreign):
    everything = autocomplete(padmin, model_name, field_name)
    searched = autocomplete(padmin, model_name, field_name, foreign[:3])

    assert own in everything
    assert foreign not in everything
    assert searched == set()


def test_autocomplete_of_a_superuser_returns_both(admin_client, world):
    assert {"Acme Ltd", "Zulu Ltd"} <= autocomplete(admin_client, "store", "merchant")


# --- smuggled ids ------------------------------------------------------------------------


def post_data(response, **changes):
    """What the browser would post back from a rendered change form, with ``changes``."""
    data = {}
    forms = [response.context["adminform"].form]
    for formset in (inline.formset for inline in response.context["inline_admin_formsets"]):
        management = formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = value
    data.update(changes)
    return data


def test_a_smuggled_merchant_of_another_platform_is_a_form_error(padmin, world):
    store = world.a.store
    page = padmin.get(url(store))

    response = padmin.post(url(store), post_data(page, merchant=world.b.merchant.pk, name="Hijacked"))

    assert response.status_code == 200
    assert "merchant" in response.context["adminform"].form.errors
    store.refresh_from_db()
    assert store.merchant == world.a.merchant and store.name == "Acme"


def test_the_change_form_round_trip_saves_through_the_service(padmin, world):
    store = world.a.store
    page = padmin.get(url(store))

    response = padmin.post(url(store), post_data(page, name="Acme Two", tagline_de="Hallo"))

    assert response.status_code == 302, response.context["adminform"].form.errors
    store.refresh_from_db()
    assert store.name == "Acme Two" and store.tagline_de == "Hallo"


@pytest.mark.parametrize(
    ("platform_side", "refused"),
    [("a", {"merchant"}), ("b", {"platform", "merchant"})],
    ids=["another-platforms-merchant", "another-platform"],
)
def test_a_new_store_smuggling_another_platforms_rows_writes_nothing(padmin, world, platform_side, refused):
    response = padmin.post(
        url(world.a.store, "add"),
        {
            "platform": getattr(world, platform_side).platform.pk,
            "merchant": world.b.merchant.pk,
            "code": "sneaky",
            "name": "Sneaky",
            "default_language": "en",
            "currency": "EUR",
            "owner": world.a.membership.user.email,
        },
    )

    assert response.status_code == 200
    assert refused <= set(response.context["adminform"].form.errors)
    assert not Store.objects.filter(code="sneaky").exists()


def test_a_platform_admin_creates_a_store_with_roles_and_owner(padmin, world):
    owner = world.a.membership.user

    response = padmin.post(
        url(world.a.store, "add"),
        {
            "platform": world.a.platform.pk,
            "merchant": world.a.merchant.pk,
            "code": "second",
            "name": "Second",
            "default_language": "de",
            "currency": "CHF",
            "owner": owner.email.upper(),
        },
    )

    assert response.status_code == 302
    store = Store.objects.get(code="second")
    assert (store.platform, store.default_language, store.currency) == (world.a.platform, "de", "CHF")
    with scopes_disabled():
        assert set(store.roles.values_list("kind", flat=True)) == {"owner", "manager", "staff"}
        assert store.memberships.get().user == owner


def test_a_new_store_needs_an_existing_owner(padmin, world):
    response = padmin.post(
        url(world.a.store, "add"),
        {
            "platform": world.a.platform.pk,
            "merchant": world.a.merchant.pk,
            "code": "second",
            "name": "Second",
            "default_language": "en",
            "currency": "EUR",
            "owner": "nobody@example.com",
        },
    )

    assert "owner" in response.context["adminform"].form.errors
    assert not Store.objects.filter(code="second").exists()


def test_a_smuggled_store_of_another_platform_in_a_new_domain_writes_nothing(padmin, world):
    response = padmin.post(
        url(world.a.store_domain, "add"), {"store": world.b.store.pk, "domain": "evil.example.com", "kind": "custom"}
    )

    assert response.status_code == 200
    assert "store" in response.context["adminform"].form.errors
    with scopes_disabled():
        assert not StoreDomain.objects.filter(domain="evil.example.com").exists()


def test_a_smuggled_role_of_another_store_is_a_form_error(padmin, world):
    membership = world.a.membership

    foreign = padmin.post(url(membership), {"role": world.b.role.pk})
    with scopes_disabled():
        other_store_role = StoreRole.objects.create(store=make_store(world.a.platform, "yankee"), name="Y")
    same_platform = padmin.post(url(membership), {"role": other_store_role.pk})

    for response in (foreign, same_platform):
        assert response.status_code == 200
        assert "role" in response.context["adminform"].form.errors
    with scopes_disabled():
        membership.refresh_from_db()
        assert membership.role.kind == "owner"


def test_a_foreign_invitation_smuggled_into_the_revoke_action_is_untouched(padmin, world):
    response = padmin.post(
        url(world.a.invitation, "changelist"),
        {"action": "revoke", "_selected_action": [world.a.invitation.pk, world.b.invitation.pk]},
    )

    assert response.status_code == 302
    with scopes_disabled():
        assert Invitation.objects.get(pk=world.a.invitation.pk).revoked_at is not None
        assert Invitation.objects.get(pk=world.b.invitation.pk).revoked_at is None


# --- teams and roles -----------------------------------------------------------------------


def test_the_last_owner_can_be_neither_demoted_nor_removed(padmin, world):
    membership = world.a.membership
    with scopes_disabled():
        manager = StoreRole.objects.get(store=world.a.store, kind="manager")

    demoted = padmin.post(url(membership), {"role": manager.pk})
    removed = padmin.post(url(membership, "delete"), {"post": "yes"})

    assert "role" in demoted.context["adminform"].form.errors
    assert removed.status_code == 403
    with scopes_disabled():
        assert StoreMembership.objects.get(pk=membership.pk).role.kind == "owner"


def test_a_custom_role_is_edited_with_declared_permissions_only(padmin, world):
    role = world.a.role

    page = padmin.get(url(role))
    unknown = padmin.post(url(role), {"name": "Packers", "permissions": ["tenancy.view_team", "nope.do_things"]})
    saved = padmin.post(url(role), {"name": "Packers", "permissions": ["tenancy.manage_team", "tenancy.view_team"]})

    assert "tenancy.view_team" in dict(form_field(page, "permissions").choices)
    assert "permissions" in unknown.context["adminform"].form.errors
    assert saved.status_code == 302
    with scopes_disabled():
        role.refresh_from_db()
    assert role.permissions == ["tenancy.manage_team", "tenancy.view_team"]


def test_a_role_cannot_grant_a_permission_of_a_module_that_is_off(padmin, world):
    assert not state.is_enabled(world.a.platform, "dummy_addon")
    response = padmin.post(url(world.a.role, "add"), {"store": world.a.store.pk, "name": "X", "permissions": []})
    assert response.status_code == 302  # a role with no permission is fine

    choices = set(dict(form_field(padmin.get(url(world.a.role, "add")), "permissions").choices))
    off = [pid for pid in choices if pid.split(".")[0] not in state.enabled_modules(world.a.platform)]
    if off:  # a module of the registry that is off on this platform
        refused = padmin.post(url(world.a.role, "add"), {"store": world.a.store.pk, "name": "Y", "permissions": off})
        assert "permissions" in refused.context["adminform"].form.errors


def test_built_in_roles_are_read_only(padmin, world):
    with scopes_disabled():
        owner_role = StoreRole.objects.get(store=world.a.store, kind="owner")

    page = padmin.get(url(owner_role))

    assert page.status_code == 200
    assert not page.context["has_change_permission"] and not page.context["has_delete_permission"]
    assert "tenancy.manage_team" in page.content.decode()  # the readable permission list


# --- module states ---------------------------------------------------------------------------


def test_module_pages_of_another_platform_are_404(padmin, world):
    b = world.b.platform

    for name in ("manage", "settings"):
        args = [b.pk] if name == "manage" else [b.pk, "dummy"]
        assert padmin.get(reverse(f"admin:orion_modules_platformmodule_{name}", args=args)).status_code == 404
    confirm = reverse("admin:orion_modules_platformmodule_confirm", args=[b.pk, "disable", "dummy"])
    assert padmin.post(confirm, {"plan": "disable:dummy"}).status_code == 404
    assert state.is_enabled(b, "dummy")


def test_a_platform_admin_manages_the_modules_of_their_platform(padmin, world):
    a = world.a.platform
    page = padmin.get(reverse("admin:orion_modules_platformmodule_manage", args=[a.pk]))

    assert page.status_code == 200
    assert {entry.platform_id for entry in page.context["audit_entries"]} == {a.pk}


# --- superusers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LISTED + SUPERUSER_ONLY)
def test_a_superuser_sees_both_platforms(admin_client, world, name):
    a_obj, b_obj = getattr(world.a, name), getattr(world.b, name)

    rows = result_list(admin_client.get(url(a_obj, "changelist")))

    assert {a_obj, b_obj} <= set(rows)
    assert admin_client.get(url(b_obj)).status_code == 200


def test_a_superusers_filters_and_dropdowns_offer_both(admin_client, world):
    changelist = admin_client.get(url(world.a.store, "changelist"))
    add = admin_client.get(url(world.a.store, "add"))

    assert {"Main", "Other", "Acme Ltd", "Zulu Ltd"} <= filter_choices(changelist)
    assert set(form_field(add, "merchant").queryset) >= {world.a.merchant, world.b.merchant}
    assert set(Merchant.objects.all()) == set(form_field(add, "merchant").queryset)
    assert set(Platform.objects.all()) == set(form_field(add, "platform").queryset)
    assert PlatformDomain.objects.count() == 2

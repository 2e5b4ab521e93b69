"""The core API: me, store settings, API keys (and logging in with one), the storefront's store info."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from rest_framework.test import APIClient

from modules.core import services
from modules.core.models import ApiToken
from modules.tenancy.models import Store
from modules.tenancy.testing import PASSWORD, add_member, make_user, owner_of
from orion.permissions import declared_permissions


def api(user=None, store=None, *, key: str | None = None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    headers = {}
    if store is not None:
        headers["HTTP_X_STORE"] = store.code
    if key is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    client.credentials(**headers)
    return client


def url(name: str, **kwargs) -> str:
    return reverse(f"api_store:core:{name}", kwargs=kwargs)


def new_key(store, user, name: str = "Integration") -> tuple[ApiToken, str]:
    with scope(store=store):
        return services.api_token_create(store=store, user=user, name=name)


# --- Me ----------------------------------------------------------------------


def test_me_tells_the_owner_everything_they_hold(store):
    response = api(owner_of(store), store).get(url("me"))

    assert response.status_code == 200
    body = response.json()
    assert body["user"]["email"] == "owner@acme.test"
    assert body["store"] == {"code": "acme", "name": "Acme"}
    assert body["role"]["kind"] == "owner"
    assert "tenancy.manage_roles" in body["permissions"]
    assert "core.manage_api_keys" in body["permissions"]


def test_me_lists_only_what_staff_may_do_now(store, member):
    staff = member(store, "staff@acme.test", "staff")

    body = api(staff, store).get(url("me")).json()

    assert body["role"]["kind"] == "staff"
    assert body["permissions"]
    assert all(pid.split(".", 1)[1].startswith("view_") for pid in body["permissions"])
    assert set(body["permissions"]) <= set(declared_permissions())


def test_me_is_404_for_outsiders_and_without_a_store(store, other_store):
    assert api(owner_of(other_store), store).get(url("me")).status_code == 404
    assert api(owner_of(store)).get(url("me")).status_code == 404


# --- Store settings ----------------------------------------------------------


def test_staff_read_the_settings_but_cannot_change_them(store, member):
    staff = member(store, "staff@acme.test", "staff")
    client = api(staff, store)

    read = client.get(url("store_settings"))
    write = client.patch(url("store_settings"), {"name": "Hacked"}, format="json")

    assert read.status_code == 200
    assert read.json()["name"] == "Acme"
    assert write.status_code == 403
    assert Store.objects.get(pk=store.pk).name == "Acme"


def test_a_manager_changes_the_settings(store, member):
    manager = member(store, "manager@acme.test", "manager")

    response = api(manager, store).patch(
        url("store_settings"),
        {"name": "Acme Goods", "tagline": "Everything", "contact_email": "hi@acme.test", "currency": "USD"},
        format="json",
    )

    assert response.status_code == 200
    saved = Store.objects.get(pk=store.pk)
    assert (saved.name, saved.tagline, saved.contact_email) == ("Acme Goods", "Everything", "hi@acme.test")
    assert saved.currency == "EUR"  # read-only here


def test_tagline_and_description_are_those_of_the_requests_language(store):
    client = api(owner_of(store), store)
    client.credentials(HTTP_X_STORE=store.code, HTTP_ACCEPT_LANGUAGE="de")

    written = client.patch(url("store_settings"), {"tagline": "Feine Waren"}, format="json")
    english = api(owner_of(store), store).get(url("store_settings"), HTTP_ACCEPT_LANGUAGE="en")

    assert written.json()["tagline"] == "Feine Waren"
    saved = Store.objects.get(pk=store.pk)
    assert (saved.tagline_de, saved.tagline_en) == ("Feine Waren", None)
    assert english.json()["tagline"] == ""


@pytest.mark.parametrize("payload", [{"name": ""}, {"contact_email": "not an email"}], ids=["blank-name", "bad-email"])
def test_bad_settings_are_field_errors(store, payload):
    response = api(owner_of(store), store).patch(url("store_settings"), payload, format="json")

    assert response.status_code == 400
    assert set(payload) <= set(response.json()["errors"])
    assert Store.objects.get(pk=store.pk).name == "Acme"


# --- API keys ----------------------------------------------------------------


def test_a_member_creates_a_key_shown_once_and_it_works(store, member):
    staff = member(store, "staff@acme.test", "staff")

    created = api(staff, store).post(url("apikey_list"), {"name": "Sync"}, format="json")
    key = created.json()["key"]
    listed = api(staff, store).get(url("apikey_list")).json()["results"]
    me = api(store=store, key=key).get(url("me"))

    assert created.status_code == 201
    assert key.startswith("orn_")
    assert "key" not in listed[0]
    assert me.status_code == 200
    assert me.json()["user"]["email"] == "staff@acme.test"


def test_members_list_their_own_keys_and_key_managers_list_all(store, member):
    staff = member(store, "staff@acme.test", "staff")
    new_key(store, staff, "Staff key")
    new_key(store, owner_of(store), "Owner key")

    own = api(staff, store).get(url("apikey_list")).json()["results"]
    everything = api(owner_of(store), store).get(url("apikey_list")).json()["results"]

    assert [row["name"] for row in own] == ["Staff key"]
    assert {row["name"] for row in everything} == {"Staff key", "Owner key"}


def test_revoking_keys(store, member):
    staff = member(store, "staff@acme.test", "staff")
    staff_token, staff_key = new_key(store, staff)
    owner_token, _key = new_key(store, owner_of(store))

    others = api(staff, store).delete(url("apikey_revoke", pk=owner_token.pk))
    revoked = api(owner_of(store), store).delete(url("apikey_revoke", pk=staff_token.pk))
    after = api(store=store, key=staff_key).get(url("me"))

    assert others.status_code == 404
    assert revoked.status_code == 204
    assert (after.status_code, after.json()["code"]) == (401, "authentication_failed")
    with scope(store=store):
        assert ApiToken.objects.get(pk=owner_token.pk).revoked_at is None


def test_a_key_of_store_a_is_an_outsider_in_store_b(store, other_store):
    owner = owner_of(store)
    add_member(other_store, owner.email, "owner")  # the user is on both teams
    _token, key = new_key(store, owner)

    assert api(store=store, key=key).get(url("me")).status_code == 200
    assert api(store=other_store, key=key).get(url("me")).status_code == 404
    assert api(store=other_store, key=key).get(reverse("api_store:tenancy:member_list")).status_code == 404


def test_a_wrong_key_is_refused(store):
    response = api(store=store, key="orn_" + "0" * 40).get(url("me"))

    assert (response.status_code, response.json()["code"]) == (401, "authentication_failed")
    assert response["WWW-Authenticate"] == "Bearer"


# --- Obtaining a key with a password -------------------------------------------------


def obtain(email: str, password: str = PASSWORD, store: str = "acme"):
    return APIClient().post(
        url("token_obtain"), {"email": email, "password": password, "store": store, "name": "CLI"}, format="json"
    )


def test_a_member_obtains_a_key_with_their_password(store):
    response = obtain("owner@acme.test")

    assert response.status_code == 201
    body = response.json()
    assert body["store"] == "acme"
    assert api(store=store, key=body["key"]).get(url("me")).json()["role"]["kind"] == "owner"


def test_wrong_password_and_not_a_member_look_the_same(store, other_store):
    wrong_password = obtain("owner@acme.test", password="wrong")
    not_a_member = obtain("owner@bravo.test", store="acme")
    unknown_store = obtain("owner@acme.test", store="nowhere")

    for response in (wrong_password, not_a_member, unknown_store):
        assert response.status_code == 400
        assert response.json() == not_a_member.json()
    assert not_a_member.json()["code"] == "invalid_credentials"
    with scopes_disabled():
        assert not ApiToken.objects.exists()


def test_repeated_failures_lock_the_account_out(store):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        obtain("owner@acme.test", password="wrong")

    locked = obtain("owner@acme.test")

    assert locked.status_code == 429
    assert locked.json()["code"] == "locked_out"
    with scopes_disabled():
        assert not ApiToken.objects.exists()


def test_bad_input_is_a_field_error(db, platform):
    response = APIClient().post(url("token_obtain"), {"email": "nope"}, format="json")

    assert response.status_code == 400
    assert {"email", "password", "store", "name"} <= set(response.json()["errors"])


# --- Storefront ----------------------------------------------------------------


def storefront(store_code: str | None, **headers):
    if store_code is not None:
        headers["HTTP_X_STORE"] = store_code
    return APIClient().get(reverse("api_storefront:core:store_detail"), **headers)


@pytest.fixture
def translated_store(store):
    store.tagline_en, store.tagline_de = "Fine goods", "Feine Waren"
    store.description_en, store.description_de = "Since 1900.", "Seit 1900."
    store.save()
    return store


def test_the_storefront_shows_the_store_in_the_shoppers_language(translated_store):
    english = storefront("acme", HTTP_ACCEPT_LANGUAGE="en")
    german = storefront("acme", HTTP_ACCEPT_LANGUAGE="de")

    assert english.status_code == 200
    assert english.json() == {
        "code": "acme",
        "name": "Acme",
        "tagline": "Fine goods",
        "description": "Since 1900.",
        "currency": "EUR",
        "default_language": "en",
        "language": "en",
    }
    assert (german.json()["tagline"], german.json()["description"], german.json()["language"]) == (
        "Feine Waren",
        "Seit 1900.",
        "de",
    )


def test_without_a_preference_the_storefront_speaks_the_stores_language(translated_store):
    Store.objects.filter(pk=translated_store.pk).update(default_language="de")
    from orion.modules import state

    state.invalidate()

    body = storefront("acme").json()

    assert (body["language"], body["tagline"]) == ("de", "Feine Waren")


def test_the_storefront_needs_an_active_store(store):
    assert storefront(None).status_code == 404
    assert storefront("nowhere").status_code == 404


def test_the_storefront_needs_no_login_and_ignores_credentials(store):
    make_user("shopper@example.test")

    response = storefront("acme", HTTP_AUTHORIZATION="Bearer orn_nonsense")

    assert response.status_code == 200

"""The core store pages: settings, localisation, profile and API keys."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from modules.core import services as core_services
from modules.core.authentication import hash_secret
from modules.core.models import ApiToken
from modules.tenancy import services as tenancy_services
from modules.tenancy.models import Store
from modules.tenancy.testing import owner_of


def url(store: Any, name: str, **kwargs: Any) -> str:
    return reverse(f"store:core:{name}", kwargs={"store_code": store.code, **kwargs})


def settings_data(**overrides: Any) -> dict[str, str]:
    data = {"form": "general", "name": "Acme Shop", "contact_email": "hello@acme.test"}
    for code, _name in settings.LANGUAGES:
        data[f"tagline_{code}"] = f"tagline {code}"
        data[f"description_{code}"] = f"description {code}"
    return {**data, **overrides}


def fresh(store: Any) -> Store:
    return Store.objects.get(pk=store.pk)


# --- Settings ----------------------------------------------------------------


def test_an_owner_saves_the_settings_in_every_language(client, store) -> None:
    client.force_login(owner_of(store))

    response = client.post(url(store, "settings_edit"), settings_data())

    assert response.status_code == 302
    saved = fresh(store)
    assert (saved.name, saved.contact_email) == ("Acme Shop", "hello@acme.test")
    assert [saved.tagline_en, saved.tagline_de, saved.tagline_fr, saved.tagline_lb] == [
        "tagline en",
        "tagline de",
        "tagline fr",
        "tagline lb",
    ]
    assert saved.description_lb == "description lb"
    # The page shows the new values (the tenant cache was invalidated).
    page = client.get(url(store, "settings_edit")).content.decode()
    assert 'value="Acme Shop"' in page and "tagline fr" in page


@pytest.mark.parametrize(
    ("field", "value"),
    [("contact_email", "not-an-email"), ("name", ""), ("tagline_de", "x" * 201)],
    ids=["invalid-email", "empty-name", "tagline-too-long"],
)
def test_bad_settings_give_field_errors_and_save_nothing(client, store, field, value) -> None:
    client.force_login(owner_of(store))

    response = client.post(url(store, "settings_edit"), settings_data(**{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    saved = fresh(store)
    assert (saved.name, saved.contact_email, saved.tagline_en) == (store.name, store.contact_email, store.tagline_en)


def test_staff_read_the_settings_but_get_403_on_post(client, store, member) -> None:
    staff = member(store, "staff@acme.test", "staff")
    client.force_login(staff)

    page = client.get(url(store, "settings_edit"))
    response = client.post(url(store, "settings_edit"), settings_data())

    assert page.status_code == 200
    assert all(field.disabled for field in page.context["form"].fields.values())
    assert response.status_code == 403
    assert fresh(store).name == "Acme"


def test_a_manager_changes_language_and_currency(client, store, member) -> None:
    client.force_login(member(store, "manager@acme.test", "manager"))

    response = client.post(
        url(store, "settings_edit"), {"form": "localisation", "default_language": "de", "currency": "CHF"}
    )

    assert response.status_code == 302
    assert (fresh(store).default_language, fresh(store).currency) == ("de", "CHF")


def test_a_bad_currency_or_language_gives_field_errors(client, store) -> None:
    client.force_login(owner_of(store))

    response = client.post(
        url(store, "settings_edit"), {"form": "localisation", "default_language": "xx", "currency": "DOGE"}
    )

    assert response.status_code == 200
    assert set(response.context["localisation_form"].errors) == {"default_language", "currency"}
    assert (fresh(store).default_language, fresh(store).currency) == ("en", "EUR")


def test_localisation_needs_its_own_permission(client, store, member) -> None:
    owner = owner_of(store)
    with scope(store=store):
        role = tenancy_services.role_create(
            store=store, actor=owner, name="Editor", permissions=["core.view_settings", "core.edit_settings"]
        )
    editor = member(store, "editor@acme.test", role=role)
    client.force_login(editor)

    page = client.get(url(store, "settings_edit"))
    denied = client.post(
        url(store, "settings_edit"), {"form": "localisation", "default_language": "fr", "currency": "USD"}
    )
    allowed = client.post(url(store, "settings_edit"), settings_data(name="Edited"))

    assert page.context["can_edit"] and not page.context["can_localise"]
    assert all(field.disabled for field in page.context["localisation_form"].fields.values())
    assert not any(field.disabled for field in page.context["form"].fields.values())
    assert denied.status_code == 403
    assert allowed.status_code == 302
    saved = fresh(store)
    assert (saved.name, saved.default_language, saved.currency) == ("Edited", "en", "EUR")


def test_localisation_alone_does_not_allow_general_settings(client, store, member) -> None:
    with scope(store=store):
        role = tenancy_services.role_create(
            store=store,
            actor=owner_of(store),
            name="Translator",
            permissions=["core.view_settings", "core.manage_localisation"],
        )
    client.force_login(member(store, "lang@acme.test", role=role))

    general = client.post(url(store, "settings_edit"), settings_data(name="Nope"))
    localisation = client.post(
        url(store, "settings_edit"), {"form": "localisation", "default_language": "lb", "currency": "EUR"}
    )

    assert general.status_code == 403
    assert localisation.status_code == 302
    assert (fresh(store).name, fresh(store).default_language) == ("Acme", "lb")


# --- Profile -----------------------------------------------------------------


def test_any_member_edits_their_name_and_language(client, store, member) -> None:
    staff = member(store, "staff@acme.test", "staff")
    client.force_login(staff)

    page = client.get(url(store, "profile_edit"))
    response = client.post(url(store, "profile_edit"), {"full_name": "Sam Staff", "language": "fr"})

    assert page.status_code == 200
    assert reverse("public:core:password_change") in page.content.decode()
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    staff.refresh_from_db()
    assert staff.full_name == "Sam Staff"
    # The next page is in the chosen language.
    assert client.get(url(store, "profile_edit")).context["form"].initial["language"] == "fr"


def test_an_unknown_language_is_a_field_error(client, store) -> None:
    owner = owner_of(store)
    client.force_login(owner)

    response = client.post(url(store, "profile_edit"), {"full_name": "X", "language": "xx"})

    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    owner.refresh_from_db()
    assert owner.full_name == ""


# --- API keys ----------------------------------------------------------------


def _api_get(client: Any, key: str, store_code: str) -> Any:
    return client.get(
        reverse("api_store:dummy:thing_list"), HTTP_AUTHORIZATION=f"Bearer {key}", HTTP_X_STORE=store_code
    )


def _create_key(client: Any, store: Any, **data: Any) -> Any:
    return client.post(url(store, "apikey_create"), {"name": "ERP sync", **data}, follow=True)


def test_a_created_key_is_shown_once_and_only_its_hash_is_stored(client, store) -> None:
    client.force_login(owner_of(store))
    assert client.get(url(store, "apikey_create")).status_code == 200

    response = _create_key(client, store)

    assert response.status_code == 200
    key = response.context["key"]
    assert key.startswith("orn_") and key in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    with scope(store=store):
        token = ApiToken.objects.get()
    assert token.token_hash == hash_secret(key) and key not in (token.token_hash, token.lookup)
    listing = client.get(url(store, "apikey_list")).content.decode()
    assert f"orn_{token.lookup}…" in listing and key not in listing


def test_reloading_the_created_page_neither_shows_the_key_again_nor_makes_another(client, store) -> None:
    client.force_login(owner_of(store))
    key = _create_key(client, store).context["key"]
    with scope(store=store):
        token = ApiToken.objects.get()

    again = client.get(
        reverse("store:core:apikey_created", kwargs={"store_code": store.code, "pk": token.pk}), follow=True
    )

    assert key not in again.content.decode()
    assert "shown only once" in again.content.decode()
    with scope(store=store):
        assert ApiToken.objects.count() == 1


def test_the_key_authenticates_against_the_store_api(client, store, enable) -> None:
    enable("dummy")
    client.force_login(owner_of(store))
    key = _create_key(client, store).context["key"]
    client.logout()

    response = _api_get(client, key, store.code)

    assert response.status_code == 200
    assert response.json()["store"] == "acme"
    with scope(store=store):
        assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_key_gets_401(client, store, enable) -> None:
    enable("dummy")
    client.force_login(owner_of(store))
    key = _create_key(client, store).context["key"]
    with scope(store=store):
        token = ApiToken.objects.get()

    revoked = client.post(url(store, "apikey_revoke", pk=token.pk))
    client.logout()

    assert revoked.status_code == 302
    assert _api_get(client, key, store.code).status_code == 401


def test_a_key_of_store_a_used_for_store_b_gets_404(client, store, other_store, enable, member) -> None:
    enable("dummy")
    # The owner of acme is on bravo's team too: the key still only opens acme.
    owner = owner_of(store)
    member(other_store, owner.email, "owner")
    client.force_login(owner)
    key = _create_key(client, store).context["key"]
    client.logout()

    assert _api_get(client, key, store.code).status_code == 200
    assert _api_get(client, key, other_store.code).status_code == 404


def test_an_expiry_in_the_past_is_a_field_error(client, store) -> None:
    client.force_login(owner_of(store))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = _create_key(client, store, expires_on=yesterday.isoformat())

    assert response.status_code == 200
    assert "expires_on" in response.context["form"].errors
    with scopes_disabled():
        assert not ApiToken.objects.exists()


def test_a_key_with_an_expiry_works_until_the_end_of_that_day(client, store) -> None:
    client.force_login(owner_of(store))
    today = timezone.localdate()

    _create_key(client, store, expires_on=today.isoformat())

    with scope(store=store):
        token = ApiToken.objects.get()
    assert token.is_usable
    assert timezone.localtime(token.expires_at).date() == today + datetime.timedelta(days=1)


def test_the_list_shows_own_keys_and_other_members_keys(client, store, member) -> None:
    owner = owner_of(store)
    manager = member(store, "manager@acme.test", "manager")
    core_services.api_token_create(store=store, user=owner, name="Owner key")
    core_services.api_token_create(store=store, user=manager, name="Manager key")
    client.force_login(manager)

    response = client.get(url(store, "apikey_list"))

    assert [k.name for k in response.context["own_keys"]] == ["Manager key"]
    assert [k.name for k in response.context["other_keys"]] == ["Owner key"]


def test_staff_cannot_manage_keys(client, store, member) -> None:
    owner = owner_of(store)
    token, _key = core_services.api_token_create(store=store, user=owner, name="Owner key")
    client.force_login(member(store, "staff@acme.test", "staff"))

    assert client.get(url(store, "apikey_list")).status_code == 403
    assert _create_key(client, store).status_code == 403
    assert client.post(url(store, "apikey_revoke", pk=token.pk)).status_code == 403
    with scope(store=store):
        assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_revoking_another_stores_key_is_404(client, store, other_store) -> None:
    token, _key = core_services.api_token_create(store=other_store, user=owner_of(other_store), name="Bravo key")
    client.force_login(owner_of(store))

    response = client.post(url(store, "apikey_revoke", pk=token.pk))

    assert response.status_code == 404
    with scope(store=other_store):
        assert ApiToken.objects.get(pk=token.pk).revoked_at is None

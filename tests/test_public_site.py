"""Merchant signup across core and tenancy, and the storefront's language."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scopes_disabled

from modules.core.routes.pages.public import SignupForm
from modules.tenancy import exceptions, services
from modules.tenancy.models import Merchant, Store, StoreMembership
from modules.tenancy.testing import PASSWORD, make_store, make_user


def _form(**changes: str) -> dict[str, str]:
    data = {
        "company_name": "Nord Bikes SARL",
        "full_name": "Lena Nord",
        "email": "lena@nordbikes.test",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "store_name": "Nord Bikes",
        "store_code": "nord-bikes",
        "default_language": "de",
    }
    return {**data, **changes}


def _counts() -> tuple[int, int, int]:
    with scopes_disabled():
        return get_user_model().objects.count(), Merchant.objects.count(), Store.objects.count()


def test_signup_creates_merchant_store_and_owner_then_opens_the_dashboard(client, platform):
    response = client.post(reverse("public:core:signup"), _form())

    assert response.status_code == 302
    assert response["Location"] == "/store/nord-bikes/core/dashboard/"
    store = Store.objects.get(platform=platform, code="nord-bikes")
    user = get_user_model().objects.get(email="lena@nordbikes.test")
    assert (store.name, store.default_language, store.merchant.name) == ("Nord Bikes", "de", "Nord Bikes SARL")
    assert user.full_name == "Lena Nord" and user.check_password(PASSWORD)
    with scopes_disabled():
        membership = StoreMembership.objects.get(store=store, user=user)
    assert membership.role.kind == "owner"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(response["Location"]).status_code == 200  # logged in, and the owner


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"email": "owner@acme.test"}, "email", id="email-taken"),
        pytest.param({"email": "OWNER@acme.test"}, "email", id="email-taken-other-case"),
        pytest.param({"store_code": "acme"}, "store_code", id="store-code-taken"),
        pytest.param({"store_code": "ACME"}, "store_code", id="store-code-taken-upper-case"),
        pytest.param({"store_code": "nord bikes!"}, "store_code", id="store-code-not-a-slug"),
        pytest.param({"password1": "password", "password2": "password"}, "password1", id="common-password"),
        pytest.param({"password1": "12345678901", "password2": "12345678901"}, "password1", id="numeric-password"),
        pytest.param({"password1": "lena@nordbikes", "password2": "lena@nordbikes"}, "password1", id="like-email"),
        pytest.param({"password2": "something else entirely"}, "password2", id="passwords-differ"),
        pytest.param({"company_name": ""}, "company_name", id="company-missing"),
        pytest.param({"default_language": "xx"}, "default_language", id="unknown-language"),
    ],
)
def test_signup_refuses_bad_input_with_field_errors_and_writes_nothing(client, store, changes, field):
    before = _counts()

    response = client.post(reverse("public:core:signup"), _form(**changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="errorlist' in response.content.decode()
    assert _counts() == before
    assert "_auth_user_id" not in client.session


def test_the_same_store_code_is_free_on_another_platform(client, platform, other_platform):
    make_store(other_platform, "nord-bikes")

    response = client.post(reverse("public:core:signup"), _form())

    assert response.status_code == 302
    assert Store.objects.filter(code="nord-bikes").count() == 2


def test_signup_losing_a_race_for_the_store_code_reports_it_and_writes_nothing(client, store, monkeypatch):
    # Another signup took the code between the form's check and the service call.
    monkeypatch.setattr(SignupForm, "clean_store_code", lambda form: form.cleaned_data["store_code"])
    before = _counts()

    response = client.post(reverse("public:core:signup"), _form(store_code="acme"))

    assert response.status_code == 200
    assert response.context["form"].errors["store_code"] == [str(exceptions.StoreCodeTakenError.default_message)]
    assert _counts() == before


def test_signup_losing_a_race_for_the_email_reports_it_and_writes_nothing(client, store, monkeypatch):
    monkeypatch.setattr(SignupForm, "clean_email", lambda form: form.cleaned_data["email"])
    before = _counts()

    response = client.post(reverse("public:core:signup"), _form(email="owner@acme.test"))

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert _counts() == before


def test_merchant_signup_is_atomic(platform, store):
    before = _counts()

    with pytest.raises(exceptions.StoreCodeTakenError):
        services.merchant_signup(
            platform=platform,
            company_name="Late Ltd",
            email="late@example.test",
            full_name="Late",
            password=PASSWORD,
            store_name="Late",
            store_code="acme",
        )
    with pytest.raises(ValidationError):
        services.merchant_signup(
            platform=platform,
            company_name="Twice Ltd",
            email="owner@acme.test",
            full_name="Twice",
            password=PASSWORD,
            store_name="Twice",
            store_code="twice",
        )

    assert _counts() == before


def test_a_logged_in_user_can_still_open_the_signup_page(client, platform):
    client.force_login(make_user("someone@example.test"))

    assert client.get(reverse("public:core:signup")).status_code == 200


# --- Storefront language ---------------------------------------------------


def test_storefront_speaks_the_stores_default_language(client, store):
    store.default_language = "fr"
    store.save()

    html = client.get("/shop/acme/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="fr">' in html
    assert "Langue" in html  # the language switcher's label, translated


def test_the_shoppers_choice_wins_over_the_stores_language(client, store):
    store.default_language = "fr"
    store.save()
    client.post("/i18n/setlang/", {"language": "de", "next": "/shop/acme/"})

    html = client.get("/shop/acme/").content.decode()

    assert '<html lang="de">' in html


def test_the_stores_language_stays_on_its_storefront(client, store):
    store.default_language = "fr"
    store.save()

    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="en">' in html

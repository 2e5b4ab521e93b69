"""Staff accounts on the platform site: login, logout, password change and reset, and login throttling."""

from __future__ import annotations

import re

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_scopes import scope

from modules.core.services import api_token_create
from modules.tenancy.testing import PASSWORD, make_user, owner_of

LOGIN = "/accounts/login/"
PASSWORD_CHANGE = "/accounts/password/change/"
LIMIT = settings.AXES_FAILURE_LIMIT
NEW_PASSWORD = "a brand new passphrase 42"
THINGS_API = "/api/v1/store/dummy/things/"


def login(client, email, password=PASSWORD, *, ip="10.0.0.1", next="/"):
    return client.post(LOGIN, {"username": email, "password": password, "next": next}, REMOTE_ADDR=ip)


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


@pytest.fixture
def user(platform):
    return make_user("staff@example.com")


# --- login and logout --------------------------------------------------------


def test_login_page_asks_for_email_and_password(client, platform):
    response = client.get(LOGIN)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="email"' in html and 'name="username"' in html
    assert 'type="password"' in html
    assert reverse("public:core:password_reset") in html


def test_login_lands_on_login_redirect_url(client, user, settings):
    try:
        expected = reverse(settings.LOGIN_REDIRECT_URL)
    except NoReverseMatch:  # the store chooser is not mounted yet: check the wiring with a plain URL
        settings.LOGIN_REDIRECT_URL = expected = "/welcome/"

    response = client.post(LOGIN, {"username": "staff@example.com", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == expected
    assert logged_in_user_id(client) == str(user.pk)


def test_login_follows_a_local_next(client, user):
    response = login(client, "staff@example.com", next=PASSWORD_CHANGE)

    assert response.url == PASSWORD_CHANGE


def test_login_accepts_the_email_domain_in_any_case(client, user):
    assert login(client, "staff@EXAMPLE.com").status_code == 302
    assert logged_in_user_id(client) == str(user.pk)


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "http://evil.example/accounts/", "https:/\\evil.example"],
    ids=["absolute", "scheme-relative", "other-host", "backslash"],
)
def test_login_refuses_to_redirect_to_another_site(client, user, settings, next_url):
    settings.LOGIN_REDIRECT_URL = "/welcome/"

    response = login(client, "staff@example.com", next=next_url)

    assert response.status_code == 302
    assert response.url == "/welcome/"
    assert 'name="next" value=""' in Client().get(LOGIN, {"next": next_url}).content.decode()


def test_login_keeps_the_next_parameter_in_the_form(client, platform):
    html = client.get(LOGIN, {"next": PASSWORD_CHANGE}).content.decode()

    assert f'name="next" value="{PASSWORD_CHANGE}"' in html


@pytest.mark.parametrize(
    ("email", "password"),
    [("staff@example.com", "wrong password"), ("nobody@example.com", PASSWORD)],
    ids=["wrong-password", "unknown-email"],
)
def test_failed_login_says_the_same_whatever_was_wrong(client, user, email, password):
    response = login(client, email, password)

    assert response.status_code == 200
    assert "The email address or the password is wrong." in response.content.decode()
    assert logged_in_user_id(client) is None


def test_inactive_account_gets_the_same_answer(client, user):
    user.is_active = False
    user.save()

    response = login(client, "staff@example.com")

    assert "The email address or the password is wrong." in response.content.decode()
    assert logged_in_user_id(client) is None


def test_login_gives_a_new_session_key(client, user):
    """Session fixation: a key planted before login is worthless after it."""
    session = client.session
    session["planted"] = True
    session.save()
    planted_key = session.session_key

    login(client, "staff@example.com")

    assert client.session.session_key != planted_key
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted_key
    assert attacker.get(PASSWORD_CHANGE).status_code == 302


def test_logout_is_a_post_and_ends_the_session(client, user):
    login(client, "staff@example.com")

    assert client.get("/accounts/logout/").status_code == 405
    assert logged_in_user_id(client) == str(user.pk)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response.url == reverse("public:core:login")
    assert logged_in_user_id(client) is None
    assert client.get(PASSWORD_CHANGE).url.startswith(LOGIN)


# --- password change -----------------------------------------------------------


def test_password_change_needs_a_login(client, platform):
    response = client.get(PASSWORD_CHANGE)

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={PASSWORD_CHANGE}"


def test_password_change_keeps_this_session_and_ends_the_others(user):
    here, elsewhere = Client(), Client()
    login(here, "staff@example.com")
    login(elsewhere, "staff@example.com", ip="10.0.0.2")

    response = here.post(
        PASSWORD_CHANGE, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("public:core:password_change_done")
    assert here.get(PASSWORD_CHANGE).status_code == 200
    assert elsewhere.get(PASSWORD_CHANGE).url == f"{LOGIN}?next={PASSWORD_CHANGE}"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_change_shows_errors(client, user):
    login(client, "staff@example.com")

    response = client.post(
        PASSWORD_CHANGE, {"old_password": "not it", "new_password1": "short", "new_password2": "other"}
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"old_password", "new_password2"}
    assert 'class="errorlist' in response.content.decode()


# --- password reset --------------------------------------------------------------


def request_reset(client, email):
    return client.post(reverse("public:core:password_reset"), {"email": email})


def test_password_reset_end_to_end(client, user):
    response = request_reset(client, "staff@example.com")

    assert response.url == reverse("public:core:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["staff@example.com"]
    assert "Main" in message.subject  # the platform's name
    link = re.search(r"https://testserver(/accounts/password/reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert done.url == reverse("public:core:password_reset_complete")
    assert login(Client(), "staff@example.com", NEW_PASSWORD).status_code == 302
    assert client.get(link, follow=True).context["validlink"] is False  # the link works once


def test_password_reset_answers_the_same_for_an_unknown_email(client, user):
    known = request_reset(client, "staff@example.com")
    unknown = request_reset(client, "nobody@example.com")

    assert unknown.status_code == known.status_code == 302
    assert unknown.url == known.url
    assert len(mail.outbox) == 1


def test_password_reset_link_that_is_broken_says_so(client, platform):
    response = client.get("/accounts/password/reset/MQ/nope-nope/")

    assert response.status_code == 200
    assert "This link no longer works" in response.content.decode()


# --- throttling: login form -----------------------------------------------------


def assert_locked_out(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed login attempts" in html
    assert "15 minutes" in html
    assert reverse("public:core:password_reset") in html


def test_account_is_locked_after_the_limit_from_any_address(client, user):
    for attempt in range(LIMIT - 1):
        assert login(client, "staff@example.com", "wrong", ip=f"10.0.1.{attempt}").status_code == 200

    assert_locked_out(login(client, "staff@example.com", "wrong", ip="10.0.1.99"))
    assert_locked_out(login(client, "staff@example.com", ip="10.0.2.1"))  # the right password, a fresh address
    assert logged_in_user_id(client) is None


def test_address_is_locked_after_the_limit_across_accounts(client, platform):
    for n in range(LIMIT):
        login(client, f"guess{n}@example.com", "wrong", ip="10.0.3.1")
    make_user("victim@example.com")

    assert_locked_out(login(client, "victim@example.com", ip="10.0.3.1"))
    assert logged_in_user_id(client) is None
    assert login(client, "victim@example.com", ip="10.0.3.2").status_code == 302  # other addresses are not blocked


def test_successful_login_resets_the_count(client, user):
    for _ in range(LIMIT - 1):
        login(client, "staff@example.com", "wrong")
    assert login(client, "staff@example.com").status_code == 302
    assert not AccessAttempt.objects.filter(username="staff@example.com").exists()
    client.post("/accounts/logout/")

    for _ in range(LIMIT - 1):
        login(client, "staff@example.com", "wrong")

    assert login(client, "staff@example.com").status_code == 302


def test_password_reset_lifts_the_account_lockout(client, user):
    for attempt in range(LIMIT):
        login(client, "staff@example.com", "wrong", ip=f"10.0.4.{attempt}")
    assert login(client, "staff@example.com", ip="10.0.5.1").status_code == 429

    request_reset(client, "staff@example.com")
    link = re.search(r"https://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert login(client, "staff@example.com", NEW_PASSWORD, ip="10.0.5.1").status_code == 302


# --- throttling: API keys -------------------------------------------------------


def call_api(client, key, ip):
    return client.get(THINGS_API, HTTP_X_STORE="acme", HTTP_AUTHORIZATION=f"Bearer {key}", REMOTE_ADDR=ip)


def test_wrong_api_keys_lock_the_address_out(client, store, enable):
    enable("dummy")
    with scope(store=store):
        key = api_token_create(store=store, user=owner_of(store), name="ci")[1]
    assert call_api(client, key, "10.0.6.1").status_code == 200

    for attempt in range(LIMIT - 1):
        assert call_api(client, f"orn_wrong{attempt}", "10.0.6.1").json()["code"] == "authentication_failed"
    last = call_api(client, "orn_wrong-again", "10.0.6.1")
    after = call_api(client, key, "10.0.6.1")  # even a good key, from this address

    for response in (last, after):
        assert response.status_code == 429
        assert response.json()["code"] == "locked_out"
    assert call_api(client, key, "10.0.6.2").status_code == 200  # other addresses still work


def test_api_lockout_also_blocks_the_login_form_from_that_address(client, store, enable, user):
    enable("dummy")
    for attempt in range(LIMIT):
        call_api(client, f"orn_wrong{attempt}", "10.0.7.1")

    assert login(client, "staff@example.com", ip="10.0.7.1").status_code == 429


@pytest.fixture
def account_reset_handler(settings):
    settings.AXES_HANDLER = "orion.accounts.lockout.AccountResetHandler"
    AxesProxyHandler.get_implementation(force=True)
    yield
    AxesProxyHandler.implementation = None  # reloaded from the restored settings on next use


def guess_then_log_in_as_yourself(rounds):
    """An attacker with an account of their own, from one address: guesses at a victim, logs in as themself."""
    make_user("victim@example.com")
    make_user("attacker@example.com")
    answers = []
    for _ in range(rounds):
        answers += [login(Client(), "victim@example.com", "guess", ip="10.0.8.1").status_code for _ in range(LIMIT - 1)]
        answers.append(login(Client(), "attacker@example.com", ip="10.0.8.1").status_code)
    return answers


def test_account_reset_handler_keeps_counting_guesses_at_other_accounts(platform, account_reset_handler):
    answers = guess_then_log_in_as_yourself(rounds=2)

    assert answers[: LIMIT - 1] == [200] * (LIMIT - 1)
    assert answers[LIMIT - 1] == 302  # the attacker's own login works...
    assert set(answers[LIMIT:]) == {429}  # ...but does not wipe the guesses made from the address


def test_account_reset_handler_forgets_the_accounts_own_failures(client, user, account_reset_handler):
    for _ in range(LIMIT - 1):
        login(client, "staff@example.com", "wrong")
    assert login(client, "staff@example.com").status_code == 302
    client.post("/accounts/logout/")

    for _ in range(LIMIT - 1):
        login(client, "staff@example.com", "wrong")

    assert login(client, "staff@example.com").status_code == 302


def test_admin_password_change_works_with_these_templates(client, platform):
    """Django admin renders registration/password_change_*.html too: the form posts back to the admin."""
    client.force_login(make_user("root@example.com", is_staff=True, is_superuser=True))

    response = client.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.url == "/admin/password_change/done/"
    assert client.get(response.url).status_code == 200


def test_the_settings_use_the_account_reset_handler(settings):
    assert settings.AXES_HANDLER == "orion.accounts.lockout.AccountResetHandler"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # one proxy: the address it saw
        (2, "198.51.100.7, 203.0.113.9", "198.51.100.7"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer hops than proxies: not trusted
    ],
)
def test_the_client_address_behind_trusted_proxies(rf, settings, proxies, forwarded, expected):
    from orion.accounts.lockout import client_ip

    settings.ORION_TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.1")

    assert client_ip(request) == expected


def test_behind_a_proxy_one_visitors_failures_do_not_lock_out_another(client, platform, user, settings):
    settings.ORION_TRUSTED_PROXY_COUNT = 1
    for _ in range(LIMIT):
        client.post(
            "/accounts/login/",
            {"username": "someone@example.com", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )

    response = Client().post(
        "/accounts/login/",
        {"username": "staff@example.com", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )

    assert response.status_code == 302


def test_the_reset_email_goes_through_celery(client, user, monkeypatch):
    from orion.accounts import tasks

    queued = []
    monkeypatch.setattr(tasks.send_email, "delay", lambda *args: queued.append(args))

    client.post("/accounts/password/reset/", {"email": "staff@example.com"})

    assert len(queued) == 1
    subject, body, to, _html = queued[0]
    assert to == ["staff@example.com"] and "/accounts/password/reset/" in body
    assert not mail.outbox  # nothing sent in the request itself

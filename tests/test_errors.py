"""Error pages per frontend (DEBUG off): store dashboard, storefront, API and public site."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import SimpleLazyObject

from modules.tenancy.testing import make_user, owner_of
from orion import errors
from orion.urls import urlpatterns as root_urlpatterns


def boom(request, **kwargs):
    raise RuntimeError("the view broke")


def denied(request, **kwargs):
    raise PermissionDenied("Only the night shift may see this.")


# A test-only URLconf (see the ``urls`` marker): the real routes plus views that fail.
urlpatterns = [
    path("boom/", boom),
    path("denied/", denied),
    path("store/<slug:store_code>/boom/", boom),
    path("store/<slug:store_code>/denied/", denied),
    path("shop/<slug:store_code>/boom/", boom),
    path("shop/<slug:store_code>/denied/", denied),
    path("api/boom/", boom),
    path("api/denied/", denied),
    *root_urlpatterns,
]
handler403 = errors.handler403
handler404 = errors.handler404
handler500 = errors.handler500

pytestmark = pytest.mark.urls("tests.test_errors")


@pytest.fixture(autouse=True)
def _no_debug(settings):
    settings.DEBUG = False


@pytest.fixture
def crashing_client(client):
    client.raise_request_exception = False
    return client


# --- Public site -----------------------------------------------------------


def test_public_404_uses_the_public_layout(client, platform):
    response = client.get("/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html and 'class="site-header"' in html and "Main" in html
    assert "tried" not in html  # the resolver's details stay private


def test_404_for_an_unknown_host_renders_without_a_platform(client, platform):
    response = client.get("/", HTTP_HOST="nobody.example")

    assert response.status_code == 404
    assert "No platform is served at this address." in response.content.decode()


def test_public_403_shows_the_reason(client, platform):
    response = client.get("/denied/")

    assert response.status_code == 403
    assert "Access denied" in response.content.decode()
    assert "Only the night shift may see this." in response.content.decode()


def test_public_500_is_the_plain_error_page(crashing_client, platform):
    response = crashing_client.get("/boom/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html and "Main" in html
    assert "the view broke" not in html


# --- Store dashboard -------------------------------------------------------


def test_store_404_for_an_unknown_store_renders_without_a_store(client, store):
    client.force_login(owner_of(store))

    response = client.get("/store/nope/core/dashboard/")

    html = response.content.decode()
    assert response.status_code == 404
    assert 'class="dashboard"' in html and "Page not found" in html


def test_store_404_for_an_outsider_does_not_name_the_store(client, store, other_store):
    client.force_login(owner_of(other_store))

    response = client.get("/store/acme/core/dashboard/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Acme" not in html and "store-switcher" not in html


def test_store_403_offers_the_way_back_to_the_dashboard(client, store, member):
    client.force_login(member(store, "staff@acme.test", "staff"))

    response = client.get("/store/acme/denied/")

    html = response.content.decode()
    assert response.status_code == 403
    assert 'class="dashboard"' in html and "Access denied" in html
    assert 'href="/store/acme/core/dashboard/"' in html


def test_store_500(crashing_client, store):
    response = crashing_client.get("/store/acme/boom/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


# --- Storefront ------------------------------------------------------------


def test_storefront_404_of_a_known_store_keeps_the_shop_around_it(client, store):
    response = client.get("/shop/acme/no-such-product/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html and "Acme" in html and 'href="/shop/acme/"' in html


def test_storefront_404_of_an_unknown_store(client, platform):
    response = client.get("/shop/nope/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "shop-header" in html and "No store with this code on this platform." in html


def test_storefront_403(client, store):
    response = client.get("/shop/acme/denied/")

    assert response.status_code == 403
    assert "shop-header" in response.content.decode()


def test_storefront_500_names_the_store_and_links_back_to_it(crashing_client, store):
    response = crashing_client.get("/shop/acme/boom/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Acme" in html and 'href="/shop/acme/"' in html


# --- API -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        pytest.param("/api/v1/nothing-here/", 404, "not_found", id="404"),
        pytest.param("/api/denied/", 403, "permission_denied", id="403"),
        pytest.param("/api/boom/", 500, "server_error", id="500"),
    ],
)
def test_api_errors_are_json(crashing_client, platform, url, status, code):
    response = crashing_client.get(url)

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["code"] == code and body["detail"]


def test_api_404_for_an_unknown_store_header(client, platform):
    response = client.get("/api/v1/nothing-here/", HTTP_X_STORE="nope")

    assert response.status_code == 404
    assert json.loads(response.content) == {"code": "not_found", "detail": "No store with this code on this platform."}


# --- The 500 handler itself ------------------------------------------------


@pytest.mark.parametrize("url", ["/boom/", "/store/acme/boom/", "/shop/acme/boom/"])
def test_500_handler_touches_neither_database_nor_user(rf, store, django_assert_num_queries, url):
    request = rf.get(url)
    request.platform, request.store = store.platform, store
    request.user = SimpleLazyObject(lambda: pytest.fail("the 500 page read the user"))

    with django_assert_num_queries(0):
        response = errors.handler500(request)

    assert response.status_code == 500 and "Something went wrong" in response.content.decode()


def test_500_handler_survives_a_request_the_middleware_never_saw(rf):
    response = errors.handler500(rf.get("/shop/acme/boom/"))

    assert response.status_code == 500 and "Orion" in response.content.decode()


def test_500_handler_falls_back_to_plain_html_when_its_template_fails(rf, monkeypatch):
    def broken(name):
        raise RuntimeError("template storage is gone")

    monkeypatch.setattr(errors.loader, "get_template", broken)

    response = errors.handler500(rf.get("/"))

    assert response.status_code == 500 and "Something went wrong" in response.content.decode()


def test_logged_in_404_shows_the_account_in_the_header(client, platform):
    client.force_login(make_user("someone@example.test"))

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Log out" in response.content.decode()

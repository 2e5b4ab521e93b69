"""Tenant + module resolution per request, URL gating, menus, providers and slots."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from modules.tenancy.testing import make_store, owner_of
from orion.modules import services, state


def things_url(store):
    return f"/store/{store.code}/dummy/things/"


def test_unknown_host_is_a_clear_404(client, platform):
    response = client.get("/dummy-about/", HTTP_HOST="nobody.example.com")

    assert response.status_code == 404


def test_spoofed_forwarded_host_is_ignored(client, platform, other_platform, enable):
    enable("dummy", on=other_platform)

    response = client.get("/dummy-about/", HTTP_X_FORWARDED_HOST="other.testserver")

    assert response.status_code == 404  # served as testserver, where dummy is off


def test_hostless_paths_work_on_any_host(client, db):
    assert client.get("/health/live", HTTP_HOST="nobody.example.com").status_code == 200


def test_request_carries_platform_store_and_modules(client, platform, store, enable):
    enable("dummy")
    client.force_login(owner_of(store))

    response = client.get(things_url(store))

    assert response.status_code == 200
    request = response.wsgi_request
    assert request.platform == platform
    assert request.store == store
    assert {"dummy", "tenancy"} <= request.modules


def test_disabled_module_pages_are_404(client, platform, store):
    assert client.get(things_url(store)).status_code == 404
    assert client.get("/shop/acme/shelf/").status_code == 404
    assert client.get("/dummy-about/").status_code == 404


def test_disabled_module_api_is_403_with_stable_code(client, platform, store):
    response = client.get("/api/v1/store/dummy/things/", HTTP_X_STORE="acme")

    assert response.status_code == 403
    assert response.json()["code"] == "module_disabled"
    assert response.json()["module"] == "dummy"


def test_enabled_module_is_served_on_every_frontend(client, platform, store, enable):
    enable("dummy")
    client.force_login(owner_of(store))

    assert client.get("/shop/acme/shelf/").content == b"shelf of acme"
    assert client.get("/dummy-about/").content == b"about dummy on main"
    assert client.get("/api/v1/store/dummy/things/", HTTP_X_STORE="acme").json() == {"store": "acme", "things": []}


def test_store_of_another_platform_is_404(client, platform, other_platform, enable):
    enable("dummy")
    enable("dummy", on=other_platform)
    foreign = make_store(other_platform, "foreign")

    assert client.get(things_url(foreign)).status_code == 404
    assert client.get("/api/v1/store/dummy/things/", HTTP_X_STORE="foreign").status_code == 404


def test_warm_request_makes_no_resolution_query(client, platform, store, enable):
    enable("dummy")
    client.get(things_url(store))  # warm the cache

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/shop/acme/shelf/")

    assert response.status_code == 200
    assert len(queries) == 0


def test_cold_resolution_costs_three_queries(client, platform, store, enable):
    enable("dummy")
    state.invalidate()

    with CaptureQueriesContext(connection) as queries:
        client.get("/shop/acme/shelf/")

    assert len(queries) == 3  # platform by domain, store, enabled modules


def test_changes_apply_on_the_next_request(client, platform, store, enable):
    enable("dummy")
    assert client.get("/shop/acme/shelf/").status_code == 200

    services.disable_module(platform=platform, code="dummy")
    assert client.get("/shop/acme/shelf/").status_code == 404

    store.status = "suspended"
    store.save()
    services.enable_module(platform=platform, code="dummy")
    assert client.get("/shop/acme/shelf/").status_code == 404


def test_other_processes_see_the_change_through_the_version_counter(platform, enable):
    assert not state.is_enabled(platform, "dummy")
    version = state.current_version()

    enable("dummy")

    assert state.current_version() > version
    state._memo.version = version  # a process that had cached the old state
    assert state.is_enabled(platform, "dummy")


def test_a_version_ttl_still_shows_this_process_its_own_changes(client, platform, store, enable, settings):
    settings.ORION_TENANT_VERSION_TTL = 60
    assert client.get("/shop/acme/shelf/").status_code == 404

    enable("dummy")

    assert client.get("/shop/acme/shelf/").status_code == 200


def test_host_outside_allowed_hosts_is_rejected(client, platform, settings):
    settings.ALLOWED_HOSTS = ["testserver"]

    assert client.get("/admin/login/", HTTP_HOST="evil.example").status_code == 400


def test_menu_shows_enabled_items_the_user_may_see(client, platform, store, enable, member):
    enable("dummy_addon")
    client.force_login(member(store, "clerk@acme.test", role=_empty_role(store)))

    clerk = client.get(things_url(store)).content.decode()
    assert "Open things" in clerk and "Extras" in clerk
    assert ">Things<" not in clerk  # needs dummy.view_thing
    assert "Not routed yet" not in clerk

    client.force_login(owner_of(store))
    assert ">Things<" in client.get(things_url(store)).content.decode()


def _empty_role(store):
    from django_scopes import scope

    from modules.tenancy.models import StoreRole

    with scope(store=store):
        return StoreRole.objects.create(store=store, name="Nothing", permissions=[])


def test_menu_of_a_disabled_module_is_gone(client, platform, store, enable):
    enable("dummy_addon")
    client.force_login(owner_of(store))
    services.disable_module(platform=platform, code="dummy_addon")

    assert "Extras" not in client.get(things_url(store)).content.decode()


def test_context_providers_and_slots_run_for_enabled_modules(client, platform, store, enable):
    enable("dummy")
    client.force_login(owner_of(store))

    page = client.get(things_url(store)).content.decode()

    assert "hello from dummy on main" in page
    assert '<span class="dummy-slot">slot of dummy</span>' in page
    assert "could not be shown" in page  # the broken slot renders in place


def test_a_failing_provider_is_logged_and_skipped(rf, platform, enable, caplog):
    from orion.modules.context import get_context_for_frontend
    from orion.modules.definition import FrontendType

    enable("dummy")
    request = rf.get("/")
    request.platform, request.modules = platform, state.enabled_modules(platform)

    assert get_context_for_frontend(request, FrontendType.PLATFORM) == {}
    assert "Context provider of module 'dummy' failed" in caplog.text


@pytest.mark.parametrize("path", ["/admin/login/", "/health/live"])
def test_framework_paths_need_no_platform(client, db, path):
    assert client.get(path, HTTP_HOST="elsewhere.example").status_code == 200

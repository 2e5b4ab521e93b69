"""Tenants never see each other: a walk over every store and API route.

The routes are read from the URL resolver, so a route a module adds later
is walked without touching this file. Three things are proven:

1. every view of the store and admin frontends derives from a scoped base
   (``orion.views`` / ``orion.api``), which is where isolation happens;
2. an owner of store A who asks for store B's objects through A's URLs
   (B's ids in the path) gets 404 and nothing of B changes;
3. an owner of store A who asks for store B's URLs gets 404, with a session
   and with an API key of A, and no page of A shows B's data.

The two stores are filled by the seeds each module registers next to its
factories (``modules/<code>/tests/isolation.py``, see
``orion.testing.isolation``): the meta-test fails for a store-scoped model
without one, so new models are walked too, and this file names no module's
models.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation
from django_scopes import scopes_disabled

from modules.core import services as core_services
from modules.tenancy.testing import make_platform, make_store, owner_of
from orion.api import PlatformAdminAPIMixin, StoreAPIMixin
from orion.modules import registry
from orion.modules import services as module_services
from orion.testing.isolation import collect_seeds, scoped_models, seed_exemptions, seed_store
from orion.views import StoreViewMixin

SCOPED_FRONTENDS = {"store": StoreViewMixin, "api_store": StoreAPIMixin, "api_admin": PlatformAdminAPIMixin}
WRITE_METHODS = ("post", "put", "patch", "delete")


@dataclass(frozen=True)
class Route:
    name: str  # "store:tenancy:member_list"
    frontend: str
    regex: str
    kwargs: tuple[str, ...]
    callback: Any

    @property
    def view_class(self) -> type | None:
        return getattr(self.callback, "view_class", None) or getattr(self.callback, "cls", None)


def _walk(patterns: list, frontends, namespace: str = "", regex: str = "") -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or namespace
            yield from _walk(entry.url_patterns, frontends, inner, regex + entry.pattern.regex.pattern.lstrip("^"))
        elif isinstance(entry, URLPattern) and namespace.split(":")[0] in frontends:
            full = regex + entry.pattern.regex.pattern.lstrip("^")
            yield Route(
                name=f"{namespace}:{entry.name}",
                frontend=namespace.split(":")[0],
                regex=full,
                kwargs=tuple(re.findall(r"\(\?P<(\w+)>", full)),
                callback=entry.callback,
            )


ROUTES = sorted(_walk(get_resolver().url_patterns, SCOPED_FRONTENDS), key=lambda r: r.name)
# Public shop routes: no login, but a store's URL must never serve another store's objects.
SHOP_ROUTES = sorted(_walk(get_resolver().url_patterns, {"storefront", "api_storefront"}), key=lambda r: r.name)


def test_the_walk_finds_the_routes_of_every_frontend():
    frontends = {route.frontend for route in ROUTES}
    assert {"store", "api_store", "api_admin"} <= frontends
    assert any(route.name == "store:dummy:thing_list" for route in ROUTES)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_every_view_derives_from_its_frontends_scoped_base(route):
    base = SCOPED_FRONTENDS[route.frontend]
    view_class = route.view_class
    exempt = getattr(view_class, "orion_public", False) and route.frontend == "api_store"
    assert view_class is not None and (exempt or issubclass(view_class, base)), (
        f"{route.name} must be a class-based view deriving from {base.__module__}.{base.__name__}"
        " (or, for a deliberately public API view, set orion_public = True with a docstring saying why)"
    )


@functools.cache
def _scoped_models() -> list[type]:
    exempt = seed_exemptions()
    return [model for model in scoped_models() if model._meta.label not in exempt]


def test_every_store_scoped_model_is_seeded_for_the_walk():
    seeds = collect_seeds()
    missing = [model._meta.label for model in _scoped_models() if model._meta.label not in seeds]
    assert not missing, (
        f"Add a seed for {missing}: @orion.testing.isolation.seed in the module's tests/isolation.py"
        " (or exempt(label, reason) there)"
    )


# What B's pages would show if they leaked into A's.
B_MARKERS = ("bravo-secret", "bravo.test")


@pytest.fixture(scope="module")
def _world_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The two seeded stores, made once for this file inside a transaction rolled back after its last test.

    Each test still runs in its own savepoint (pytest-django's ``db``), so
    what one test writes is gone for the next; seeding once instead of once
    per route is what keeps the walk cheap.
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with transaction.atomic():
            platform = make_platform("main", "testserver")
            stores = [make_store(platform, code) for code in ("acme", "bravo")]
            for code, definition in registry.MODULES.items():
                if definition.tier.value == "optional":
                    module_services.enable_module(platform=platform, code=code, via="test")
            yield stores[0], stores[1], {tenant.code: seed_store(tenant, tenant.code) for tenant in stores}
            transaction.set_rollback(True)


@pytest.fixture
def world(_world_once, db):
    """Stores A (acme) and B (bravo) on one platform, every module on, each seeded (``orion.testing.isolation``)."""
    return _world_once


def _snapshot(store: Any) -> dict[str, list]:
    # One language whatever the last request left active: modeltranslation reads "title" as the active language's.
    with scopes_disabled(), translation.override("en"):
        return {
            model._meta.label: sorted(map(repr, model._default_manager.filter(store=store).values()))
            for model in _scoped_models()
        }


def _model_of(route: Route) -> type | None:
    view = route.view_class
    model = getattr(view, "model", None)
    if model is None and getattr(view, "serializer_class", None) is not None:
        model = getattr(getattr(view.serializer_class, "Meta", None), "model", None)
    return model


def _url(route: Route, values: dict[str, Any]) -> str:
    """Fill the route's regex with ``values`` (the resolver's own reverse needs names we may not have)."""
    path = route.regex
    for name in route.kwargs:
        path = re.sub(rf"\(\?P<{name}>[^)]*\)", str(values[name]), path, count=1)
    return "/" + path.rstrip("$").rstrip("\\Z").replace("\\", "")


def _object_values(route: Route, obj: Any) -> dict[str, Any]:
    values = {}
    for name in route.kwargs:
        if name == "store_code":
            continue
        values[name] = obj.pk if name in ("pk", "id") else getattr(obj, name)
    return values


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def _call(client, method: str, url: str, route: Route, store_code: str, **extra: Any):
    headers = {"HTTP_X_STORE": store_code, **extra} if route.frontend.startswith("api_") else extra
    return getattr(client, method)(
        url, data="{}" if method != "get" else None, content_type="application/json", **headers
    )


OBJECT_ROUTES = [route for route in ROUTES if route.frontend != "api_admin" and set(route.kwargs) - {"store_code"}]


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=lambda r: r.name)
def test_an_owner_of_a_gets_404_for_bs_objects_through_as_urls(client, world, route):
    store_a, store_b, seeded = world
    model = _model_of(route)
    assert model is not None, (
        f"{route.name}: set `model` on the view (or a ModelSerializer) so the walk can find B's object"
    )
    obj = seeded["bravo"][model._meta.label]
    url = _url(route, {"store_code": store_a.code, **_object_values(route, obj)})
    client.force_login(owner_of(store_a))
    before = _snapshot(store_b)

    for method in ("get", *WRITE_METHODS):
        response = _call(client, method, url, route, store_a.code)
        assert response.status_code in (404, 405), f"{method.upper()} {url} -> {response.status_code}"
        if method == "get" and route.frontend == "store":
            assert response.status_code == 404

    assert _snapshot(store_b) == before


# Store routes with data behind them (a deliberately public API view, such as the key login, has none).
STORE_ROUTES = [
    route
    for route in ROUTES
    if route.frontend in ("store", "api_store") and not getattr(route.view_class, "orion_public", False)
]
KEYED_ROUTES = [route for route in STORE_ROUTES if route.frontend == "api_store"]


@pytest.mark.parametrize("route", STORE_ROUTES, ids=lambda r: r.name)
def test_an_owner_of_a_gets_404_for_every_route_of_b(client, world, route):
    store_a, store_b, seeded = world
    values = {"store_code": store_b.code}
    if route in OBJECT_ROUTES:
        values.update(_object_values(route, seeded["bravo"][_model_of(route)._meta.label]))
    url = _url(route, values)
    client.force_login(owner_of(store_a))
    before = _snapshot(store_b)

    for method in ("get", *WRITE_METHODS):
        response = _call(client, method, url, route, store_b.code)
        assert response.status_code == 404, f"{method.upper()} {url} -> {response.status_code}"

    assert _snapshot(store_b) == before


@pytest.mark.parametrize("route", KEYED_ROUTES, ids=lambda r: r.name)
def test_an_api_key_of_a_gets_404_in_b(client, world, route):
    store_a, store_b, seeded = world
    _token, key = core_services.api_token_create(store=store_a, user=owner_of(store_a), name="walker")
    values = {"store_code": store_b.code}
    if route in OBJECT_ROUTES:
        values.update(_object_values(route, seeded["bravo"][_model_of(route)._meta.label]))

    response = _call(client, "get", _url(route, values), route, store_b.code, HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 404


LIST_ROUTES = [route for route in STORE_ROUTES if set(route.kwargs) <= {"store_code"}]


@pytest.mark.parametrize("route", LIST_ROUTES, ids=lambda r: r.name)
def test_no_page_of_a_shows_bs_data(client, world, route):
    store_a, _store_b, _seeded = world
    client.force_login(owner_of(store_a))

    response = _call(client, "get", _url(route, {"store_code": store_a.code}), route, store_a.code)

    assert response.status_code < 500
    body = _body(response)
    assert not [marker for marker in B_MARKERS if marker in body]


# --- The shop: public, but per store -------------------------------------------

SHOP_OBJECT_ROUTES = [route for route in SHOP_ROUTES if set(route.kwargs) - {"store_code"}]


def test_the_shop_walk_finds_object_routes():
    assert SHOP_OBJECT_ROUTES, "no storefront route with an object in its URL was found"


@pytest.mark.parametrize("route", SHOP_OBJECT_ROUTES, ids=lambda r: r.name)
def test_as_shop_gets_404_for_bs_objects(client, world, route):
    store_a, _store_b, seeded = world
    model = _model_of(route)
    assert model is not None, (
        f"{route.name}: set `model` on the view (or a ModelSerializer) so the walk can find B's object"
    )
    obj = seeded["bravo"][model._meta.label]
    url = _url(route, {"store_code": store_a.code, **_object_values(route, obj)})

    response = _call(client, "get", url, route, store_a.code)

    assert response.status_code == 404, f"GET {url} -> {response.status_code}"


SHOP_LIST_ROUTES = [route for route in SHOP_ROUTES if set(route.kwargs) <= {"store_code"}]


@pytest.mark.parametrize("route", SHOP_LIST_ROUTES, ids=lambda r: r.name)
def test_no_shop_page_of_a_shows_bs_data(client, world, route):
    store_a, _store_b, _seeded = world

    response = _call(client, "get", _url(route, {"store_code": store_a.code}), route, store_a.code)

    assert response.status_code < 500
    assert not [marker for marker in B_MARKERS if marker in _body(response)]

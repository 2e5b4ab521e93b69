"""Tenants never see each other: a walk over every store and API route.

The routes are read from the URL resolver, so a route a module adds later
is walked without touching this file. Three things are proven:

1. every view of the store and admin frontends derives from a scoped base
   (``orion.views`` / ``orion.api``), which is where isolation happens;
2. an owner of store A who asks for store B's objects through A's URLs
   (B's ids in the path) gets 404 and nothing of B changes;
3. an owner of store A who asks for store B's URLs gets 404, with a session
   and with an API key of A, and no page of A shows B's data.

Each store-scoped model needs a seed below: the meta-test fails for a new
scoped model without one, so new models are walked too.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled
from PIL import Image

from modules.catalog.models import Attribute, AttributeValue, Category, Product, ProductImage, Variant
from modules.core import services as core_services
from modules.inventory.models import Reservation, StockItem, StockLevel, StockLocation, StockMovement
from modules.tenancy import services as tenancy_services
from modules.tenancy.models import StoreDomain, StoreMembership, StoreRole, TeamEvent
from modules.tenancy.testing import add_member, owner_of
from orion.api import PlatformAdminAPIMixin, StoreAPIMixin
from orion.audit.models import AuditEntry
from orion.modules import registry
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


def _scoped_models() -> list[type]:
    return [model for model in apps.get_models() if hasattr(model._default_manager, "with_scopes_disabled")]


def test_every_store_scoped_model_is_seeded_for_the_walk():
    missing = [model._meta.label for model in _scoped_models() if model._meta.label not in SEEDS]
    assert not missing, f"Add a seed for {missing} to SEEDS in tests/test_isolation.py"


# --- Two stores full of data --------------------------------------------------


def _seed_role(store: Any, tag: str) -> Any:
    return StoreRole.objects.create(store=store, name=f"{tag}-secret-role", permissions=["tenancy.view_team"])


def _seed_membership(store: Any, tag: str) -> Any:
    user = add_member(store, f"{tag}-secret-member@example.test", "staff")
    return StoreMembership.objects.get(user=user)


def _seed_invitation(store: Any, tag: str) -> Any:
    role = StoreRole.objects.get(kind="staff")
    invitation, _token = tenancy_services.invitation_create(
        store=store, actor=owner_of(store), email=f"{tag}-secret-invitee@example.test", role=role
    )
    return invitation


def _seed_domain(store: Any, tag: str) -> Any:
    return StoreDomain.objects.create(store=store, domain=f"{tag}-secret.example.com")


def _seed_api_token(store: Any, tag: str) -> Any:
    token, _key = core_services.api_token_create(
        store=store, user=owner_of(store), name=f"{tag}-secret-key", expires_at=timezone.now() + timedelta(days=1)
    )
    return token


def _seed_team_event(store: Any, tag: str) -> Any:
    return TeamEvent.objects.create(
        store=store, action="tenancy.member.joined", subject=f"{tag}-secret-event@example.test"
    )


def _seed_audit_entry(store: Any, tag: str) -> Any:
    return AuditEntry.objects.create(
        store=store,
        content_type=ContentType.objects.get_for_model(StockLocation),
        object_id="1",
        object_repr=f"{tag}-secret-audited",
        action="inventory.location.updated",
        changes={"name": [f"{tag}-secret-before", f"{tag}-secret-after"]},
    )


def _png_file(name: str) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


def _seed_location(store: Any, tag: str) -> Any:
    return StockLocation.objects.create(store=store, name=f"{tag}-secret-location", code=f"{tag}-secret")


def _seed_stock_item(store: Any, tag: str) -> Any:
    return StockItem.objects.create(store=store, sku=f"{tag}-secret-item", name=f"{tag}-secret-item")


def _seed_stock_level(store: Any, tag: str) -> Any:
    item = StockItem.objects.create(store=store, sku=f"{tag}-secret-levelled", name=f"{tag}-secret-levelled")
    location = StockLocation.objects.create(store=store, name=f"{tag}-secret-shelf", code=f"{tag}-secret-shelf")
    return StockLevel.objects.create(store=store, item=item, location=location, quantity=5)


def _seed_stock_movement(store: Any, tag: str) -> Any:
    level = _seed_stock_level(store, f"{tag}-moved")
    return StockMovement.objects.create(
        store=store,
        item=level.item,
        location=level.location,
        delta=5,
        quantity_after=5,
        reason="received",
        reference=f"{tag}-secret-delivery",
    )


def _seed_reservation(store: Any, tag: str) -> Any:
    item = StockItem.objects.create(store=store, sku=f"{tag}-secret-reserved", name=f"{tag}-secret-reserved")
    return Reservation.objects.create(
        store=store,
        item=item,
        quantity=1,
        reference=f"{tag}-secret-cart",
        expires_at=timezone.now() + timedelta(hours=1),
    )


def _seed_category(store: Any, tag: str) -> Any:
    return Category.objects.create(store=store, name=f"{tag}-secret-category", slug=f"{tag}-secret-category")


def _seed_attribute(store: Any, tag: str) -> Any:
    return Attribute.objects.create(store=store, name=f"{tag}-secret-attribute", slug=f"{tag}-secret-attribute")


def _seed_attribute_value(store: Any, tag: str) -> Any:
    attribute = Attribute.objects.create(store=store, name=f"{tag}-secret-size", slug=f"{tag}-secret-size")
    return AttributeValue.objects.create(store=store, attribute=attribute, value=f"{tag}-secret-xl", slug="xl")


def _seed_product(store: Any, tag: str) -> Any:
    """An active product (so storefront routes would show it), with a variant, stock and an image."""
    product = Product.objects.create(
        store=store,
        title=f"{tag}-secret-product",
        slug=f"{tag}-secret-product",
        status="active",
        price_cents=1000,
        currency="EUR",
        search_document=f"{tag}-secret-product",
    )
    item = StockItem.objects.create(store=store, sku=f"{tag}-secret-sku", name=f"{tag}-secret-product", on_hand=0)
    Variant.objects.create(store=store, product=product, sku=f"{tag}-secret-sku", stock_item=item)
    return product


def _seed_variant(store: Any, tag: str) -> Any:
    return _seed_product(store, f"{tag}-v").variants.get()


def _seed_product_image(store: Any, tag: str) -> Any:
    product = _seed_product(store, f"{tag}-i")
    return ProductImage.objects.create(
        store=store,
        product=product,
        image=_png_file("p.png"),
        thumbnail=_png_file("t.png"),
        alt_text=f"{tag}-secret-image",
    )


SEEDS = {
    "tenancy.StoreRole": _seed_role,
    "tenancy.StoreMembership": _seed_membership,
    "tenancy.Invitation": _seed_invitation,
    "tenancy.StoreDomain": _seed_domain,
    "core.ApiToken": _seed_api_token,
    "tenancy.TeamEvent": _seed_team_event,
    "audit.AuditEntry": _seed_audit_entry,
    "inventory.StockLocation": _seed_location,
    "inventory.StockItem": _seed_stock_item,
    "inventory.StockLevel": _seed_stock_level,
    "inventory.StockMovement": _seed_stock_movement,
    "inventory.Reservation": _seed_reservation,
    "catalog.Category": _seed_category,
    "catalog.Attribute": _seed_attribute,
    "catalog.AttributeValue": _seed_attribute_value,
    "catalog.Product": _seed_product,
    "catalog.Variant": _seed_variant,
    "catalog.ProductImage": _seed_product_image,
}
# What B's pages would show if they leaked into A's.
B_MARKERS = ("bravo-secret", "bravo.test")


@pytest.fixture
def world(platform, store, other_store, enable, settings, tmp_path):
    """Stores A (acme) and B (bravo) on one platform, every module on, each seeded."""
    settings.MEDIA_ROOT = tmp_path
    for code, definition in registry.MODULES.items():
        if definition.tier.value == "optional":
            enable(code)
    seeded = {}
    for tenant, tag in ((store, "acme"), (other_store, "bravo")):
        with scope(store=tenant):
            seeded[tenant.code] = {label: seed(tenant, tag) for label, seed in SEEDS.items()}
    return store, other_store, seeded


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


# --- B's ids smuggled into A's forms ------------------------------------------


def _b_role(store_b):
    with scope(store=store_b):
        return StoreRole.objects.get(kind="manager")


def test_bs_role_in_as_invitation_form_is_refused_and_nothing_is_written(client, world):
    store_a, store_b, _seeded = world
    client.force_login(owner_of(store_a))

    response = client.post(
        "/store/acme/tenancy/team/invite/", {"email": "smuggled@example.test", "role": _b_role(store_b).pk}
    )

    assert response.status_code in (200, 400)
    with scopes_disabled():
        assert not tenancy_services.Invitation.objects.filter(email="smuggled@example.test").exists()


def test_bs_role_on_as_member_is_refused_and_nothing_changes(client, world):
    store_a, store_b, seeded = world
    membership = seeded["acme"]["tenancy.StoreMembership"]
    client.force_login(owner_of(store_a))

    client.post(f"/store/acme/tenancy/team/{membership.pk}/role/", {"role": _b_role(store_b).pk})

    with scopes_disabled():
        assert StoreMembership.objects.get(pk=membership.pk).role_id == membership.role_id


def test_bs_role_through_the_api_is_a_field_error(client, world):
    store_a, store_b, seeded = world
    membership = seeded["acme"]["tenancy.StoreMembership"]
    client.force_login(owner_of(store_a))

    response = client.patch(
        f"/api/v1/store/tenancy/members/{membership.pk}/",
        {"role": _b_role(store_b).pk},
        content_type="application/json",
        HTTP_X_STORE="acme",
    )

    assert response.status_code == 400 and "role" in response.json()["errors"]
    with scopes_disabled():
        assert StoreMembership.objects.get(pk=membership.pk).role_id == membership.role_id


def test_a_header_for_b_with_a_query_for_a_still_means_b(client, world):
    """The header wins over ?store=: a caller cannot mix two stores in one request."""
    store_a, _store_b, _seeded = world
    client.force_login(owner_of(store_a))

    response = client.get("/api/v1/store/tenancy/members/?store=acme", HTTP_X_STORE="bravo")

    assert response.status_code == 404


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

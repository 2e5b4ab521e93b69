"""The inventory store API: locations, items with levels, adjustments, transfers, movements, reservations."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from modules.inventory import services
from modules.inventory.models import StockItem, StockLevel, StockLocation, StockMovement
from modules.inventory.tests.factories import StockItemFactory, StockLocationFactory
from modules.tenancy.testing import owner_of
from modules.tenancy.testing import store_api as api

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def inventory_on(enable):
    enable("inventory")


def url(name: str, **kwargs) -> str:
    return reverse(f"api_store:inventory:{name}", kwargs=kwargs)


def receive(store, item, location, quantity: int) -> StockMovement:
    return services.stock_adjust(
        store=store, actor=owner_of(store), item=item, location=location, reason="received", delta=quantity
    )


def level(item, location) -> int:
    with scopes_disabled():
        found = StockLevel.objects.filter(item=item, location=location).first()
    return found.quantity if found else 0


def movement_count(store) -> int:
    with scope(store=store):
        return StockMovement.objects.count()


@pytest.fixture
def stocked(store):
    """Locations main and shop, an item with 10 at main and 2 at shop (threshold 5)."""
    main, shop = (
        StockLocationFactory(store=store, code="main"),
        StockLocationFactory(store=store, code="shop", position=1),
    )
    item = StockItemFactory(store=store, sku="TEE-M", low_stock_threshold=5)
    receive(store, item, main, 10)
    receive(store, item, shop, 2)
    return item, main, shop


# --- Access ---------------------------------------------------------------------------

READS = ["location_list", "item_list", "movement_list", "reservation_list"]


@pytest.mark.parametrize("name", READS)
@pytest.mark.parametrize("kind", ["manager", "staff"])
def test_every_built_in_role_reads_stock(store, member, stocked, name, kind):
    response = api(member(store, f"{kind}@acme.test", kind), store).get(url(name))

    assert response.status_code == 200


@pytest.mark.parametrize("name", READS)
def test_outsiders_get_404_and_anonymous_callers_are_refused(store, other_store, name):
    assert api(owner_of(other_store), store).get(url(name)).status_code == 404
    assert api(None, store).get(url(name)).status_code in (401, 403)


def test_a_custom_role_without_view_stock_is_forbidden(store, member):
    from modules.tenancy import services as tenancy_services

    with scope(store=store):
        role = tenancy_services.role_create(
            store=store, actor=owner_of(store), name="Team", permissions=["tenancy.view_team"]
        )
    user = member(store, "team@acme.test", role=role)

    response = api(user, store).get(url("item_list"))

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_staff_cannot_write(store, member, stocked):
    item, main, shop = stocked
    client = api(member(store, "staff@acme.test", "staff"), store)
    before = movement_count(store)

    responses = [
        client.post(url("stock_adjust", pk=item.pk), {"location": main.pk, "reason": "received", "delta": 1}),
        client.post(url("stock_transfer"), {"item": item.pk, "source": main.pk, "destination": shop.pk, "quantity": 1}),
        client.patch(url("item_detail", pk=item.pk), {"low_stock_threshold": 1}),
        client.post(url("location_list"), {"name": "New", "code": "new"}),
        client.patch(url("location_detail", pk=main.pk), {"name": "Renamed"}),
    ]

    assert [response.status_code for response in responses] == [403] * 5
    assert movement_count(store) == before and level(item, main) == 10
    with scope(store=store):
        assert StockLocation.objects.count() == 2 and StockLocation.objects.get(pk=main.pk).name == "Main"


def test_another_stores_objects_are_not_found(store, other_store, stocked):
    item, main, _shop = stocked
    client = api(owner_of(other_store), other_store)

    assert client.get(url("item_detail", pk=item.pk)).status_code == 404
    assert client.get(url("location_detail", pk=main.pk)).status_code == 404
    response = client.post(url("stock_adjust", pk=item.pk), {"location": main.pk, "reason": "received", "delta": 5})
    assert response.status_code == 404
    assert level(item, main) == 10


# --- Locations --------------------------------------------------------------------------


def test_locations_are_listed_in_allocation_order(store, stocked):
    StockLocationFactory(store=store, code="back", position=5)

    response = api(owner_of(store), store).get(url("location_list"))

    assert [row["code"] for row in response.json()["results"]] == ["main", "shop", "back"]


def test_a_location_is_created_and_changed(store):
    client = api(owner_of(store), store)

    created = client.post(url("location_list"), {"name": "Warehouse", "code": "WH", "position": 2}, format="json")

    assert created.status_code == 201
    body = created.json()
    assert (body["code"], body["is_active"], body["position"]) == ("wh", True, 2)
    changed = client.patch(url("location_detail", pk=body["id"]), {"is_active": False}, format="json")
    assert changed.status_code == 200
    assert changed.json()["is_active"] is False
    assert client.get(url("location_detail", pk=body["id"])).json()["name"] == "Warehouse"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "Other", "code": "main"}, "code"),
        ({"name": "Other", "code": "not a slug"}, "code"),
        ({"code": "other"}, "name"),
        ({"name": "Other", "code": "other", "position": -1}, "position"),
    ],
    ids=["taken-code", "bad-code", "no-name", "negative-position"],
)
def test_bad_locations_are_400_with_field_errors(store, data, field):
    StockLocationFactory(store=store, code="main")

    response = api(owner_of(store), store).post(url("location_list"), data, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and body["detail"] and field in body["errors"]
    with scope(store=store):
        assert StockLocation.objects.count() == 1


def test_renaming_a_location_to_a_taken_code_is_refused(store, stocked):
    _item, main, shop = stocked

    response = api(owner_of(store), store).patch(url("location_detail", pk=shop.pk), {"code": "main"}, format="json")

    assert response.status_code == 400 and "code" in response.json()["errors"]
    with scope(store=store):
        assert StockLocation.objects.get(pk=shop.pk).code == "shop"


# --- Items -----------------------------------------------------------------------------


def test_items_come_with_their_levels_and_totals(store, stocked):
    item, main, shop = stocked
    services.reservation_create(store=store, item=item, quantity=8, reference="cart-1")

    response = api(owner_of(store), store).get(url("item_detail", pk=item.pk))

    body = response.json()
    assert (body["sku"], body["on_hand"], body["reserved"], body["available"], body["is_low"]) == (
        "TEE-M",
        12,
        8,
        4,
        True,
    )
    assert body["levels"] == [
        {"location": main.pk, "location_code": "main", "quantity": 10},
        {"location": shop.pk, "location_code": "shop", "quantity": 2},
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["CAP", "MUG", "TEE-M"]),
        ({"search": "tee"}, ["TEE-M"]),
        ({"sku": "mug"}, ["MUG"]),
        ({"low_only": "true"}, ["CAP"]),
        ({"location": "shop"}, ["TEE-M"]),
    ],
    ids=["all", "search", "sku", "low-only", "location"],
)
def test_items_are_filtered(store, stocked, query, expected):
    _item, main, shop = stocked
    receive(store, StockItemFactory(store=store, sku="MUG"), main, 4)
    receive(store, StockItemFactory(store=store, sku="CAP", low_stock_threshold=3), main, 3)
    if "location" in query:
        query = {"location": shop.pk}

    response = api(owner_of(store), store).get(url("item_list"), query)

    assert [row["sku"] for row in response.json()["results"]] == expected


def test_a_bad_filter_is_400(store, other_store, stocked):
    theirs = StockLocationFactory(store=other_store, code="theirs")

    response = api(owner_of(store), store).get(url("item_list"), {"location": theirs.pk})

    assert response.status_code == 400
    assert "location" in response.json()["errors"]


def test_the_threshold_is_changed(store, stocked):
    item, _main, _shop = stocked
    client = api(owner_of(store), store)

    response = client.patch(url("item_detail", pk=item.pk), {"low_stock_threshold": 20}, format="json")
    assert response.status_code == 200
    assert (response.json()["low_stock_threshold"], response.json()["is_low"]) == (20, True)

    cleared = client.patch(url("item_detail", pk=item.pk), {"low_stock_threshold": None}, format="json")
    assert cleared.json()["low_stock_threshold"] is None

    refused = client.patch(url("item_detail", pk=item.pk), {"low_stock_threshold": -1}, format="json")
    assert refused.status_code == 400
    with scope(store=store):
        assert StockItem.objects.get(pk=item.pk).low_stock_threshold is None


# --- Adjustments and transfers -----------------------------------------------------------


@pytest.mark.parametrize(("amount", "expected"), [({"delta": 5}, 15), ({"delta": -10}, 0), ({"count": 7}, 7)])
def test_stock_is_adjusted(store, stocked, amount, expected):
    item, main, _shop = stocked

    response = api(owner_of(store), store).post(
        url("stock_adjust", pk=item.pk),
        {"location": main.pk, "reason": "count", "reference": "SHEET-1", **amount},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["sku"], body["location_code"], body["quantity_after"], body["reason"]) == (
        "TEE-M",
        "main",
        expected,
        "count",
    )
    assert body["delta"] == expected - 10 and body["user"] == owner_of(store).pk
    assert level(item, main) == expected


def test_removing_more_than_there_is_409_and_nothing_changes(store, stocked):
    item, main, _shop = stocked
    before = movement_count(store)

    response = api(owner_of(store), store).post(
        url("stock_adjust", pk=item.pk), {"location": main.pk, "reason": "damaged", "delta": -11}, format="json"
    )

    assert response.status_code == 409
    body = response.json()
    assert (
        body["code"] == "insufficient_stock"
        and body["detail"]
        and body["errors"] == {"TEE-M": ["10 available, 11 requested."]}
    )
    assert level(item, main) == 10 and movement_count(store) == before


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"reason": "received"}, "non_field_errors"),
        ({"reason": "received", "delta": 1, "count": 1}, "non_field_errors"),
        ({"reason": "received", "delta": 0}, "delta"),
        ({"reason": "sold", "delta": 1}, "reason"),
        ({"reason": "received", "count": -1}, "count"),
        ({"reason": "received", "delta": 10**12}, "delta"),
        ({"reason": "received", "delta": 1, "location": 10**9}, "location"),
    ],
    ids=["neither", "both", "zero", "sold", "negative-count", "huge", "unknown-location"],
)
def test_bad_adjustments_are_400(store, stocked, data, field):
    item, main, _shop = stocked
    before = movement_count(store)

    response = api(owner_of(store), store).post(
        url("stock_adjust", pk=item.pk), {"location": main.pk, **data}, format="json"
    )

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert movement_count(store) == before


def test_stock_is_transferred(store, stocked):
    item, main, shop = stocked

    response = api(owner_of(store), store).post(
        url("stock_transfer"),
        {"item": item.pk, "source": main.pk, "destination": shop.pk, "quantity": 4, "note": "restock"},
        format="json",
    )

    assert response.status_code == 201
    assert [(row["location_code"], row["delta"], row["reason"]) for row in response.json()] == [
        ("main", -4, "transfer"),
        ("shop", 4, "transfer"),
    ]
    assert (level(item, main), level(item, shop)) == (6, 6)


def test_a_closed_location_can_be_emptied_but_takes_no_new_stock(store, stocked):
    item, main, shop = stocked
    services.location_update(store=store, actor=owner_of(store), location=shop, is_active=False)
    client = api(owner_of(store), store)

    adjusted = client.post(
        url("stock_adjust", pk=item.pk), {"location": shop.pk, "reason": "received", "delta": 1}, format="json"
    )
    into_closed = client.post(
        url("stock_transfer"), {"item": item.pk, "source": main.pk, "destination": shop.pk, "quantity": 1}
    )
    out_of_closed = client.post(
        url("stock_transfer"), {"item": item.pk, "source": shop.pk, "destination": main.pk, "quantity": 2}
    )

    assert adjusted.status_code == 400 and "location" in adjusted.json()["errors"]
    assert into_closed.status_code == 400 and "destination" in into_closed.json()["errors"]
    assert out_of_closed.status_code == 201
    assert (level(item, main), level(item, shop)) == (12, 0)


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"quantity": 11}, 409, "TEE-M"),
        ({"destination": "main"}, 400, "destination"),
        ({"quantity": 0}, 400, "quantity"),
        ({"item": "theirs"}, 400, "item"),
    ],
    ids=["more-than-there", "same-location", "zero", "another-stores-item"],
)
def test_bad_transfers_move_nothing(store, other_store, stocked, change, status, field):
    item, main, shop = stocked
    data = {"item": item.pk, "source": main.pk, "destination": shop.pk, "quantity": 1, **change}
    if data["destination"] == "main":
        data["destination"] = main.pk
    if data["item"] == "theirs":
        data["item"] = StockItemFactory(store=other_store, sku="THEIRS").pk
    before = movement_count(store)

    response = api(owner_of(store), store).post(url("stock_transfer"), data, format="json")

    assert response.status_code == status
    assert field in response.json()["errors"]
    assert (level(item, main), level(item, shop)) == (10, 2) and movement_count(store) == before


# --- Movements and reservations ----------------------------------------------------------


def test_movements_are_newest_first_and_filtered(store, stocked):
    item, main, shop = stocked
    client = api(owner_of(store), store)

    everything = client.get(url("movement_list")).json()["results"]
    at_shop = client.get(url("movement_list"), {"location": shop.pk}).json()["results"]
    by_sku = client.get(url("movement_list"), {"sku": "tee-m", "reason": "received"}).json()["results"]
    by_item = client.get(url("movement_list"), {"item": item.pk}).json()["results"]

    assert [(row["location_code"], row["delta"]) for row in everything] == [("shop", 2), ("main", 10)]
    assert [row["delta"] for row in at_shop] == [2]
    assert len(by_sku) == len(by_item) == 2


def test_reservations_are_listed_and_filtered(store, stocked):
    item, _main, _shop = stocked
    services.reservation_create(store=store, item=item, quantity=2, reference="cart-1")
    gone = services.reservation_create(store=store, item=item, quantity=1, reference="cart-2")
    services.reservation_release(store=store, reservation=gone)
    client = api(owner_of(store), store)

    everything = client.get(url("reservation_list")).json()["results"]
    active = client.get(url("reservation_list"), {"status": "active"}).json()["results"]

    assert {row["reference"] for row in everything} == {"cart-1", "cart-2"}
    assert [(row["reference"], row["sku"], row["quantity"]) for row in active] == [("cart-1", "TEE-M", 2)]


# --- Query counts --------------------------------------------------------------------------


def grow(store, size: int) -> None:
    locations = [StockLocationFactory(store=store, code=f"loc{n}-{size}") for n in range(3)]
    for n in range(size):
        item = StockItemFactory(store=store, sku=f"GROW-{size}-{n}")
        for location in locations:
            receive(store, item, location, 2)
        services.reservation_create(store=store, item=item, quantity=1, reference=f"cart-{size}-{n}")


# Session, user, membership with role (the permission); then each list's own queries.
LIST_QUERIES = {
    "location_list": 5,  # + count, locations
    "item_list": 6,  # + count, items, levels with their locations
    "movement_list": 5,  # + count, movements with item and location
    "reservation_list": 5,  # + count, reservations with item
}


@pytest.mark.parametrize("name", READS)
@pytest.mark.parametrize("size", [3, 30])
def test_lists_cost_the_same_queries_for_3_or_30_items(store, size, name, django_assert_num_queries):
    grow(store, size)
    client = api(owner_of(store), store)
    client.get(url(name))  # warm the tenant cache

    with django_assert_num_queries(LIST_QUERIES[name]):
        response = client.get(url(name))

    assert response.status_code == 200
    assert response.json()["count"] >= (3 if name == "location_list" else size)

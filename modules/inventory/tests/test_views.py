"""Store pages of inventory: stock levels, adjustments, transfers, movements, locations and the CSV export."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from modules.inventory import services
from modules.inventory.models import StockItem, StockLevel, StockLocation, StockMovement
from modules.inventory.tests.factories import StockItemFactory, StockLocationFactory
from modules.tenancy.testing import owner_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def inventory_on(enable):
    enable("inventory")


def url(name: str, store, **kwargs) -> str:
    return reverse(f"store:inventory:{name}", kwargs={"store_code": store.code, **kwargs})


def receive(store, item, location, quantity: int, reason: str = "received") -> StockMovement:
    return services.stock_adjust(
        store=store, actor=owner_of(store), item=item, location=location, reason=reason, delta=quantity
    )


def level(item, location) -> int:
    with scopes_disabled():
        found = StockLevel.objects.filter(item=item, location=location).first()
    return found.quantity if found else 0


def movement_count(store) -> int:
    with scope(store=store):
        return StockMovement.objects.count()


def fresh(model, pk):
    with scopes_disabled():
        return model.objects.get(pk=pk)


@pytest.fixture
def stocked(store):
    """Two locations (main, shop), an item with 10 at main and 2 at shop."""
    main, shop = (
        StockLocationFactory(store=store, code="main", position=0),
        StockLocationFactory(store=store, code="shop", position=1),
    )
    item = StockItemFactory(store=store, sku="TEE-M", name="T-shirt M", low_stock_threshold=5)
    receive(store, item, main, 10)
    receive(store, item, shop, 2)
    return item, main, shop


# --- Access ------------------------------------------------------------------------

ITEM_PAGES = ("item_detail", "stock_adjust", "stock_transfer")


def page_url(page: str, store, item, location) -> str:
    if page in ITEM_PAGES:
        return url(page, store, pk=item.pk)
    if page == "location_update":
        return url(page, store, pk=location.pk)
    return url(page, store)


@pytest.mark.parametrize(
    ("page", "kind", "status"),
    [
        ("stock_list", "manager", 200),
        ("stock_list", "staff", 200),
        ("stock_export", "staff", 200),
        ("movement_list", "staff", 200),
        ("item_detail", "staff", 200),
        ("stock_adjust", "manager", 200),
        ("stock_adjust", "staff", 403),
        ("stock_transfer", "manager", 200),
        ("stock_transfer", "staff", 403),
        ("location_list", "manager", 200),
        ("location_list", "staff", 403),
        ("location_create", "staff", 403),
        ("location_update", "manager", 200),
        ("location_update", "staff", 403),
    ],
    ids=str,
)
def test_pages_follow_the_role(client, store, member, stocked, page, kind, status):
    item, main, _shop = stocked
    client.force_login(member(store, f"{kind}@acme.test", kind))

    assert client.get(page_url(page, store, item, main)).status_code == status


@pytest.mark.parametrize(
    "page",
    ["stock_list", "stock_export", "movement_list", "item_detail", "stock_adjust", "location_list", "location_update"],
)
def test_outsiders_get_404(client, store, other_store, stocked, page):
    item, main, _shop = stocked
    client.force_login(owner_of(other_store))

    assert client.get(page_url(page, store, item, main)).status_code == 404


def test_another_stores_item_and_location_are_not_found(client, store, other_store, stocked):
    item, main, _shop = stocked
    client.force_login(owner_of(other_store))
    StockLocationFactory(store=other_store, code="main")

    # the owner of bravo asks for acme's ids through bravo's pages
    assert client.get(url("item_detail", other_store, pk=item.pk)).status_code == 404
    assert client.get(url("location_update", other_store, pk=main.pk)).status_code == 404
    response = client.post(
        url("stock_adjust", other_store, pk=item.pk),
        {"location": main.pk, "mode": "add", "quantity": 1, "reason": "received"},
    )
    assert response.status_code == 404
    assert level(item, main) == 10


def test_staff_cannot_adjust_and_nothing_changes(client, store, member, stocked):
    item, main, _shop = stocked
    client.force_login(member(store, "staff@acme.test", "staff"))
    before = movement_count(store)

    response = client.post(
        url("stock_adjust", store, pk=item.pk),
        {"location": main.pk, "mode": "add", "quantity": 5, "reason": "received"},
    )

    assert response.status_code == 403
    assert level(item, main) == 10 and movement_count(store) == before


# --- Stock list ------------------------------------------------------------------------


def test_stock_list_shows_a_column_per_active_location_and_the_totals(client, store, stocked):
    item, main, shop = stocked
    closed = StockLocationFactory(store=store, code="closed", is_active=False)
    other = StockItemFactory(store=store, sku="MUG", name="Mug")
    receive(store, other, main, 3)
    client.force_login(owner_of(store))

    response = client.get(url("stock_list", store))

    assert response.status_code == 200
    assert [location.code for location in response.context["locations"]] == ["main", "shop"]
    assert closed.code not in [location.code for location in response.context["locations"]]
    rows = {row.item.sku: row for row in response.context["rows"]}
    assert rows["TEE-M"].quantities == [10, 2] and rows["MUG"].quantities == [3, 0]
    assert (rows["TEE-M"].item.on_hand, rows["TEE-M"].item.reserved, rows["TEE-M"].item.available) == (12, 0, 12)
    assert "T-shirt M" in response.content.decode()


def test_low_items_carry_a_badge_and_can_be_listed_alone(client, store, stocked):
    item, main, _shop = stocked
    low = StockItemFactory(store=store, sku="CAP", name="Cap", low_stock_threshold=5)
    receive(store, low, main, 4)
    client.force_login(owner_of(store))

    response = client.get(url("stock_list", store), {"low_only": "1"})

    assert [row.item.sku for row in response.context["rows"]] == ["CAP"]
    assert 'class="badge badge-internal"' in response.content.decode()


@pytest.mark.parametrize(("query", "expected"), [("tee", ["TEE-M"]), ("mug", ["MUG"]), ("shirt", ["TEE-M"])])
def test_search_finds_sku_or_name(client, store, stocked, query, expected):
    StockItemFactory(store=store, sku="MUG", name="Coffee mug")
    client.force_login(owner_of(store))

    response = client.get(url("stock_list", store), {"search": query})

    assert [row.item.sku for row in response.context["rows"]] == expected


def test_location_filter_lists_items_stocked_there(client, store, stocked):
    item, main, shop = stocked
    only_main = StockItemFactory(store=store, sku="MUG")
    receive(store, only_main, main, 1)
    client.force_login(owner_of(store))

    response = client.get(url("stock_list", store), {"location": shop.pk})

    assert [row.item.sku for row in response.context["rows"]] == ["TEE-M"]


def test_another_stores_location_is_an_invalid_filter(client, store, other_store, stocked):
    theirs = StockLocationFactory(store=other_store, code="theirs")
    client.force_login(owner_of(store))

    response = client.get(url("stock_list", store), {"location": theirs.pk})

    assert response.status_code == 200
    assert response.context["filter"].errors["location"]


def test_stock_list_pages_by_fifty(client, store):
    for n in range(51):
        StockItemFactory(store=store, sku=f"SKU-{n:03d}")
    client.force_login(owner_of(store))

    first = client.get(url("stock_list", store))
    second = client.get(url("stock_list", store), {"page": 2})

    assert len(first.context["rows"]) == 50 and len(second.context["rows"]) == 1
    assert "?page=2" in first.content.decode()


def grow(store, size: int) -> None:
    locations = [StockLocationFactory(store=store, code=f"loc{n}-{size}") for n in range(3)]
    for n in range(size):
        stock_item = StockItemFactory(store=store, sku=f"GROW-{size}-{n}")
        for location in locations:
            receive(store, stock_item, location, n + 1)


@pytest.mark.parametrize("size", [3, 30])
def test_stock_list_costs_the_same_queries_for_3_or_30_items(client, store, size, django_assert_num_queries):
    grow(store, size)
    client.force_login(owner_of(store))
    client.get(url("stock_list", store))  # warm the tenant cache

    with django_assert_num_queries(STOCK_LIST_QUERIES):
        response = client.get(url("stock_list", store))

    assert len(response.context["rows"]) == size


@pytest.mark.parametrize("size", [3, 30])
def test_movement_list_costs_the_same_queries_for_3_or_30_items(client, store, size, django_assert_num_queries):
    grow(store, size)
    client.force_login(owner_of(store))
    client.get(url("movement_list", store))

    with django_assert_num_queries(MOVEMENT_LIST_QUERIES):
        response = client.get(url("movement_list", store))

    assert len(response.context["page"].object_list) == min(size * 3, 50)


@pytest.mark.parametrize("size", [3, 30])
def test_item_page_costs_the_same_queries_whatever_its_history(client, store, size, django_assert_num_queries):
    main = StockLocationFactory(store=store, code="main")
    item = StockItemFactory(store=store, sku="TEE")
    for _n in range(size):
        receive(store, item, main, 1)
        services.reservation_create(store=store, item=item, quantity=1, reference=f"cart-{_n}")
    client.force_login(owner_of(store))
    client.get(url("item_detail", store, pk=item.pk))

    with django_assert_num_queries(ITEM_DETAIL_QUERIES):
        response = client.get(url("item_detail", store, pk=item.pk))

    assert len(response.context["reservations"]) == size


# Each page: session, user, membership with role (the permission), the store switcher; then its own.
STOCK_LIST_QUERIES = 9  # + location columns, count, items, their levels, the location filter's choices
MOVEMENT_LIST_QUERIES = 7  # + count, movements with item, location and user, the location filter's choices
ITEM_DETAIL_QUERIES = 10  # + item, levels, reservations, movement count, movements, its latest audit entries


# --- Adjusting stock ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "quantity", "expected", "delta"),
    [("add", 5, 15, 5), ("remove", 4, 6, -4), ("count", 7, 7, -3)],
)
def test_adjust_adds_removes_or_sets_the_counted_quantity(client, store, stocked, mode, quantity, expected, delta):
    item, main, _shop = stocked
    client.force_login(owner_of(store))

    response = client.post(
        url("stock_adjust", store, pk=item.pk),
        {"location": main.pk, "mode": mode, "quantity": quantity, "reason": "count", "reference": "SHEET-7"},
    )

    assert response.status_code == 302
    assert response.url == url("item_detail", store, pk=item.pk)
    assert level(item, main) == expected
    with scope(store=store):
        movement = StockMovement.objects.first()
    assert (movement.delta, movement.reason, movement.reference, movement.user) == (
        delta,
        "count",
        "SHEET-7",
        owner_of(store),
    )
    assert fresh(StockItem, item.pk).on_hand == expected + 2


def test_removing_more_than_the_level_is_a_form_error_and_nothing_is_saved(client, store, stocked):
    item, main, _shop = stocked
    client.force_login(owner_of(store))
    before = movement_count(store)

    response = client.post(
        url("stock_adjust", store, pk=item.pk),
        {"location": main.pk, "mode": "remove", "quantity": 11, "reason": "damaged"},
    )

    assert response.status_code == 400
    errors = response.context["form"].non_field_errors()
    assert errors and "TEE-M" in errors[0] and "10 available" in errors[0]
    assert level(item, main) == 10 and movement_count(store) == before
    assert fresh(StockItem, item.pk).on_hand == 12


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"mode": "add", "quantity": "", "reason": "received"}, "quantity"),
        ({"mode": "add", "quantity": "-2", "reason": "received"}, "quantity"),
        ({"mode": "add", "quantity": "0", "reason": "received"}, "quantity"),
        ({"mode": "steal", "quantity": "1", "reason": "received"}, "mode"),
        ({"mode": "add", "quantity": "1", "reason": "sold"}, "reason"),
        ({"mode": "add", "quantity": "1", "reason": "received", "location": "999999"}, "location"),
    ],
    ids=["empty", "negative", "zero", "unknown-mode", "sold-by-hand", "unknown-location"],
)
def test_bad_adjustments_are_field_errors(client, store, stocked, data, field):
    item, main, _shop = stocked
    client.force_login(owner_of(store))
    before = movement_count(store)

    response = client.post(url("stock_adjust", store, pk=item.pk), {"location": main.pk, **data})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert movement_count(store) == before


def test_an_inactive_location_is_not_offered_for_adjustments(client, store, stocked):
    item, _main, _shop = stocked
    closed = StockLocationFactory(store=store, code="closed", is_active=False)
    client.force_login(owner_of(store))

    response = client.post(
        url("stock_adjust", store, pk=item.pk),
        {"location": closed.pk, "mode": "add", "quantity": 1, "reason": "received"},
    )

    assert response.status_code == 400 and "location" in response.context["form"].errors


def test_a_closed_location_can_be_emptied_but_takes_no_new_stock(client, store, stocked):
    item, main, shop = stocked
    client.force_login(owner_of(store))
    services.location_update(store=store, actor=owner_of(store), location=shop, is_active=False)
    transfer = url("stock_transfer", store, pk=item.pk)

    into_closed = client.post(transfer, {"source": main.pk, "destination": shop.pk, "quantity": 1})
    out_of_closed = client.post(transfer, {"source": shop.pk, "destination": main.pk, "quantity": 2})

    assert into_closed.status_code == 400 and "destination" in into_closed.context["form"].errors
    assert out_of_closed.status_code == 302
    assert (level(item, main), level(item, shop)) == (12, 0)


# --- Transfers ------------------------------------------------------------------------------


def test_transfer_moves_stock_between_locations(client, store, stocked):
    item, main, shop = stocked
    client.force_login(owner_of(store))

    response = client.post(
        url("stock_transfer", store, pk=item.pk), {"source": main.pk, "destination": shop.pk, "quantity": 4}
    )

    assert response.status_code == 302
    assert (level(item, main), level(item, shop)) == (6, 6)
    assert fresh(StockItem, item.pk).on_hand == 12


@pytest.mark.parametrize(
    ("quantity", "same_place", "field"),
    [(11, False, None), (0, False, "quantity"), (1, True, "destination")],
    ids=["more-than-there", "zero", "same-location"],
)
def test_bad_transfers_change_nothing(client, store, stocked, quantity, same_place, field):
    item, main, shop = stocked
    client.force_login(owner_of(store))
    before = movement_count(store)

    response = client.post(
        url("stock_transfer", store, pk=item.pk),
        {"source": main.pk, "destination": (main if same_place else shop).pk, "quantity": quantity},
    )

    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors[field] if field else form.non_field_errors()
    assert (level(item, main), level(item, shop)) == (10, 2) and movement_count(store) == before


# --- Item page and threshold -----------------------------------------------------------------


def test_item_page_shows_levels_movements_and_active_reservations(client, store, stocked):
    item, main, shop = stocked
    kept = services.reservation_create(store=store, item=item, quantity=2, reference="cart-kept")
    gone = services.reservation_create(store=store, item=item, quantity=1, reference="cart-gone")
    services.reservation_release(store=store, reservation=gone)
    client.force_login(owner_of(store))

    response = client.get(url("item_detail", store, pk=item.pk))

    assert [(lvl.location.code, lvl.quantity) for lvl in response.context["levels"]] == [("main", 10), ("shop", 2)]
    assert [movement.delta for movement in response.context["page"].object_list] == [2, 10]
    assert list(response.context["reservations"]) == [kept]
    body = response.content.decode()
    assert "cart-kept" in body and "cart-gone" not in body


def test_staff_sees_the_item_without_the_controls(client, store, member, stocked):
    item, _main, _shop = stocked
    client.force_login(member(store, "staff@acme.test", "staff"))

    response = client.get(url("item_detail", store, pk=item.pk))

    assert response.context["threshold_form"] is None
    assert url("stock_adjust", store, pk=item.pk) not in response.content.decode()


def test_threshold_is_changed_on_the_item_page(client, store, stocked):
    item, _main, _shop = stocked
    client.force_login(owner_of(store))

    response = client.post(url("item_threshold", store, pk=item.pk), {"low_stock_threshold": "20"})

    assert response.status_code == 302
    assert fresh(StockItem, item.pk).low_stock_threshold == 20
    assert fresh(StockItem, item.pk).is_low


def test_an_empty_threshold_turns_the_warning_off(client, store, stocked):
    item, _main, _shop = stocked
    client.force_login(owner_of(store))

    client.post(url("item_threshold", store, pk=item.pk), {"low_stock_threshold": ""})

    assert fresh(StockItem, item.pk).low_stock_threshold is None


def test_a_negative_threshold_is_refused(client, store, stocked):
    item, _main, _shop = stocked
    client.force_login(owner_of(store))

    response = client.post(url("item_threshold", store, pk=item.pk), {"low_stock_threshold": "-1"})

    assert response.status_code == 400
    assert "low_stock_threshold" in response.context["threshold_form"].errors
    assert fresh(StockItem, item.pk).low_stock_threshold == 5


def test_staff_cannot_change_the_threshold(client, store, member, stocked):
    item, _main, _shop = stocked
    client.force_login(member(store, "staff@acme.test", "staff"))

    response = client.post(url("item_threshold", store, pk=item.pk), {"low_stock_threshold": "1"})

    assert response.status_code == 403
    assert fresh(StockItem, item.pk).low_stock_threshold == 5


# --- Movements -------------------------------------------------------------------------------


def test_movements_are_listed_newest_first(client, store, stocked):
    client.force_login(owner_of(store))

    response = client.get(url("movement_list", store))

    assert [(m.item.sku, m.location.code, m.delta) for m in response.context["page"].object_list] == [
        ("TEE-M", "shop", 2),
        ("TEE-M", "main", 10),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sku": "mug"}, [3]),
        ({"location": "shop"}, [2]),
        ({"reason": "damaged"}, [-1]),
        ({"date_from": "today"}, [-1, 3, 2, 10]),
        ({"date_to": "yesterday"}, []),
    ],
    ids=["sku", "location", "reason", "from-today", "until-yesterday"],
)
def test_movements_are_filtered(client, store, stocked, query, expected):
    item, main, shop = stocked
    receive(store, StockItemFactory(store=store, sku="MUG"), main, 3)
    receive(store, item, main, -1, reason="damaged")
    client.force_login(owner_of(store))
    days = {"today": timezone.localdate(), "yesterday": timezone.localdate() - timedelta(days=1)}
    params = {key: days.get(value, value) for key, value in query.items()}
    if "location" in params:
        params["location"] = {"main": main.pk, "shop": shop.pk}[params["location"]]

    response = client.get(url("movement_list", store), params)

    assert [m.delta for m in response.context["page"].object_list] == expected


# --- CSV export ------------------------------------------------------------------------------


def export(client, store) -> tuple[object, list[list[str]]]:
    response = client.get(url("stock_export", store))
    content = b"".join(response.streaming_content).decode()
    return response, list(csv.reader(io.StringIO(content)))


def test_export_has_a_line_per_item_and_location(client, store, stocked):
    item, main, shop = stocked
    services.reservation_create(store=store, item=item, quantity=3, reference="cart-1")
    client.force_login(owner_of(store))

    response, lines = export(client, store)

    assert response["Content-Type"].startswith("text/csv")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="stock-acme-{today}.csv"'
    assert lines[0] == [
        "sku",
        "name",
        "location",
        "quantity",
        "on_hand",
        "reserved",
        "available",
        "low_stock_threshold",
    ]
    assert sorted(lines[1:]) == [
        ["TEE-M", "T-shirt M", "main", "10", "12", "3", "9", "5"],
        ["TEE-M", "T-shirt M", "shop", "2", "12", "3", "9", "5"],
    ]


def test_export_cells_cannot_run_as_formulas(client, store):
    main = StockLocationFactory(store=store, code="main")
    for sku, name in [("=HYPERLINK(1)", "+SUM(A1)"), ("-2", "@cmd"), ("PLAIN", "Plain")]:
        receive(store, StockItemFactory(store=store, sku=sku, name=name), main, 1)
    client.force_login(owner_of(store))

    _response, lines = export(client, store)

    cells = {(line[0], line[1]) for line in lines[1:]}
    assert cells == {("'=HYPERLINK(1)", "'+SUM(A1)"), ("'-2", "'@cmd"), ("PLAIN", "Plain")}


def test_export_leaves_out_other_stores(client, store, other_store, stocked):
    theirs = StockLocationFactory(store=other_store, code="theirs")
    receive(other_store, StockItemFactory(store=other_store, sku="BRAVO-SECRET"), theirs, 1)
    client.force_login(owner_of(store))

    _response, lines = export(client, store)

    assert all(line[0] != "BRAVO-SECRET" for line in lines)


# --- Locations -------------------------------------------------------------------------------


def test_location_is_created(client, store):
    client.force_login(owner_of(store))

    response = client.post(
        url("location_create", store),
        {"name": "Warehouse", "code": "WH-1", "address": "1 Dock Road", "is_active": "on", "position": "3"},
    )

    assert response.status_code == 302
    with scope(store=store):
        location = StockLocation.objects.get()
    assert (location.name, location.code, location.address, location.is_active, location.position) == (
        "Warehouse",
        "wh-1",
        "1 Dock Road",
        True,
        3,
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "code": "wh"}, "name"),
        ({"name": "Warehouse", "code": "has space"}, "code"),
        ({"name": "Warehouse", "code": "MAIN"}, "code"),
        ({"name": "Warehouse", "code": "wh", "position": "-1"}, "position"),
    ],
    ids=["no-name", "bad-code", "taken-code", "negative-position"],
)
def test_bad_locations_are_field_errors_and_nothing_is_saved(client, store, data, field):
    StockLocationFactory(store=store, code="main")
    client.force_login(owner_of(store))

    response = client.post(url("location_create", store), {"position": "0", **data})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    with scope(store=store):
        assert StockLocation.objects.count() == 1


def test_a_code_used_in_another_store_is_free_here(client, store, other_store):
    StockLocationFactory(store=other_store, code="main")
    client.force_login(owner_of(store))

    response = client.post(url("location_create", store), {"name": "Main", "code": "main", "position": "0"})

    assert response.status_code == 302


def test_deactivating_a_location_keeps_its_history(client, store, stocked):
    item, main, _shop = stocked
    client.force_login(owner_of(store))

    response = client.post(
        url("location_update", store, pk=main.pk), {"name": "Old main", "code": "main", "position": "0"}
    )

    assert response.status_code == 302
    main = fresh(StockLocation, main.pk)
    assert (main.name, main.is_active) == ("Old main", False)
    assert level(item, main) == 10
    with scope(store=store):
        assert StockMovement.objects.filter(location=main).count() == 1
    detail = client.get(url("item_detail", store, pk=item.pk))
    assert "Old main" in detail.content.decode()
    stock = client.get(url("stock_list", store))
    assert [location.code for location in stock.context["locations"]] == ["shop"]


def test_location_list_shows_every_location(client, store, stocked):
    StockLocationFactory(store=store, code="closed", is_active=False)
    client.force_login(owner_of(store))

    response = client.get(url("location_list", store))

    assert [location.code for location in response.context["locations"]] == ["main", "closed", "shop"]


@pytest.mark.parametrize("size", [3, 30])
def test_export_costs_the_same_queries_for_3_or_30_items(client, store, size, django_assert_num_queries):
    grow(store, size)
    client.force_login(owner_of(store))
    export(client, store)

    with django_assert_num_queries(EXPORT_QUERIES):
        _response, lines = export(client, store)

    assert len(lines) == 1 + size * 3


EXPORT_QUERIES = 4  # session, user, membership with role; then one query for every line


def test_the_threshold_address_leads_back_to_the_item_page(client, store, other_store, stocked):
    item, _main, _shop = stocked
    client.force_login(owner_of(store))

    assert client.get(url("item_threshold", store, pk=item.pk)).url == url("item_detail", store, pk=item.pk)
    client.force_login(owner_of(other_store))
    assert client.get(url("item_threshold", other_store, pk=item.pk)).status_code == 404


def test_saving_a_location_and_a_threshold_as_shown_changes_nothing(client, store, stocked):
    from orion.testing.forms import as_shown

    item, main, _shop = stocked
    client.force_login(owner_of(store))
    fields = ("name", "code", "is_active", "position")
    with scope(store=store):
        before = StockLocation.objects.filter(pk=main.pk).values(*fields).get()
    before = (before, fresh(StockItem, item.pk).low_stock_threshold)

    location_page = url("location_update", store, pk=main.pk)
    saved_location = client.post(location_page, as_shown(client.get(location_page)))
    shown = as_shown(client.get(url("item_detail", store, pk=item.pk)))
    saved_threshold = client.post(url("item_threshold", store, pk=item.pk), shown)

    assert (saved_location.status_code, saved_threshold.status_code) == (302, 302)
    with scope(store=store):
        after = StockLocation.objects.filter(pk=main.pk).values(*fields).get()
    assert (after, fresh(StockItem, item.pk).low_stock_threshold) == before


def test_the_location_page_shows_who_renamed_it(client, store):
    owner = owner_of(store)
    main = services.location_create(store=store, actor=owner, name="Main", code="main")
    services.location_update(store=store, actor=owner, location=main, name="Back room")
    client.force_login(owner)

    html = client.get(url("location_update", store, pk=main.pk)).content.decode()

    assert "<del>Main</del> → <ins>Back room</ins>" in html and owner.email in html

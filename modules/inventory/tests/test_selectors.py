"""Inventory's reads: stock rows, the ledger and the CSV rows; one query each, and never another store's rows."""

from __future__ import annotations

import pytest

from modules.inventory import selectors, services
from modules.tenancy.testing import owner_of

from .factories import StockItemFactory, StockLocationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def main(store):
    return StockLocationFactory(store=store, code="main", position=0)


@pytest.fixture
def shop(store):
    return StockLocationFactory(store=store, code="shop", position=1)


@pytest.fixture
def stock(store, main, shop):
    """TEE: 5 at main, 2 at shop, 3 reserved; CAP: 1 at main (low); MUG: nothing yet."""
    tee = StockItemFactory(store=store, sku="TEE", stock={main: 5, shop: 2}, low_stock_threshold=2)
    cap = StockItemFactory(store=store, sku="CAP", stock={main: 1}, low_stock_threshold=2)
    mug = StockItemFactory(store=store, sku="MUG")
    services.reservation_create(store=store, item=tee, quantity=3, reference="cart-1")
    return {"TEE": tee, "CAP": cap, "MUG": mug}


@pytest.fixture
def theirs(other_store):
    """The other store has the same SKUs and location codes."""
    main = StockLocationFactory(store=other_store, code="main")
    return {
        "location": main,
        "TEE": StockItemFactory(store=other_store, sku="TEE", stock={main: 9}, low_stock_threshold=20),
        "CAP": StockItemFactory(store=other_store, sku="CAP", stock={main: 9}),
    }


def test_level_rows_by_sku_with_availability(store, stock, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = [
            (row.sku, row.on_hand, row.reserved, row.available, row.is_low) for row in selectors.level_rows(store=store)
        ]

    assert rows == [("CAP", 1, 0, 1, True), ("MUG", 0, 0, 0, False), ("TEE", 7, 3, 4, False)]


def test_level_rows_cost_one_query_whatever_the_number_of_rows(store, main, django_assert_num_queries):
    for n in range(30):
        StockItemFactory(store=store, sku=f"SKU-{n:02}", stock={main: n + 1})

    with django_assert_num_queries(1):
        rows = [
            (row.sku, row.location_quantity, row.available) for row in selectors.level_rows(store=store, location=main)
        ]

    assert len(rows) == 30 and rows[-1] == ("SKU-29", 30, 30)


def test_level_rows_at_a_location_searched_and_low_only(store, stock, main, shop):
    at_shop = [(row.sku, row.location_quantity) for row in selectors.level_rows(store=store, location=shop)]
    searched = [row.sku for row in selectors.level_rows(store=store, search="te")]
    by_name = [row.sku for row in selectors.level_rows(store=store, search="Mug")]
    low = [row.sku for row in selectors.level_rows(store=store, low_only=True)]

    assert at_shop == [("TEE", 2)]
    assert searched == ["TEE"]
    assert by_name == ["MUG"]
    assert low == ["CAP"]


def test_movements_newest_first_filtered_in_one_query(store, stock, main, shop, django_assert_num_queries):
    tee = stock["TEE"]
    services.stock_transfer(store=store, actor=owner_of(store), item=tee, source=main, destination=shop, quantity=1)

    with django_assert_num_queries(1):
        rows = [
            (m.item.sku, m.location.code, m.delta, m.reason, m.user and m.user.email)
            for m in selectors.movements(store=store, item=tee)
        ]
    at_shop = [(m.item.sku, m.delta) for m in selectors.movements(store=store, location=shop)]

    assert rows == [
        ("TEE", "shop", 1, "transfer", "owner@acme.test"),
        ("TEE", "main", -1, "transfer", "owner@acme.test"),
        ("TEE", "shop", 2, "received", None),
        ("TEE", "main", 5, "received", None),
    ]
    assert at_shop == [("TEE", 1), ("TEE", 2)]


def test_export_rows_stream_one_row_per_item_and_location(store, stock, django_assert_num_queries):
    rows = selectors.export_rows(store=store)

    assert iter(rows) is rows  # a generator: rows are produced while the response streams
    with django_assert_num_queries(1):
        exported = list(rows)

    assert exported == [
        {
            "sku": "CAP",
            "name": "Cap",
            "location": "main",
            "quantity": 1,
            "on_hand": 1,
            "reserved": 0,
            "available": 1,
            "low_stock_threshold": 2,
        },
        {
            "sku": "MUG",
            "name": "Mug",
            "location": "",
            "quantity": 0,
            "on_hand": 0,
            "reserved": 0,
            "available": 0,
            "low_stock_threshold": "",
        },
        {
            "sku": "TEE",
            "name": "Tee",
            "location": "main",
            "quantity": 5,
            "on_hand": 7,
            "reserved": 3,
            "available": 4,
            "low_stock_threshold": 2,
        },
        {
            "sku": "TEE",
            "name": "Tee",
            "location": "shop",
            "quantity": 2,
            "on_hand": 7,
            "reserved": 3,
            "available": 4,
            "low_stock_threshold": 2,
        },
    ]


# --- Two stores: nothing leaks -----------------------------------------------------------


def test_level_rows_never_show_another_stores_items(store, stock, theirs):
    mine = {row.pk for row in selectors.level_rows(store=store)}
    low = {row.pk for row in selectors.level_rows(store=store, low_only=True)}

    assert mine == {item.pk for item in stock.values()}
    assert theirs["TEE"].pk not in low
    assert list(selectors.level_rows(store=store, location=theirs["location"])) == []


def test_movements_never_show_another_stores_ledger(store, stock, theirs):
    mine = list(selectors.movements(store=store))

    assert mine and {m.store_id for m in mine} == {store.pk}
    assert list(selectors.movements(store=store, item=theirs["TEE"])) == []
    assert list(selectors.movements(store=store, location=theirs["location"])) == []


def test_export_rows_never_include_another_stores_stock(store, stock, theirs):
    exported = list(selectors.export_rows(store=store))

    assert sorted({row["sku"] for row in exported}) == ["CAP", "MUG", "TEE"]
    assert 9 not in {row["quantity"] for row in exported}

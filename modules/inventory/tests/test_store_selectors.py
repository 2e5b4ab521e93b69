"""The selectors of inventory's store pages and store API: each store reads its own rows, outside any scope too."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from modules.inventory import selectors, services

from .factories import ReservationFactory, StockItemFactory, StockLocationFactory

pytestmark = pytest.mark.django_db


def seed(store):
    """The same shape in each store, with the same codes and SKUs: two locations (one closed), a stocked item."""
    main = StockLocationFactory(store=store, code="main", position=0)
    closed = StockLocationFactory(store=store, code="closed", position=1)
    tee = StockItemFactory(store=store, sku="TEE", stock={main: 5, closed: 2})
    reservation = ReservationFactory(store=store, item=tee, quantity=2)
    closed = services.location_update(store=store, actor=None, location=closed, is_active=False)
    return {"main": main, "closed": closed, "tee": tee, "reservation": reservation}


@pytest.fixture
def world(store, other_store):
    return seed(store), seed(other_store)


QUERYSETS = {
    "locations": lambda store, mine: selectors.locations(store=store),
    "items": lambda store, mine: selectors.items(store=store),
    "items_with_levels": lambda store, mine: selectors.items_with_levels(store=store),
    "stock_table": lambda store, mine: selectors.stock_table(store=store),
    "item_levels": lambda store, mine: selectors.item_levels(store=store, item=mine["tee"]),
    "active_reservations": lambda store, mine: selectors.active_reservations(store=store, item=mine["tee"]),
    "reservations": lambda store, mine: selectors.reservations(store=store),
}


@pytest.mark.parametrize("name", QUERYSETS)
def test_a_selector_reads_only_its_stores_rows(world, store, name):
    mine, _theirs = world

    rows = list(QUERYSETS[name](store, mine))  # evaluated outside any scope

    assert rows
    assert {row.store_id for row in rows} == {store.pk}


def test_active_only_leaves_out_closed_locations(world, store):
    mine, _theirs = world

    assert list(selectors.locations(store=store, active_only=True)) == [mine["main"]]
    assert list(selectors.locations(store=store)) == [mine["main"], mine["closed"]]


def test_the_stock_table_prefetches_levels_at_active_locations_only(world, store):
    mine, _theirs = world

    with CaptureQueriesContext(connection) as queries:
        rows = list(selectors.stock_table(store=store))
        levels = {row.sku: [(level.location_id, level.quantity) for level in row.levels.all()] for row in rows}

    assert len(queries) == 2
    assert levels == {"TEE": [(mine["main"].pk, 5)]}


def test_a_location_code_is_taken_only_by_another_location_of_the_same_store(world, store, other_store):
    mine, _theirs = world

    assert selectors.location_code_taken(store=store, code="main")
    assert not selectors.location_code_taken(store=store, code="main", exclude=mine["main"])
    assert not selectors.location_code_taken(store=store, code="annex")
    StockLocationFactory(store=other_store, code="annex")
    assert not selectors.location_code_taken(store=store, code="annex")

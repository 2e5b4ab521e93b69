"""What catalog, cart and checkout may call: items by id, availability, the in-stock filter, reserve/release/allocate."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from modules.inventory import interface, services
from modules.inventory.models import Reservation, StockItem, StockLevel, StockLocation

from . import fresh
from .factories import StockItemFactory, StockLocationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def main(store):
    return StockLocationFactory(store=store, code="main")


def test_stock_item_create_and_update_by_id(store):
    item_id = interface.stock_item_create(store=store, sku="TEE", name="Tee")

    interface.stock_item_update(store=store, item_id=item_id, name="T-shirt", low_stock_threshold=2)

    with scopes_disabled():
        item = StockItem.objects.get(pk=item_id)
    assert (item.store, item.sku, item.name, item.low_stock_threshold) == (store, "TEE", "T-shirt", 2)
    with pytest.raises(ValidationError):
        interface.stock_item_create(store=store, sku="TEE", name="Again")


def test_stock_items_retire(store):
    item_id = interface.stock_item_create(store=store, sku="TEE", name="Tee")

    interface.stock_items_retire(store=store, item_ids=[item_id])

    with scopes_disabled():
        assert StockItem.objects.get(pk=item_id).is_active is False


def test_availability_in_one_query(store, main, django_assert_num_queries):
    tee = StockItemFactory(store=store, sku="TEE", stock={main: 5}, low_stock_threshold=2)
    cap = StockItemFactory(store=store, sku="CAP", stock={main: 1}, low_stock_threshold=2)
    wrap = StockItemFactory(store=store, sku="WRAP", track_stock=False)
    interface.reserve(store=store, item_id=tee.pk, quantity=3, reference="cart-1")
    interface.reserve(store=store, item_id=cap.pk, quantity=1, reference="cart-1", ttl=timedelta(0))  # expired

    with django_assert_num_queries(1):
        answer = interface.availability(store=store, item_ids=[tee.pk, cap.pk, wrap.pk])

    assert answer == {
        tee.pk: interface.Availability(on_hand=5, reserved=3, available=2, tracked=True, is_low=True),
        cap.pk: interface.Availability(on_hand=1, reserved=0, available=1, tracked=True, is_low=True),
        wrap.pk: interface.Availability(on_hand=0, reserved=0, available=0, tracked=False, is_low=False),
    }


def test_in_stock_q_filters_a_queryset_reaching_items_through_a_prefix(store, main):
    StockItemFactory(store=store, sku="TEE", stock={main: 2})
    sold = StockItemFactory(store=store, sku="CAP", stock={main: 2})
    wrap = StockItemFactory(store=store, sku="WRAP", track_stock=False, stock={main: 1})
    mug = StockItemFactory(store=store, sku="MUG")
    services.stock_adjust(store=store, actor=None, item=mug, location=main, reason="count", count=0)
    interface.reserve(store=store, item_id=sold.pk, quantity=2, reference="cart-1")
    interface.reserve(store=store, item_id=wrap.pk, quantity=5, reference="cart-1")
    empty = StockLocationFactory(store=store, code="empty")
    sold_out = StockLocationFactory(store=store, code="sold-out")
    services.stock_transfer(store=store, actor=None, item=sold, source=main, destination=sold_out, quantity=1)

    with scopes_disabled():
        skus = sorted(StockLevel.objects.filter(interface.in_stock_q("item")).values_list("item__sku", flat=True))
        locations = list(StockLocation.objects.filter(interface.in_stock_q("levels__item")).distinct())

    assert skus == ["TEE", "WRAP"]
    assert locations == [main]  # reached through a multi-valued relation, like "variants__stock_item"
    assert empty not in locations and sold_out not in locations


def test_reserve_release_and_allocate(store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 3})

    held = interface.reserve(store=store, item_id=item.pk, quantity=2, reference="cart-1")
    with pytest.raises(interface.InsufficientStockError):
        interface.allocate(store=store, lines=[(item.pk, 2)], reference="order-9")
    interface.release(store=store, reservation_id=held)
    interface.release(store=store, reservation_id=held)
    interface.allocate(store=store, lines=[(item.pk, 3)], reference="order-9")

    assert (fresh(item).on_hand, fresh(item).reserved) == (0, 0)
    with scopes_disabled():
        assert Reservation.objects.get(pk=held).status == "released"


# --- Two stores: nothing leaks -----------------------------------------------------------


def test_another_stores_items_are_not_reached(store, other_store, main):
    theirs = StockItemFactory(
        store=other_store, sku="TEE", stock={StockLocationFactory(store=other_store, code="main"): 5}
    )
    mine = StockItemFactory(store=store, sku="TEE", stock={main: 1})

    assert set(interface.availability(store=store, item_ids=[mine.pk, theirs.pk])) == {mine.pk}
    with pytest.raises(interface.StockItemNotFoundError):
        interface.stock_item_update(store=store, item_id=theirs.pk, name="Stolen")
    with pytest.raises(interface.StockItemNotFoundError):
        interface.stock_items_retire(store=store, item_ids=[theirs.pk])
    with pytest.raises(interface.StockItemNotFoundError):
        interface.reserve(store=store, item_id=theirs.pk, quantity=1, reference="cart-1")
    with pytest.raises(interface.StockItemNotFoundError):
        interface.allocate(store=store, lines=[(theirs.pk, 1)], reference="order-1")
    held = interface.reserve(store=other_store, item_id=theirs.pk, quantity=1, reference="cart-1")
    with pytest.raises(interface.ReservationNotFoundError):
        interface.release(store=store, reservation_id=held)

    theirs = fresh(theirs)
    assert (theirs.name, theirs.is_active, theirs.on_hand, theirs.reserved) == ("Tee", True, 5, 1)


def test_stock_item_create_belongs_to_the_given_store(store, other_store):
    interface.stock_item_create(store=other_store, sku="TEE", name="Theirs")

    item_id = interface.stock_item_create(store=store, sku="TEE", name="Mine")

    with scopes_disabled():
        assert StockItem.objects.get(pk=item_id).store == store

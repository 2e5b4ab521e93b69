"""The rules inventory's services enforce: locations, items, adjustments, transfers, reservations, allocation."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modules.inventory import exceptions, services
from modules.inventory.admin import StockItemAdmin
from modules.inventory.events import stock_low
from modules.inventory.models import Reservation, StockItem, StockLevel, StockLocation, StockMovement
from modules.tenancy.models import PlatformStaff
from modules.tenancy.testing import make_store, make_user, owner_of

from . import fresh, ledger_total, level
from .factories import StockItemFactory, StockLocationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def main(store):
    return StockLocationFactory(store=store, code="main", position=0)


@pytest.fixture
def shop(store):
    return StockLocationFactory(store=store, code="shop", position=1)


@pytest.fixture
def low_events(enable):
    """The ``stock_low`` events sent (after commit); the module is on, so its receivers run."""
    enable("inventory")
    sent = []

    def listener(sender, signal, **kwargs):
        sent.append(kwargs)

    stock_low.connect(listener)
    yield sent
    stock_low.disconnect(listener)


# --- Locations and items -----------------------------------------------------------


def test_location_codes_are_unique_per_store(store, other_store, main):
    with pytest.raises(ValidationError) as caught:
        StockLocationFactory(store=store, code="main")
    assert list(caught.value.message_dict) == ["code"]

    other = StockLocationFactory(store=other_store, code="main")

    assert other.store == other_store


def test_location_update_changes_a_fresh_row_and_refuses_unknown_fields(store, main):
    updated = services.location_update(store=store, actor=owner_of(store), location=main, name="Depot", position=3)

    assert (updated.name, updated.position) == ("Depot", 3)
    with scopes_disabled():
        assert StockLocation.objects.get(pk=main.pk).name == "Depot"
    with pytest.raises(TypeError):
        services.location_update(store=store, actor=None, location=main, store_id=1)


def test_another_stores_location_is_not_found(store, other_store, main):
    with pytest.raises(exceptions.StockLocationNotFoundError):
        services.location_update(store=other_store, actor=None, location=main, name="Stolen")
    item = StockItemFactory(store=other_store, sku="TEE")
    with pytest.raises(exceptions.StockLocationNotFoundError):
        services.stock_adjust(store=other_store, actor=None, item=item, location=main, reason="received", delta=1)


def test_stock_item_skus_are_unique_per_store(store, other_store):
    StockItemFactory(store=store, sku="TEE")

    with pytest.raises(ValidationError) as caught:
        StockItemFactory(store=store, sku="TEE")

    assert list(caught.value.message_dict) == ["sku"]
    assert StockItemFactory(store=other_store, sku="TEE").store == other_store


def test_stock_item_update_and_retire(store):
    item = StockItemFactory(store=store, sku="TEE")
    other = StockItemFactory(store=store, sku="CAP")

    services.stock_item_update(store=store, item=item, name="T-shirt", low_stock_threshold=3)
    retired = services.stock_items_retire(store=store, item_ids=[item.pk, other.pk])

    item = fresh(item)
    assert (item.name, item.low_stock_threshold, item.is_active, retired) == ("T-shirt", 3, False, 2)
    with pytest.raises(ValidationError) as caught:
        services.stock_item_update(store=store, item=other, sku="TEE")
    assert list(caught.value.message_dict) == ["sku"]


def test_another_stores_item_is_not_found(store, other_store, main):
    item = StockItemFactory(store=store, sku="TEE")

    with pytest.raises(exceptions.StockItemNotFoundError):
        services.stock_item_update(store=other_store, item=item, name="Stolen")
    with pytest.raises(exceptions.StockItemNotFoundError):
        services.stock_allocate(store=other_store, lines=[(item, 1)], reference="order-1")
    assert fresh(item).name == "Tee"


# --- Adjustments and transfers ---------------------------------------------------


def test_adjust_writes_a_movement_and_keeps_on_hand(store, main, shop):
    user = owner_of(store)
    item = StockItemFactory(store=store, sku="TEE")

    received = services.stock_adjust(
        store=store, actor=user, item=item, location=main, reason="received", delta=10, reference="DN-1", note="box"
    )
    services.stock_adjust(store=store, actor=user, item=item, location=shop, reason="received", delta=4)
    damaged = services.stock_adjust(store=store, actor=user, item=item, location=main, reason="damaged", delta=-3)

    assert (received.delta, received.quantity_after, received.reference, received.user) == (10, 10, "DN-1", user)
    assert (damaged.delta, damaged.quantity_after) == (-3, 7)
    assert (level(item, main), level(item, shop), fresh(item).on_hand) == (7, 4, 11)


def test_a_count_records_the_difference(store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 10})

    counted = services.stock_adjust(store=store, actor=None, item=item, location=main, reason="count", count=6)
    matched = services.stock_adjust(store=store, actor=None, item=item, location=main, reason="count", count=6)

    assert (counted.delta, counted.quantity_after) == (-4, 6)
    assert (matched.delta, matched.quantity_after) == (0, 6)
    assert fresh(item).on_hand == 6


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"delta": 1, "count": 1}, "delta"),
        ({}, "delta"),
        ({"delta": 0}, "delta"),
        ({"count": -1}, "count"),
        ({"delta": 1, "reason": "transfer"}, "reason"),
        ({"delta": 1, "reason": "stolen"}, "reason"),
    ],
    ids=["both", "neither", "zero-change", "negative-count", "transfer-reason", "unknown-reason"],
)
def test_adjust_refuses_bad_input(store, main, values, field):
    item = StockItemFactory(store=store, sku="TEE")
    values = {"reason": "received", **values}

    with pytest.raises(ValidationError) as caught:
        services.stock_adjust(store=store, actor=None, item=item, location=main, **values)

    assert list(caught.value.message_dict) == [field]
    with scopes_disabled():
        assert not StockMovement.objects.exists()


def test_adjust_never_goes_below_zero(store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 2})

    with pytest.raises(exceptions.InsufficientStockError) as caught:
        services.stock_adjust(store=store, actor=None, item=item, location=main, reason="damaged", delta=-3)

    assert caught.value.errors == {"TEE": ["2 available, 3 requested."]}
    assert "TEE" in caught.value.message
    assert (level(item, main), fresh(item).on_hand, ledger_total(item)) == (2, 2, 2)


def test_the_database_constraint_is_the_last_line(store, main):
    """Should the figures be wrong, PostgreSQL (or SQLite) refuses the write: InsufficientStockError, nothing saved."""
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})
    with scopes_disabled():
        StockItem.objects.filter(pk=item.pk).update(on_hand=1)  # corrupt the summary behind the services' back

    with pytest.raises(exceptions.InsufficientStockError) as caught:
        services.stock_adjust(store=store, actor=None, item=item, location=main, reason="damaged", delta=-3)

    assert list(caught.value.errors) == ["TEE"]
    assert (level(item, main), fresh(item).on_hand, ledger_total(item)) == (5, 1, 5)


def test_transfer_moves_units_between_locations(store, main, shop):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})

    out, into = services.stock_transfer(
        store=store, actor=None, item=item, source=main, destination=shop, quantity=3, note="restock"
    )

    assert (out.delta, out.quantity_after, out.location, out.reason) == (-3, 2, main, "transfer")
    assert (into.delta, into.quantity_after, into.location, into.reference) == (3, 3, shop, "main")
    assert (level(item, main), level(item, shop), fresh(item).on_hand) == (2, 3, 5)


def test_transfer_refuses_more_than_the_source_holds_and_the_same_location(store, main, shop):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 2})

    with pytest.raises(exceptions.InsufficientStockError):
        services.stock_transfer(store=store, actor=None, item=item, source=main, destination=shop, quantity=3)
    with pytest.raises(ValidationError):
        services.stock_transfer(store=store, actor=None, item=item, source=main, destination=main, quantity=1)

    assert (level(item, main), level(item, shop), ledger_total(item)) == (2, None, 2)


# --- Reservations --------------------------------------------------------------------


def test_reservations_hold_stock_until_released(store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})

    held = services.reservation_create(store=store, item=item, quantity=4, reference="cart-1")
    with pytest.raises(exceptions.InsufficientStockError) as caught:
        services.reservation_create(store=store, item=item, quantity=2, reference="cart-2")

    assert caught.value.errors == {"TEE": ["1 available, 2 requested."]}
    assert (fresh(item).reserved, fresh(item).available) == (4, 1)
    released = services.reservation_release(store=store, reservation=held)
    again = services.reservation_release(store=store, reservation=held)
    assert (released.status, again.status, again.closed_at) == ("released", "released", released.closed_at)
    assert fresh(item).reserved == 0


def test_an_expired_reservation_no_longer_holds_stock(store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})
    old = services.reservation_create(store=store, item=item, quantity=5, reference="cart-1", ttl=timedelta(0))

    services.reservation_create(store=store, item=item, quantity=5, reference="cart-2")

    with scopes_disabled():
        assert Reservation.objects.get(pk=old.pk).status == "released"
    assert fresh(item).reserved == 5


def test_reservation_refuses_bad_input_and_other_stores(store, other_store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})
    held = services.reservation_create(store=store, item=item, quantity=1, reference="cart-1")

    with pytest.raises(ValidationError):
        services.reservation_create(store=store, item=item, quantity=0, reference="cart-1")
    with pytest.raises(ValidationError):
        services.reservation_create(store=store, item=item, quantity=1, reference="")
    with pytest.raises(exceptions.ReservationNotFoundError):
        services.reservation_release(store=other_store, reservation=held)
    assert fresh(item).reserved == 1


def test_untracked_items_are_never_short(store):
    item = StockItemFactory(store=store, sku="GIFT-WRAP", track_stock=False)

    services.reservation_create(store=store, item=item, quantity=3, reference="order-1")
    movements = services.stock_allocate(store=store, lines=[(item, 3)], reference="order-1")

    assert movements == []
    with scopes_disabled():
        assert not StockMovement.objects.filter(item=item).exists()
        assert Reservation.objects.get(item=item).status == "consumed"
    assert (fresh(item).on_hand, fresh(item).reserved) == (0, 0)


# --- Allocation ----------------------------------------------------------------------


def test_allocation_takes_from_active_locations_in_position_order(store, main, shop):
    closed = StockLocationFactory(store=store, code="closed", position=0, is_active=False)
    services.location_update(store=store, actor=None, location=main, position=2)
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5, shop: 2, closed: 9})

    movements = services.stock_allocate(store=store, lines=[(item, 3), (item.pk, 1)], reference="order-1")

    assert [(m.location.code, m.delta, m.quantity_after, m.reason) for m in movements] == [
        ("shop", -2, 0, "sold"),
        ("main", -2, 3, "sold"),
    ]
    assert {m.reference for m in movements} == {"order-1"}
    assert (level(item, shop), level(item, main), level(item, closed), fresh(item).on_hand) == (0, 3, 9, 12)


def test_allocation_is_all_or_nothing_and_lists_every_short_sku(store, main):
    tee = StockItemFactory(store=store, sku="TEE", stock={main: 5})
    cap = StockItemFactory(store=store, sku="CAP", stock={main: 1})
    mug = StockItemFactory(store=store, sku="MUG")

    with pytest.raises(exceptions.InsufficientStockError) as caught:
        services.stock_allocate(store=store, lines=[(tee, 2), (cap, 2), (mug, 1)], reference="order-1")

    assert caught.value.errors == {"CAP": ["1 available, 2 requested."], "MUG": ["0 available, 1 requested."]}
    assert "CAP, MUG" in caught.value.message
    assert (fresh(tee).on_hand, level(tee, main), fresh(cap).on_hand) == (5, 5, 1)
    with scopes_disabled():
        assert StockMovement.objects.filter(reason="sold").count() == 0


def test_stock_at_inactive_locations_is_not_sold(store, main):
    closed = StockLocationFactory(store=store, code="closed", is_active=False)
    item = StockItemFactory(store=store, sku="TEE", stock={main: 1, closed: 5})

    with pytest.raises(exceptions.InsufficientStockError) as caught:
        services.stock_allocate(store=store, lines=[(item, 2)], reference="order-1")

    assert caught.value.errors == {"TEE": ["1 available, 2 requested."]}


def test_allocation_counts_only_other_references_reservations_and_consumes_its_own(store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})
    services.reservation_create(store=store, item=item, quantity=3, reference="order-1")
    services.reservation_create(store=store, item=item, quantity=2, reference="cart-9")

    with pytest.raises(exceptions.InsufficientStockError):
        services.stock_allocate(store=store, lines=[(item, 4)], reference="order-1")
    services.stock_allocate(store=store, lines=[(item, 3)], reference="order-1")

    with scopes_disabled():
        statuses = dict(Reservation.objects.values_list("reference", "status"))
    assert statuses == {"order-1": "consumed", "cart-9": "active"}
    assert (fresh(item).on_hand, fresh(item).reserved, fresh(item).available) == (2, 2, 0)
    with pytest.raises(exceptions.InsufficientStockError):
        services.stock_allocate(store=store, lines=[(item, 1)], reference="order-2")


def test_allocation_refuses_bad_quantities(store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})

    for quantity in (0, -1, 1.5):
        with pytest.raises(ValidationError):
            services.stock_allocate(store=store, lines=[(item, quantity)], reference="order-1")
    assert services.stock_allocate(store=store, lines=[], reference="order-1") == []
    assert fresh(item).on_hand == 5


# --- Low stock --------------------------------------------------------------------


def test_stock_low_is_sent_once_per_crossing(store, main, low_events, django_capture_on_commit_callbacks):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 10}, low_stock_threshold=3)

    with django_capture_on_commit_callbacks(execute=True):
        services.stock_allocate(store=store, lines=[(item, 6)], reference="order-1")  # 4: above
        services.reservation_create(store=store, item=item, quantity=1, reference="cart-1")  # 3: crosses
        services.stock_allocate(store=store, lines=[(item, 2)], reference="order-2")  # 1: stays low
        services.stock_adjust(store=store, actor=None, item=item, location=main, reason="received", delta=5)  # 6
        services.stock_adjust(store=store, actor=None, item=item, location=main, reason="damaged", delta=-5)  # 1

    assert low_events == [
        {
            "platform": store.platform,
            "store_id": store.pk,
            "item_id": item.pk,
            "sku": "TEE",
            "available": 3,
            "threshold": 3,
        },
        {
            "platform": store.platform,
            "store_id": store.pk,
            "item_id": item.pk,
            "sku": "TEE",
            "available": 1,
            "threshold": 3,
        },
    ]


def test_stock_low_waits_for_the_commit_and_is_not_sent_on_rollback(
    store, main, low_events, django_capture_on_commit_callbacks
):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5}, low_stock_threshold=3)
    untracked = StockItemFactory(store=store, sku="WRAP", track_stock=False, low_stock_threshold=3)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(exceptions.InsufficientStockError):
            services.stock_allocate(store=store, lines=[(item, 4), (untracked, 1), (item, 2)], reference="order-1")
        with pytest.raises(RuntimeError), transaction.atomic():
            services.stock_allocate(store=store, lines=[(item, 4)], reference="order-2")
            raise RuntimeError("the caller's transaction fails afterwards")
        services.stock_allocate(store=store, lines=[(untracked, 9)], reference="order-3")

    assert not [c for c in callbacks if getattr(c, "func", None) is services._common._send_stock_low]
    assert low_events == []
    assert fresh(item).on_hand == 5


def test_stock_low_reaches_module_receivers_only_where_the_module_is_on(
    store, main, django_capture_on_commit_callbacks
):
    module_heard, framework_heard = [], []

    def module_receiver(sender, **kwargs):  # defined in the inventory module's tests: gated like inventory
        module_heard.append(kwargs["sku"])

    def framework_receiver(sender, **kwargs):
        framework_heard.append(kwargs["sku"])

    framework_receiver.__module__ = "orion.testing.pytest_plugin"  # outside every module: always runs
    stock_low.connect(module_receiver, dispatch_uid="test-module")
    stock_low.connect(framework_receiver, dispatch_uid="test-framework")
    try:
        item = StockItemFactory(store=store, sku="TEE", stock={main: 5}, low_stock_threshold=3)
        with django_capture_on_commit_callbacks(execute=True):
            services.stock_allocate(store=store, lines=[(item, 4)], reference="order-1")
    finally:
        stock_low.disconnect(dispatch_uid="test-module")
        stock_low.disconnect(dispatch_uid="test-framework")

    assert (module_heard, framework_heard) == ([], ["TEE"])  # inventory is off for the platform


# --- The ledger ----------------------------------------------------------------------


def test_rebuild_finds_nothing_to_fix_after_the_services(store, main, shop):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5, shop: 1})
    services.reservation_create(store=store, item=item, quantity=2, reference="cart-1")
    services.stock_allocate(store=store, lines=[(item, 3)], reference="order-1")

    assert services.stock_rebuild(store=store) == 0


def test_rebuild_restores_levels_on_hand_and_reserved_from_the_ledger(store, other_store, main):
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})
    services.reservation_create(store=store, item=item, quantity=2, reference="cart-1")
    theirs = StockItemFactory(
        store=other_store, sku="TEE", stock={StockLocationFactory(store=other_store, code="main"): 7}
    )
    with scopes_disabled():
        StockLevel.objects.filter(item=item).update(quantity=50)
        StockItem.objects.filter(pk__in=[item.pk, theirs.pk]).update(on_hand=0, reserved=9)

    assert services.stock_rebuild(store=store) == 2

    item = fresh(item)
    assert (level(item, main), item.on_hand, item.reserved) == (5, 5, 2)
    assert (fresh(theirs).on_hand, fresh(theirs).reserved) == (0, 9)  # another store's rows are not touched
    assert services.stock_rebuild(store=store) == 0


# --- The ledger proof: random operations, then rebuild ------------------------------

SKUS = ("TEE", "CAP", "WRAP")
operation = st.one_of(
    st.tuples(st.just("adjust"), st.sampled_from(SKUS), st.integers(0, 2), st.integers(-6, 12)),
    st.tuples(st.just("count"), st.sampled_from(SKUS), st.integers(0, 2), st.integers(0, 8)),
    st.tuples(st.just("transfer"), st.sampled_from(SKUS), st.integers(0, 2), st.integers(0, 2), st.integers(1, 6)),
    st.tuples(st.just("reserve"), st.sampled_from(SKUS), st.integers(1, 4), st.sampled_from(("a", "b")), st.booleans()),
    st.tuples(st.just("release"), st.integers(0, 20)),
    st.tuples(
        st.just("allocate"),
        st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 5)), min_size=1, max_size=3),
        st.sampled_from(("a", "b", "")),
    ),
    st.tuples(st.just("expire")),
)


def apply(store, items, locations, step) -> None:
    kind, *args = step
    if kind == "adjust" and args[2]:
        reason = "received" if args[2] > 0 else "damaged"
        services.stock_adjust(
            store=store, actor=None, item=items[args[0]], location=locations[args[1]], reason=reason, delta=args[2]
        )
    elif kind == "count":
        services.stock_adjust(
            store=store, actor=None, item=items[args[0]], location=locations[args[1]], reason="count", count=args[2]
        )
    elif kind == "transfer" and args[1] != args[2]:
        services.stock_transfer(
            store=store,
            actor=None,
            item=items[args[0]],
            source=locations[args[1]],
            destination=locations[args[2]],
            quantity=args[3],
        )
    elif kind == "reserve":
        ttl = timedelta(0) if args[3] else None
        services.reservation_create(store=store, item=items[args[0]], quantity=args[1], reference=args[2], ttl=ttl)
    elif kind == "release":
        with scopes_disabled():
            reservations = list(Reservation.objects.filter(store=store).order_by("pk"))
        if reservations:
            services.reservation_release(store=store, reservation=reservations[args[0] % len(reservations)])
    elif kind == "allocate":
        lines = [(items[sku], quantity) for sku, quantity in args[0]]
        services.stock_allocate(store=store, lines=lines, reference=args[1])
    elif kind == "expire":
        services.reservations_release_expired()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(operation, max_size=30))
def test_random_operations_leave_figures_the_ledger_rebuilds_unchanged(store, steps):
    with transaction.atomic():
        locations = [
            StockLocationFactory(store=store, code=f"loc-{n}", position=2 - n, is_active=n != 1) for n in range(3)
        ]
        items = {
            sku: StockItemFactory(store=store, sku=sku, track_stock=sku != "WRAP", low_stock_threshold=2)
            for sku in SKUS
        }
        refused = 0
        for step in steps:
            try:
                apply(store, items, locations, step)
            except exceptions.InsufficientStockError:
                refused += 1

        with scopes_disabled():
            levels = list(StockLevel.objects.filter(store=store).values_list("quantity", flat=True))
            chains = defaultdict(int)
            for item_id, location_id, delta, after in (
                StockMovement.objects.filter(store=store)
                .order_by("pk")
                .values_list("item_id", "location_id", "delta", "quantity_after")
            ):
                chains[(item_id, location_id)] += delta
                assert chains[(item_id, location_id)] == after  # each row's quantity_after follows from the ones before
        assert all(quantity >= 0 for quantity in levels)
        assert services.stock_rebuild(store=store) == 0
        transaction.set_rollback(True)


# --- The Django admin: saves go through these services; platform admins stay on their platforms ---


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:inventory_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def admin_world(store, other_platform, main):
    """Store "acme" on platform A with a platform admin; store "zulu" on platform B; stock and a sale in each."""
    theirs = make_store(other_platform, "zulu")
    their_location = StockLocationFactory(store=theirs, code="depot")
    mine = StockItemFactory(store=store, sku="TEE", stock={main: 5})
    their_item = StockItemFactory(store=theirs, sku="ZED", stock={their_location: 5})
    services.stock_allocate(store=store, lines=[(mine, 1)], reference="order-1")
    services.stock_allocate(store=theirs, lines=[(their_item, 1)], reference="order-2")
    staff = PlatformStaff.objects.create(platform=store.platform, user=make_user("admin@acme.test", is_staff=True))
    with scopes_disabled():
        return SimpleNamespace(
            staff=staff.user,
            mine={"location": main, "item": mine, "movement": StockMovement.objects.filter(store=store).first()},
            theirs={
                "location": their_location,
                "item": their_item,
                "movement": StockMovement.objects.filter(store=theirs).first(),
            },
            their_store=theirs,
        )


@pytest.mark.parametrize("name", ["location", "item", "movement"])
def test_admin_platform_admins_see_only_their_platforms_rows(client, admin_world, name):
    client.force_login(admin_world.staff)
    mine, theirs = admin_world.mine[name], admin_world.theirs[name]

    listed = list(client.get(admin_url(type(mine), "changelist")).context["cl"].queryset)

    assert mine in listed and theirs not in listed
    assert client.get(admin_url(type(mine), "change", mine.pk)).status_code == 200
    assert client.get(admin_url(type(theirs), "change", theirs.pk)).status_code in (302, 404)
    client.post(admin_url(type(theirs), "delete", theirs.pk), {"post": "yes"})
    with scopes_disabled():
        assert type(theirs).objects.filter(pk=theirs.pk).exists()


def test_admin_ledger_is_append_only_even_for_superusers(admin_client, admin_world):
    movement = admin_world.mine["movement"]

    assert admin_client.get(admin_url(StockMovement, "add")).status_code == 403
    page = admin_client.get(admin_url(StockMovement, "change", movement.pk))
    assert page.status_code == 200 and not page.context["has_change_permission"]
    admin_client.post(admin_url(StockMovement, "change", movement.pk), {"delta": "100"})
    admin_client.post(admin_url(StockMovement, "delete", movement.pk), {"post": "yes"})
    with scopes_disabled():
        assert StockMovement.objects.get(pk=movement.pk).delta == -1


def test_admin_item_save_goes_through_the_service_and_keeps_the_stock_figures(client, admin_world, store, monkeypatch):
    client.force_login(admin_world.staff)
    item = admin_world.mine["item"]
    get_object = StockItemAdmin.get_object

    def sold_meanwhile(self, request, object_id, from_field=None):
        stale = get_object(self, request, object_id, from_field)
        services.stock_allocate(store=store, lines=[(item, 2)], reference="order-3")  # between read and save
        return stale

    monkeypatch.setattr(StockItemAdmin, "get_object", sold_meanwhile)
    form = {"sku": "TEE-2", "name": "Tee", "track_stock": "on", "low_stock_threshold": "2", "is_active": "on"}

    response = client.post(admin_url(StockItem, "change", item.pk), form)

    assert response.status_code == 302
    item = fresh(item)
    assert (item.sku, item.low_stock_threshold, item.on_hand, item.reserved) == ("TEE-2", 2, 2, 0)


def test_admin_forms_offer_only_the_platforms_stores_and_refuse_taken_codes(client, admin_world, store):
    client.force_login(admin_world.staff)
    location = {"name": "Depot", "code": "depot", "address": "", "is_active": "on", "position": "0"}

    choices = client.get(admin_url(StockLocation, "add")).context["adminform"].form.fields["store"].queryset
    smuggled = client.post(admin_url(StockLocation, "add"), {**location, "store": admin_world.their_store.pk})
    taken = client.post(admin_url(StockLocation, "add"), {**location, "store": store.pk, "code": "main"})
    created = client.post(admin_url(StockLocation, "add"), {**location, "store": store.pk})

    assert list(choices) == [store]
    assert "store" in smuggled.context["adminform"].form.errors
    assert "code" in taken.context["adminform"].form.errors
    assert created.status_code == 302
    with scopes_disabled():
        assert sorted(StockLocation.objects.filter(store=store).values_list("code", flat=True)) == ["depot", "main"]
    assert client.get(admin_url(StockItem, "add")).status_code == 403  # items come from the catalog

"""Stock under concurrent writers (PostgreSQL): nobody oversells, nobody deadlocks.

Each thread has its own database connection (Django's are per thread) and
closes it when done. The data is committed first (``transaction=True``), so
the threads see it. Run with
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/orion_invcore``.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection
from django_scopes import scopes_disabled

from modules.inventory import services
from modules.inventory.exceptions import InsufficientStockError
from modules.inventory.models import Reservation, StockLevel, StockMovement

from . import fresh, ledger_total, level
from .factories import StockItemFactory, StockLocationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs row locks and concurrent connections (PostgreSQL); SQLite serialises writers itself",
    ),
]

JOIN_TIMEOUT = 60


def race(workers: int, work) -> tuple[list, float]:
    """Run ``work(n)`` in ``workers`` threads released together; each result is ("ok", value) or ("error", exc)."""
    barrier = threading.Barrier(workers)
    results: list = [None] * workers

    def run(n: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[n] = ("ok", work(n))
        except Exception as exc:  # collected and asserted by the test
            results[n] = ("error", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=JOIN_TIMEOUT)
    elapsed = time.perf_counter() - started
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck: a lock was never released"
    return results, elapsed


def test_twenty_orders_race_for_the_last_unit_and_exactly_one_gets_it(store):
    main = StockLocationFactory(store=store, code="main")
    item = StockItemFactory(store=store, sku="TEE", stock={main: 1})

    results, elapsed = race(
        20, lambda n: services.stock_allocate(store=store, lines=[(item, 1)], reference=f"order-{n}")
    )

    outcomes = Counter(kind if kind == "ok" else type(value).__name__ for kind, value in results)
    print(f"\n20-thread race for the last unit: {elapsed * 1000:.0f} ms")
    assert outcomes == {"ok": 1, "InsufficientStockError": 19}
    assert (level(item, main), fresh(item).on_hand, ledger_total(item)) == (0, 0, 0)
    with scopes_disabled():
        sold = StockMovement.objects.filter(item=item, reason="sold")
        assert list(sold.values_list("delta", "quantity_after")) == [(-1, 0)]


ROUNDS = 100


def test_orders_naming_two_items_in_opposite_order_never_deadlock(store, monkeypatch):
    main = StockLocationFactory(store=store, code="main")
    a = StockItemFactory(store=store, sku="A", stock={main: ROUNDS * 2})
    b = StockItemFactory(store=store, sku="B", stock={main: ROUNDS * 2})
    lock_levels = services.stock._lock_sellable_levels

    def slow_lock_levels(item_ids):
        levels = lock_levels(item_ids)
        time.sleep(0.001)  # hold the item locks a little longer: more overlap between the two orders
        return levels

    monkeypatch.setattr(services.stock, "_lock_sellable_levels", slow_lock_levels)
    orders = ([(a, 1), (b, 1)], [(b, 1), (a, 1)])

    def buyer(n: int) -> int:
        done = 0
        for round_ in range(ROUNDS):
            services.stock_allocate(store=store, lines=orders[n], reference=f"order-{n}-{round_}")
            done += 1
        return done

    results, elapsed = race(2, buyer)

    print(f"\n{ROUNDS} rounds of two crossed orders: {elapsed * 1000:.0f} ms")
    assert results == [("ok", ROUNDS), ("ok", ROUNDS)]  # no DeadlockDetected, no OperationalError
    assert (fresh(a).on_hand, fresh(b).on_hand, ledger_total(a), ledger_total(b)) == (0, 0, 0, 0)
    with pytest.raises(InsufficientStockError) as caught:
        services.stock_allocate(store=store, lines=orders[1], reference="one-too-many")
    assert sorted(caught.value.errors) == ["A", "B"]


def test_a_write_arriving_between_the_read_and_the_write_waits_and_cannot_oversell(store, monkeypatch):
    main = StockLocationFactory(store=store, code="main")
    item = StockItemFactory(store=store, sku="TEE", stock={main: 5})
    with scopes_disabled():
        level_id = StockLevel.objects.get(item=item, location=main).pk
    competitor_started, competitor_done = threading.Event(), threading.Event()
    seen: dict = {}

    def competitor() -> None:
        """Another connection takes a unit behind the services' back: a raw UPDATE of the same level."""
        try:
            competitor_started.set()
            with connection.cursor() as cursor:
                cursor.execute("UPDATE inventory_stocklevel SET quantity = quantity - 1 WHERE id = %s", [level_id])
            seen["competitor"] = "updated"
        except IntegrityError as exc:  # the not-negative constraint, once the allocation has committed
            seen["competitor"] = exc
        finally:
            competitor_done.set()
            connection.close()

    thread = threading.Thread(target=competitor)
    lock_levels = services.stock._lock_sellable_levels

    def read_then_let_the_competitor_in(item_ids):
        levels = lock_levels(item_ids)  # the allocation has read 5 units
        thread.start()
        competitor_started.wait(timeout=10)
        time.sleep(0.3)
        seen["blocked_while_we_hold_the_lock"] = not competitor_done.is_set()
        return levels

    monkeypatch.setattr(services.stock, "_lock_sellable_levels", read_then_let_the_competitor_in)

    movements = services.stock_allocate(store=store, lines=[(item, 5)], reference="order-1")
    thread.join(timeout=JOIN_TIMEOUT)

    assert not thread.is_alive()
    assert seen["blocked_while_we_hold_the_lock"] is True
    assert isinstance(seen["competitor"], IntegrityError)  # its decrement came after ours and would go below 0
    allocated = -sum(movement.delta for movement in movements)
    assert allocated == 5 <= 5
    assert level(item, main) == 0
    assert (fresh(item).on_hand, ledger_total(item)) == (0, 0)


def test_twenty_carts_race_to_reserve_the_last_unit_and_exactly_one_holds_it(store):
    item = StockItemFactory(store=store, sku="TEE", stock={StockLocationFactory(store=store, code="main"): 1})

    results, elapsed = race(
        20, lambda n: services.reservation_create(store=store, item=item, quantity=1, reference=f"cart-{n}")
    )

    outcomes = Counter(kind if kind == "ok" else type(value).__name__ for kind, value in results)
    print(f"\n20-thread race to reserve the last unit: {elapsed * 1000:.0f} ms")
    assert outcomes == {"ok": 1, "InsufficientStockError": 19}
    with scopes_disabled():
        assert Reservation.objects.filter(item=item, status="active").count() == 1
    assert (fresh(item).reserved, fresh(item).available) == (1, 0)


def test_the_release_task_racing_carts_and_orders_leaves_figures_the_ledger_agrees_with(store):
    main = StockLocationFactory(store=store, code="main")
    a = StockItemFactory(store=store, sku="A", stock={main: 30})
    b = StockItemFactory(store=store, sku="B", stock={main: 30})
    for n in range(10):
        services.reservation_create(store=store, item=(a, b)[n % 2], quantity=1, reference=f"old-{n}", ttl=timedelta(0))

    def worker(n: int) -> Counter:
        outcomes: Counter = Counter()
        for round_ in range(15):
            try:
                if n == 0:
                    services.reservations_release_expired()
                elif n % 2:
                    item = (a, b)[round_ % 2]
                    services.reservation_create(store=store, item=item, quantity=1, reference=f"cart-{n}-{round_}")
                else:
                    services.stock_allocate(store=store, lines=[(b, 1), (a, 1)], reference=f"order-{n}-{round_}")
                outcomes["ok"] += 1
            except InsufficientStockError:
                outcomes["refused"] += 1
        return outcomes

    results, elapsed = race(6, worker)

    print(f"\nrelease task, carts and orders, 6 threads x 15 rounds: {elapsed * 1000:.0f} ms")
    assert [kind for kind, _value in results] == ["ok"] * 6  # refusals only, no database error
    assert services.stock_rebuild(store=store) == 0
    with scopes_disabled():
        assert not Reservation.objects.filter(reference__startswith="old-", status="active").exists()
    orders = sum(results[n][1]["ok"] for n in (2, 4))
    carts = sum(results[n][1]["ok"] for n in (1, 3, 5))
    a, b = fresh(a), fresh(b)
    assert (a.on_hand, b.on_hand) == (30 - orders, 30 - orders)  # each order took one of each, or nothing
    assert a.reserved + b.reserved == carts
    assert a.available >= 0 and b.available >= 0  # never more held and sold than there was

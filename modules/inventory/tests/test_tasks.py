"""The periodic release of expired reservations: what it frees, that it is idempotent, and its schedule."""

from __future__ import annotations

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from django_scopes import scopes_disabled

from modules.inventory import services
from modules.inventory.exceptions import InsufficientStockError
from modules.inventory.models import Reservation
from modules.inventory.tasks import RELEASE_EXPIRED_TASK, release_expired_reservations
from orion.celery import app

from . import fresh
from .factories import StockItemFactory, StockLocationFactory

pytestmark = pytest.mark.django_db

SCHEDULE = importlib.import_module("modules.inventory.migrations.0002_release_expired_reservations_schedule")


def statuses() -> dict[str, str]:
    with scopes_disabled():
        return dict(Reservation.objects.values_list("reference", "status"))


def test_active_reservations_block_until_they_expire_and_the_task_frees_them(store, other_store):
    tee = StockItemFactory(store=store, sku="TEE", stock={StockLocationFactory(store=store, code="main"): 2})
    theirs = StockItemFactory(
        store=other_store, sku="TEE", stock={StockLocationFactory(store=other_store, code="main"): 1}
    )
    services.reservation_create(store=store, item=tee, quantity=1, reference="live", ttl=timedelta(minutes=5))
    services.reservation_create(store=store, item=tee, quantity=1, reference="gone", ttl=timedelta(minutes=1))
    services.reservation_create(store=other_store, item=theirs, quantity=1, reference="theirs", ttl=timedelta(0))
    with pytest.raises(InsufficientStockError):
        services.reservation_create(store=store, item=tee, quantity=1, reference="blocked")

    released = services.reservations_release_expired(now=timezone.now() + timedelta(minutes=2))

    assert released == 2
    assert statuses() == {"live": "active", "gone": "released", "theirs": "released"}
    assert (fresh(tee).reserved, fresh(theirs).reserved) == (1, 0)
    services.reservation_create(store=store, item=tee, quantity=1, reference="now-fits")


def test_running_the_release_twice_changes_nothing_the_second_time(store):
    item = StockItemFactory(store=store, sku="TEE", stock={StockLocationFactory(store=store, code="main"): 3})
    services.reservation_create(store=store, item=item, quantity=2, reference="cart-1", ttl=timedelta(0))

    first = release_expired_reservations.delay().get()
    with scopes_disabled():
        after_first = list(Reservation.objects.values_list("status", "closed_at"))
    second = release_expired_reservations.delay().get()

    assert (first, second) == (1, 0)
    with scopes_disabled():
        assert list(Reservation.objects.values_list("status", "closed_at")) == after_first
    assert (fresh(item).on_hand, fresh(item).reserved) == (3, 0)


def test_the_migration_scheduled_the_task_every_minute():
    task = PeriodicTask.objects.select_related("interval").get(name="inventory: release expired reservations")

    assert (task.task, task.enabled) == (RELEASE_EXPIRED_TASK, True)
    assert (task.interval.every, task.interval.period) == (1, IntervalSchedule.MINUTES)
    assert RELEASE_EXPIRED_TASK in app.tasks  # beat sends a name the workers know


def test_the_schedule_migration_is_reversible():
    SCHEDULE.unschedule(apps, None)
    assert not PeriodicTask.objects.filter(name=SCHEDULE.NAME).exists()

    SCHEDULE.schedule(apps, None)
    SCHEDULE.schedule(apps, None)  # applying twice leaves one task and one schedule

    assert PeriodicTask.objects.filter(name=SCHEDULE.NAME, task=RELEASE_EXPIRED_TASK).count() == 1
    assert IntervalSchedule.objects.filter(every=1, period=IntervalSchedule.MINUTES).count() == 1

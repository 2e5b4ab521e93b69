"""Module signals and Celery tasks reach only modules enabled for the platform."""

import time

import pytest

from orion.modules.tasks import SKIPPED
from tests.testmodules.dummy import receivers
from tests.testmodules.dummy.tasks import count_things
from tests.testmodules.signals import thing_happened


@pytest.fixture(autouse=True)
def _clear_heard():
    receivers.HEARD.clear()


def framework_listener(sender, platform, **kwargs):
    receivers.HEARD.append(f"framework:{platform.code}")


def test_module_signal_skips_receivers_of_disabled_modules(platform, other_platform, enable):
    enable("dummy", on=other_platform)
    thing_happened.connect(framework_listener)
    try:
        thing_happened.send(sender=None, platform=platform)
        thing_happened.send(sender=None, platform=other_platform)
    finally:
        thing_happened.disconnect(framework_listener)

    assert receivers.HEARD == ["framework:main", "dummy:other", "framework:other"]


def test_send_robust_logs_a_failing_receiver(platform, enable, caplog):
    enable("dummy")

    def broken(sender, platform, **kwargs):
        raise RuntimeError("boom")

    thing_happened.connect(broken)
    try:
        responses = thing_happened.send_robust(sender=None, platform=platform)
    finally:
        thing_happened.disconnect(broken)

    assert any(isinstance(result, RuntimeError) for _, result in responses)
    assert receivers.HEARD == ["dummy:main"]


@pytest.fixture
def worker(transactional_db):
    """A real Celery worker (a thread on the configured broker), or eager mode without a broker."""
    from celery.contrib.testing.worker import start_worker

    from orion.celery import app

    if app.conf.task_always_eager:
        yield "eager"
        return
    with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
        yield "worker"


@pytest.mark.worker
def test_task_of_a_disabled_module_does_nothing(worker, platform):
    assert count_things.delay(platform_id=platform.pk).get(timeout=30) == SKIPPED


@pytest.mark.worker
def test_task_of_an_enabled_module_runs(worker, platform, enable):
    enable("dummy")

    assert count_things.delay(platform_id=platform.pk).get(timeout=30) == f"counted for {platform.pk}"


def _wait_for_mail(count: int, timeout: float = 30) -> list:
    from django.core import mail

    deadline = time.monotonic() + timeout
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return mail.outbox


@pytest.mark.worker
def test_an_invitation_email_is_sent_by_the_worker(worker, store):
    from django_scopes import scope

    from modules.tenancy import services
    from modules.tenancy.models import StoreRole
    from modules.tenancy.testing import owner_of

    with scope(store=store):
        services.invitation_create(
            store=store, actor=owner_of(store), email="new@acme.test", role=StoreRole.objects.get(kind="staff")
        )

    outbox = _wait_for_mail(1)
    assert [message.to for message in outbox] == [["new@acme.test"]]
    assert "/invitations/" in outbox[0].body


@pytest.mark.worker
def test_a_password_reset_email_is_sent_by_the_worker(worker, client, store):
    client.post("/accounts/password/reset/", {"email": "owner@acme.test"})

    outbox = _wait_for_mail(1)
    assert [message.to for message in outbox] == [["owner@acme.test"]]

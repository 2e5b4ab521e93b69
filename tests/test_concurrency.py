"""Two operators changing one platform at once (PostgreSQL): no deadlock, no error, a consistent end state.

Interleavings are not forced, so this is a smoke test of the locking, not a proof."""

import threading
import time

import pytest
from django.db import connection, connections

from orion.modules import services, state
from orion.modules.models import PlatformModule


@pytest.mark.django_db(transaction=True)
def test_concurrent_operators_finish_without_errors_in_a_consistent_state(platform, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks (PostgreSQL); SQLite serialises writers itself")
    plan_enable = services.plan_enable

    def slow_plan_enable(*args, **kwargs):
        plan = plan_enable(*args, **kwargs)
        time.sleep(0.02)  # widen the window between reading the state and writing the plan
        return plan

    monkeypatch.setattr(services, "plan_enable", slow_plan_enable)
    errors = []

    def operator(steps):
        try:
            for _ in range(10):
                for action, code in steps:
                    action(platform=platform, code=code, via="test")
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=operator, args=([(services.enable_module, "dummy_addon")],)),
        threading.Thread(
            target=operator, args=([(services.disable_module, "dummy"), (services.enable_module, "dummy")],)
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    enabled = set(
        PlatformModule.objects.filter(platform=platform, is_enabled=True).values_list("module_code", flat=True)
    )
    assert "dummy_addon" not in enabled or "dummy" in enabled
    assert state.load_enabled_modules(platform.pk) >= enabled

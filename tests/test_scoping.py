"""Store-scoped queries fail closed: in requests, commands and Celery tasks alike."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django_scopes import ScopeError, scope, scopes_disabled

from modules.tenancy.models import StoreMembership
from orion.modules.tasks import SKIPPED, SKIPPED_NO_STORE
from tests.testmodules.dummy.tasks import count_team


def test_a_query_without_a_scope_raises(store):
    with pytest.raises(ScopeError):
        list(StoreMembership.objects.all())
    with pytest.raises(ScopeError):
        StoreMembership.objects.filter(store=store).count()


def test_a_scope_shows_only_its_stores_rows(store, other_store, member):
    member(store, "clerk@acme.test", "staff")

    with scope(store=store):
        emails = sorted(m.user.email for m in StoreMembership.objects.select_related("user"))
        assert emails == ["clerk@acme.test", "owner@acme.test"]
        assert not StoreMembership.objects.filter(store=other_store).exists()
    with scopes_disabled():
        assert StoreMembership.objects.count() == 3


def test_a_task_for_a_store_runs_in_its_scope(store, other_store, member, enable):
    enable("dummy")
    member(store, "clerk@acme.test", "staff")

    assert count_team.delay(store_id=store.pk).get() == 2
    assert count_team.delay(store_id=other_store.pk).get() == 1


def test_a_task_without_a_store_cannot_read_scoped_rows(store, enable):
    enable("dummy")

    with pytest.raises(ScopeError):
        count_team.delay().get()


def test_a_task_for_a_missing_store_or_a_disabled_module_is_skipped(store):
    assert count_team.delay(store_id=store.pk).get() == SKIPPED  # dummy is off
    assert count_team.delay(store_id=999_999).get() == SKIPPED_NO_STORE


def test_a_command_gets_no_scope_either(store, capsys):
    with pytest.raises(ScopeError):
        call_command(
            "shell", command="from modules.tenancy.models import StoreMembership; StoreMembership.objects.count()"
        )

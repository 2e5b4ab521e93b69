"""The data migration that moved the team's events into the store's audit trail."""

from __future__ import annotations

import importlib
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_scopes import scope

from modules.tenancy.activity import sentence
from modules.tenancy.models import StoreMembership
from modules.tenancy.testing import make_platform, make_store, make_user, owner_of
from orion.audit.models import AuditEntry

migration = importlib.import_module("modules.tenancy.migrations.0007_team_events_into_audit_trail")

BEFORE = [("tenancy", "0006_team_events"), ("audit", "0001_initial")]
AFTER = [("tenancy", "0007_team_events_into_audit_trail")]


def test_details_become_before_and_after() -> None:
    changed = {"before": "Staff", "before_kind": "staff", "role": "Manager", "role_kind": "manager"}
    assert migration.changes_from_details("tenancy.member.role_changed", "max@acme.test", changed) == {
        "role": ["Staff", "Manager"],
        "role_kind": ["staff", "manager"],
    }
    assert migration.changes_from_details("tenancy.member.suspended", "max@acme.test", {}) == {
        "is_active": [True, False]
    }
    updated = {"before": {"name": "Packers", "permissions": ["a"]}, "permissions": ["a"]}
    assert migration.changes_from_details("tenancy.role.updated", "Packer", updated) == {"name": ["Packers", "Packer"]}
    assert (
        migration.details_from_changes(
            "tenancy.member.role_changed", {"role": ["Staff", "Manager"], "role_kind": ["staff", "manager"]}
        )
        == changed
    )


@pytest.mark.django_db(transaction=True)
def test_a_team_event_moves_into_the_audit_trail() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        store = make_store(make_platform("main", "shop.example.com"), "acme")
        owner = make_user("boss@acme.test", full_name="Ada Boss")
        when = timezone.now() - timedelta(days=30)
        TeamEvent = old.get_model("tenancy", "TeamEvent")
        event = TeamEvent.objects.create(
            store_id=store.pk,
            actor_id=owner.pk,
            action="tenancy.member.role_changed",
            subject="max@acme.test",
            details={"before": "Staff", "before_kind": "staff", "role": "Manager", "role_kind": "manager"},
        )
        TeamEvent.objects.filter(pk=event.pk).update(created_at=when)
        joined = TeamEvent.objects.create(
            store_id=store.pk, actor_id=None, action="tenancy.member.joined", subject=owner_of(store).email
        )
        TeamEvent.objects.filter(pk=joined.pk).update(created_at=when)

        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
    finally:
        MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())

    with scope(store=store):
        entry = AuditEntry.objects.get(action="tenancy.member.role_changed")
    assert (entry.object_repr, entry.actor, entry.actor_label) == ("max@acme.test", owner, "boss@acme.test")
    # Filed under a team member like new entries; that member is not found (never joined), so no object to link.
    assert (entry.content_type.model, entry.object_id) == ("storemembership", "")
    assert entry.changes == {"role": ["Staff", "Manager"], "role_kind": ["staff", "manager"]}
    assert entry.created_at == when
    assert sentence(entry) == "Ada Boss changed the role of max@acme.test from Staff to Manager."
    with scope(store=store):
        moved_join = AuditEntry.objects.get(action="tenancy.member.joined", created_at=when)
        membership = StoreMembership.objects.get(store=store, user=owner_of(store))
    assert (moved_join.content_type.model, moved_join.object_id) == ("storemembership", str(membership.pk))

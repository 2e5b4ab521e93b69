"""The store's activity page: the audit trail every module writes through ``@store_write``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from modules.core import services as core_services
from modules.core.routes.pages import activity
from modules.tenancy import services as tenancy_services
from modules.tenancy.models import StoreMembership, StoreRole
from modules.tenancy.testing import add_member, owner_of
from orion.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def activity_url(store: Any) -> str:
    return reverse("store:core:activity_list", kwargs={"store_code": store.code})


def make_key(store: Any, name: str = "Till") -> Any:
    token, _key = core_services.api_token_create(store=store, user=owner_of(store), name=name)
    return token


def test_the_owner_reads_who_changed_what_from_what_to_what(client: Any, store: Any) -> None:
    owner = owner_of(store)
    tenancy_services.store_update(store=store, actor=owner, name="Acme Outdoor")
    client.force_login(owner)

    response = client.get(activity_url(store))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Store changed" in html and owner.email in html
    assert "<del>Acme</del> → <ins>Acme Outdoor</ins>" in html


def test_the_page_narrows_to_one_object(client: Any, store: Any) -> None:
    make_key(store, "Till")
    kept = make_key(store, "Warehouse")
    client.force_login(owner_of(store))

    response = client.get(activity_url(store), {"object": f"core.apitoken:{kept.pk}"})

    assert [entry.object_repr for entry in response.context["entries"]] == [str(kept)]


@pytest.mark.parametrize("wanted", ["nothing.here:1", "catalog.product:", "garbage"], ids=["unknown", "no-id", "bad"])
def test_a_filter_naming_nothing_shows_nothing_instead_of_failing(client: Any, store: Any, wanted: str) -> None:
    client.force_login(owner_of(store))

    response = client.get(activity_url(store), {"object": wanted})

    assert response.status_code == 200
    assert list(response.context["entries"]) == []


def test_another_stores_activity_never_shows(client: Any, store: Any, other_store: Any) -> None:
    make_key(other_store, "Theirs")
    client.force_login(owner_of(store))

    response = client.get(activity_url(store))

    assert "Theirs" not in response.content.decode()


def test_older_changes_come_page_by_page_at_a_fixed_number_of_queries(
    client: Any, store: Any, monkeypatch: pytest.MonkeyPatch, django_assert_max_num_queries: Any
) -> None:
    monkeypatch.setattr(activity, "PAGE_SIZE", 3)
    with scope(store=store):
        AuditEntry.objects.all().delete()  # the store's creation recorded its owner joining the team
    for number in range(7):
        make_key(store, f"Key {number}")
    client.force_login(owner_of(store))

    first = client.get(activity_url(store))
    second = client.get(activity_url(store), {"before": first.context["older"]})
    with django_assert_max_num_queries(12):
        third = client.get(activity_url(store), {"before": second.context["older"]})

    names = [[entry.changes["name"][1] for entry in page.context["entries"]] for page in (first, second, third)]
    assert names == [["Key 6", "Key 5", "Key 4"], ["Key 3", "Key 2", "Key 1"], ["Key 0"]]
    assert third.context["older"] is None


def test_team_changes_show_too(client: Any, store: Any) -> None:
    clerk = add_member(store, "clerk@acme.test", "staff")
    with scope(store=store):
        manager_role = StoreRole.objects.get(kind="manager")
        membership = StoreMembership.objects.get(user=clerk)
        tenancy_services.membership_change_role(membership=membership, actor=owner_of(store), role=manager_role)
        tenancy_services.membership_set_active(membership=membership, actor=owner_of(store), is_active=False)
    client.force_login(owner_of(store))

    html = client.get(activity_url(store)).content.decode()

    assert "Team member role changed</strong>: clerk@acme.test" in html
    assert "<del>Staff</del> → <ins>Manager</ins>" in html
    assert "Team member suspended</strong>: clerk@acme.test" in html
    assert "Team member joined</strong>: owner@acme.test" in html  # the store's creation
    assert "Role kind" not in html and ">manager<" not in html  # kept to translate built-in roles, not shown


def test_read_only_staff_may_read_it_but_a_role_without_the_permission_may_not(client: Any, store: Any) -> None:
    client.force_login(add_member(store, "staff@acme.test", "staff"))
    assert client.get(activity_url(store)).status_code == 200

    with scope(store=store):
        role = tenancy_services.role_create(
            store=store, actor=owner_of(store), name="Packer", permissions=["core.view_dashboard"]
        )
    client.force_login(add_member(store, "packer@acme.test", role=role))
    assert client.get(activity_url(store)).status_code == 403


def test_entries_are_ordered_by_time_even_when_an_older_one_has_a_newer_id(
    client: Any, store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(activity, "PAGE_SIZE", 2)
    with scope(store=store):
        AuditEntry.objects.all().delete()
    for number in range(4):
        make_key(store, f"Key {number}")
    with scope(store=store):  # the last one was moved in from an older trail: a new id, its old time
        AuditEntry.objects.filter(changes__name__1="Key 3").update(created_at=timezone.now() - timedelta(days=365))
    client.force_login(owner_of(store))

    first = client.get(activity_url(store))
    second = client.get(activity_url(store), {"before": first.context["older"]})

    names = [[entry.changes["name"][1] for entry in page.context["entries"]] for page in (first, second)]
    assert names == [["Key 2", "Key 1"], ["Key 0", "Key 3"]]

"""Tenancy's selectors for the APIs and other modules: each reads only its store's (or platform's) rows, outside any scope too."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from modules.tenancy import interface, selectors
from modules.tenancy.testing import add_member, make_store

from .factories import InvitationFactory, MerchantFactory, StoreRoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(store, other_store):
    """The same team in each store: a member beside the owner, a custom role, a pending invitation."""
    for shop, tag in ((store, "a"), (other_store, "b")):
        add_member(shop, f"staff-{tag}@example.test")
        StoreRoleFactory(store=shop, name=f"Packer {tag}")
        InvitationFactory(store=shop, email=f"invitee-{tag}@example.test")
    return store, other_store


QUERYSETS = {
    "memberships": selectors.memberships,
    "store_roles": selectors.store_roles,
    "role_details": selectors.role_details,
    "invitations": selectors.invitations,
}


@pytest.mark.parametrize("name", QUERYSETS)
def test_a_store_selector_reads_only_its_stores_rows(world, store, other_store, name):
    rows = list(QUERYSETS[name](store=store))  # evaluated outside any scope

    assert rows
    assert {row.store_id for row in rows} == {store.pk}
    assert not set(rows) & set(QUERYSETS[name](store=other_store))


def test_memberships_and_invitations_bring_what_the_api_shows_in_one_query(world, store):
    with CaptureQueriesContext(connection) as queries:
        members = [(m.user.email, m.role.name, m.store.code) for m in selectors.memberships(store=store)]
        invited = [(i.email, i.role.name, i.store.code) for i in selectors.invitations(store=store)]

    assert len(queries) == 2
    assert [email for email, _role, _store in members] == ["owner@acme.test", "staff-a@example.test"]
    assert invited == [("invitee-a@example.test", invited[0][1], "acme")]


def test_platform_selectors_read_only_the_platforms_merchants_and_stores(store, other_store, other_platform):
    foreign = make_store(other_platform, "faraway")
    MerchantFactory(platform=other_platform, name="Elsewhere Ltd")

    assert [s.code for s in selectors.platform_stores(platform=store.platform)] == ["acme", "bravo"]
    assert [s.code for s in selectors.platform_stores(platform=other_platform)] == ["faraway"]
    merchants = {m.name for m in selectors.platform_merchants(platform=store.platform)}
    assert merchants == {"Acme Ltd", "Bravo Ltd"}
    assert foreign.merchant not in set(selectors.platform_merchants(platform=store.platform))


def test_store_fresh_reads_the_stores_own_row_again(store, other_store):
    stale = store.name
    type(store).objects.filter(pk=store.pk).update(name="Renamed")

    fresh = interface.store_fresh(store=store)

    assert (fresh.pk, fresh.name, store.name) == (store.pk, "Renamed", stale)
    assert interface.store_fresh(store=other_store).pk == other_store.pk


def test_active_store_and_code_taken_stay_on_the_platform(store, other_store, other_platform):
    assert interface.active_store(platform=store.platform, code="acme") == store
    assert interface.active_store(platform=other_platform, code="acme") is None
    assert interface.store_code_taken(platform=store.platform, code="bravo")
    assert not interface.store_code_taken(platform=other_platform, code="bravo")

    type(other_store).objects.filter(pk=other_store.pk).update(status="suspended")  # is_active follows

    assert interface.active_store(platform=store.platform, code="bravo") is None
    assert interface.store_code_taken(platform=store.platform, code="bravo")  # inactive stores keep their code

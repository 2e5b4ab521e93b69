"""Core's selectors: a store's API keys never include another store's; the signup page's account checks."""

from __future__ import annotations

import pytest

from modules.core import selectors
from modules.tenancy.testing import add_member, make_user, owner_of

from .factories import ApiTokenFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(store, other_store):
    """In each store: a key of the owner's and one of a staff member's; the staff member is on both teams."""
    staff = add_member(store, "staff@example.test")
    add_member(other_store, "staff@example.test")
    made = {}
    for shop, tag in ((store, "a"), (other_store, "b")):
        made[f"owner-{tag}"] = ApiTokenFactory(store=shop, name=f"owner {tag}")
        made[f"staff-{tag}"] = ApiTokenFactory(store=shop, user=staff, name=f"staff {tag}")
    return staff, made


def test_apikeys_read_only_the_stores_keys_newest_first(store, other_store, keys):
    staff, made = keys

    everyone = list(selectors.apikeys(store=store, user=owner_of(store), everyone=True))  # outside any scope
    own = list(selectors.apikeys(store=store, user=staff, everyone=False))

    assert everyone == [made["staff-a"], made["owner-a"]]
    assert own == [made["staff-a"]]
    assert list(selectors.apikeys(store=other_store, user=staff, everyone=False)) == [made["staff-b"]]


def test_email_taken_ignores_case_and_user_by_email_finds_the_account(db):
    user = make_user("someone@example.test")

    assert selectors.email_taken(email="SomeOne@Example.test")
    assert not selectors.email_taken(email="nobody@example.test")
    assert selectors.user_by_email(email="someone@example.test") == user

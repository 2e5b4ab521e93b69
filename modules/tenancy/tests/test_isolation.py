"""Tenancy's part of the isolation walk: B's roles smuggled into A's team forms, and the store header.

``isolation_world`` (``orion.testing.isolation``) is the walk's two seeded
stores; the routes of every module are walked in ``tests/test_isolation.py``.
"""

from __future__ import annotations

from django_scopes import scope, scopes_disabled

from modules.tenancy.models import Invitation, StoreMembership, StoreRole
from modules.tenancy.testing import owner_of

# --- B's ids smuggled into A's forms ------------------------------------------


def _b_role(store_b):
    with scope(store=store_b):
        return StoreRole.objects.get(kind="manager")


def test_bs_role_in_as_invitation_form_is_refused_and_nothing_is_written(client, isolation_world):
    store_a, store_b, _seeded = isolation_world
    client.force_login(owner_of(store_a))

    response = client.post(
        "/store/acme/tenancy/team/invite/", {"email": "smuggled@example.test", "role": _b_role(store_b).pk}
    )

    assert response.status_code in (200, 400)
    with scopes_disabled():
        assert not Invitation.objects.filter(email="smuggled@example.test").exists()


def test_bs_role_on_as_member_is_refused_and_nothing_changes(client, isolation_world):
    store_a, store_b, seeded = isolation_world
    membership = seeded["acme"]["tenancy.StoreMembership"]
    client.force_login(owner_of(store_a))

    client.post(f"/store/acme/tenancy/team/{membership.pk}/role/", {"role": _b_role(store_b).pk})

    with scopes_disabled():
        assert StoreMembership.objects.get(pk=membership.pk).role_id == membership.role_id


def test_bs_role_through_the_api_is_a_field_error(client, isolation_world):
    store_a, store_b, seeded = isolation_world
    membership = seeded["acme"]["tenancy.StoreMembership"]
    client.force_login(owner_of(store_a))

    response = client.patch(
        f"/api/v1/store/tenancy/members/{membership.pk}/",
        {"role": _b_role(store_b).pk},
        content_type="application/json",
        HTTP_X_STORE="acme",
    )

    assert response.status_code == 400 and "role" in response.json()["errors"]
    with scopes_disabled():
        assert StoreMembership.objects.get(pk=membership.pk).role_id == membership.role_id


def test_a_header_for_b_with_a_query_for_a_still_means_b(client, isolation_world):
    """The header wins over ?store=: a caller cannot mix two stores in one request."""
    store_a, _store_b, _seeded = isolation_world
    client.force_login(owner_of(store_a))

    response = client.get("/api/v1/store/tenancy/members/?store=acme", HTTP_X_STORE="bravo")

    assert response.status_code == 404

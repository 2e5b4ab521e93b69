"""List pages and list APIs cost the same number of queries whatever the team size."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from modules.core import services as core_services
from modules.tenancy import services
from modules.tenancy.models import StoreRole
from modules.tenancy.testing import add_member, make_store, owner_of

PAGES = [
    "/store/acme/tenancy/team/",
    "/store/acme/tenancy/roles/",
    "/store/acme/core/dashboard/",
    "/store/acme/core/api-keys/",
    "/accounts/stores/",
]
APIS = [
    "/api/v1/store/tenancy/members/",
    "/api/v1/store/tenancy/roles/",
    "/api/v1/store/tenancy/invitations/",
    "/api/v1/store/core/api-keys/",
    "/api/v1/store/tenancy/activity/",
]


def _grow_team(store, size: int) -> None:
    owner = owner_of(store)
    with scope(store=store):
        for n in range(size):
            user = add_member(store, f"member{n}-{size}@acme.test", "staff")
            StoreRole.objects.create(store=store, name=f"Role {n}-{size}", permissions=["tenancy.view_team"])
            services.invitation_create(
                store=store, actor=owner, email=f"invitee{n}-{size}@acme.test", role=StoreRole.objects.get(kind="staff")
            )
            core_services.api_token_create(store=store, user=user, name=f"key {n}")
            core_services.api_token_create(store=store, user=owner, name=f"owner key {n}-{size}")


def _count(client, url: str, **headers) -> int:
    client.get(url, **headers)  # warm the tenant cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("url", PAGES + APIS)
def test_queries_do_not_grow_with_the_team(client, store, url):
    client.force_login(owner_of(store))
    make_store(store.platform, "acme-kids", owner=owner_of(store))  # two stores: the chooser lists, not redirects
    headers = {"HTTP_X_STORE": "acme"} if url.startswith("/api/") else {}
    _grow_team(store, 2)
    small = _count(client, url, **headers)

    _grow_team(store, 12)
    large = _count(client, url, **headers)

    assert large == small, f"{url}: {small} queries with a small team, {large} with a larger one"

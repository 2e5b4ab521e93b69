"""Isolation seeds of the tenancy module's store-scoped models (see ``orion.testing.isolation``)."""

from __future__ import annotations

from typing import Any

from orion.testing.isolation import seed

from .factories import (
    InvitationFactory,
    StoreDomainFactory,
    StoreMembershipFactory,
    StoreRoleFactory,
    UserFactory,
)


@seed("tenancy.StoreDomain")
def domain(store: Any, tag: str) -> Any:
    return StoreDomainFactory(store=store, domain=f"{tag}-secret.example.com")


@seed("tenancy.StoreRole")
def role(store: Any, tag: str) -> Any:
    return StoreRoleFactory(store=store, name=f"{tag}-secret-role", permissions=["tenancy.view_team"])


@seed("tenancy.StoreMembership")
def membership(store: Any, tag: str) -> Any:
    return StoreMembershipFactory(
        store=store, user=UserFactory(email=f"{tag}-secret-member@example.test"), kind="staff"
    )


@seed("tenancy.Invitation")
def invitation(store: Any, tag: str) -> Any:
    return InvitationFactory(store=store, email=f"{tag}-secret-invitee@example.test", kind="staff")

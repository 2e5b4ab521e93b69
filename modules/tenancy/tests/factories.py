"""factory_boy factories for the tenancy module: the platform and store factories every module shares.

``StoreFactory`` makes a store through ``services.store_create``, so it has
its built-in roles and an owner (``owner@<code>.test``) like a real one; its
platform and merchant are made on the way unless passed in. Team rows need a
store: pass ``store=`` (the ``store`` / ``other_store`` fixtures make them).
"""

from __future__ import annotations

from typing import Any

import factory
from django_scopes import scope, scopes_disabled

from modules.tenancy import services
from modules.tenancy.models import (
    Invitation,
    Merchant,
    Platform,
    PlatformDomain,
    PlatformStaff,
    Store,
    StoreDomain,
    StoreMembership,
    StoreRole,
)
from orion.testing.factories import PASSWORD, ScopedModelFactory, ServiceFactory, UserFactory

__all__ = [
    "PASSWORD",
    "InvitationFactory",
    "MerchantFactory",
    "PlatformDomainFactory",
    "PlatformFactory",
    "PlatformStaffFactory",
    "StoreDomainFactory",
    "StoreFactory",
    "StoreMembershipFactory",
    "StoreRoleFactory",
    "UserFactory",
]


class PlatformFactory(factory.django.DjangoModelFactory):
    """A platform answering on ``domain`` (``<code>.testserver`` unless given; ``domain=False`` for none)."""

    class Meta:
        model = Platform
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"platform{n}")
    name = factory.LazyAttribute(lambda o: o.code.title())

    @factory.post_generation
    def domain(platform: Platform, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted is not False:
            PlatformDomainFactory(platform=platform, domain=extracted or f"{platform.code}.testserver", **kwargs)


class PlatformDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlatformDomain

    platform = factory.SubFactory(PlatformFactory, domain=False)
    domain = factory.LazyAttribute(lambda o: f"{o.platform.code}.testserver")


class PlatformStaffFactory(factory.django.DjangoModelFactory):
    """A staff user who administers one platform in Django admin."""

    class Meta:
        model = PlatformStaff

    platform = factory.SubFactory(PlatformFactory)
    user = factory.SubFactory(UserFactory, is_staff=True)


class MerchantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Merchant

    platform = factory.SubFactory(PlatformFactory)
    name = factory.Sequence(lambda n: f"Merchant {n} Ltd")
    email = factory.Sequence(lambda n: f"office@merchant{n}.test")


class StoreFactory(ServiceFactory):
    """``StoreFactory(platform=platform, code="acme")``: a store with its built-in roles and an owner.

    The merchant is "<Code> Ltd" (office@<code>.test) and the owner
    owner@<code>.test (password :data:`PASSWORD`) unless passed in.
    """

    class Meta:
        model = Store

    platform = factory.SubFactory(PlatformFactory)
    code = factory.Sequence(lambda n: f"store{n}")
    name = factory.LazyAttribute(lambda o: o.code.title())
    merchant = factory.SubFactory(
        MerchantFactory,
        platform=factory.SelfAttribute("..platform"),
        name=factory.LazyAttribute(lambda o: f"{o.factory_parent.code.title()} Ltd"),
        email=factory.LazyAttribute(lambda o: f"office@{o.factory_parent.code}.test"),
    )
    owner = factory.SubFactory(
        UserFactory, email=factory.LazyAttribute(lambda o: f"owner@{o.factory_parent.code}.test")
    )

    @classmethod
    def _create(cls, model_class: type, **values: Any) -> Store:
        return services.store_create(**values)


class StoreDomainFactory(ScopedModelFactory):
    class Meta:
        model = StoreDomain

    store = factory.SubFactory(StoreFactory)
    domain = factory.Sequence(lambda n: f"shop{n}.example.com")


class StoreRoleFactory(ScopedModelFactory):
    """A custom role of ``store`` (the built-in ones come with the store)."""

    class Meta:
        model = StoreRole

    store = factory.SubFactory(StoreFactory)
    name = factory.Sequence(lambda n: f"Role {n}")
    permissions = factory.LazyFunction(lambda: ["tenancy.view_team"])


def builtin_role(store: Store, kind: str) -> StoreRole:
    """One of the store's built-in roles: ``owner``, ``manager`` or ``staff``."""
    with scope(store=store):
        return StoreRole.objects.get(kind=kind)


class StoreMembershipFactory(ScopedModelFactory):
    """A user on ``store``'s team with the built-in role ``kind`` (``staff`` unless given) or ``role``."""

    class Meta:
        model = StoreMembership

    class Params:
        kind = "staff"

    store = factory.SubFactory(StoreFactory)
    user = factory.SubFactory(UserFactory)
    role = factory.LazyAttribute(lambda o: builtin_role(o.store, o.kind))


class InvitationFactory(ServiceFactory):
    """A pending invitation made by ``services.invitation_create`` (the owner invites unless ``actor`` is given).

    The single-use token, which exists only in the email, is on ``invitation.token``.
    """

    class Meta:
        model = Invitation

    class Params:
        kind = "staff"

    store = factory.SubFactory(StoreFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.test")
    role = factory.LazyAttribute(lambda o: builtin_role(o.store, o.kind))
    actor = None

    @classmethod
    def _create(cls, model_class: type, *, store: Store, actor: Any = None, **values: Any) -> Invitation:
        actor = actor or owner_of(store)
        with scope(store=store):
            invitation, token = services.invitation_create(store=store, actor=actor, **values)
        invitation.token = token
        return invitation


def owner_of(store: Store) -> Any:
    """The store's first owner."""
    with scopes_disabled():
        return StoreMembership.objects.filter(store=store, role__kind="owner").first().user

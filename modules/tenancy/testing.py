"""Pytest fixtures for platforms, stores and teams (loaded by .pytest.ini for every test).

Built on the factories of ``modules/tenancy/tests/factories.py`` (imported
lazily: this plugin loads before Django is set up).

``platform`` answers on ``testserver`` (the test client's default host);
``store`` ("acme") and ``other_store`` ("bravo") are on it, each with an
owner; ``member(store, "manager")`` adds a user with a built-in role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.contrib.auth import get_user_model

if TYPE_CHECKING:
    from rest_framework.test import APIClient

    from orion.accounts.models import User
    from orion.types import StoreRef

    from .models import Store, StoreRole

PASSWORD = "correct horse battery staple"  # the factories' too (orion.testing.factories.PASSWORD)


def make_platform(code: str, domain: str) -> Any:
    from .tests.factories import PlatformFactory

    return PlatformFactory(code=code, name=code.title(), domain=domain)


def make_user(email: str, **extra: Any) -> Any:
    from .tests.factories import UserFactory

    return UserFactory(email=email, **extra)


def make_store(platform: Any, code: str, *, owner: Any = None) -> Any:
    """A store made by ``services.store_create``: its built-in roles, merchant "<Code> Ltd" and owner@<code>.test."""
    from .tests.factories import StoreFactory

    return StoreFactory(platform=platform, code=code, **({"owner": owner} if owner is not None else {}))


def add_member(store: Store, email: str, kind: str = "staff", *, role: StoreRole | None = None) -> User:
    """A new user on ``store``'s team with the built-in role ``kind`` (or ``role``)."""
    from .tests.factories import StoreMembershipFactory

    user = get_user_model().objects.filter(email=email).first() or make_user(email)
    StoreMembershipFactory(store=store, user=user, kind=kind, **({"role": role} if role is not None else {}))
    return user


def owner_of(store: Store) -> User:
    from .tests.factories import owner_of

    return owner_of(store)


def store_api(user: User | None = None, store: StoreRef | None = None) -> APIClient:
    """A DRF test client for the store API: logged in as ``user``, sending ``X-Store`` for ``store``."""
    from rest_framework.test import APIClient

    client = APIClient()
    if user is not None:
        client.force_login(user)
    if store is not None:
        client.credentials(HTTP_X_STORE=store.code)
    return client


@pytest.fixture
def platform(db: Any) -> Any:
    """A platform served at ``testserver``, the test client's default host."""
    return make_platform("main", "testserver")


@pytest.fixture
def other_platform(db: Any) -> Any:
    return make_platform("other", "other.testserver")


@pytest.fixture
def store(platform: Any) -> Any:
    return make_store(platform, "acme")


@pytest.fixture
def other_store(platform: Any) -> Any:
    return make_store(platform, "bravo")


@pytest.fixture
def member():
    return add_member

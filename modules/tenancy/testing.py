"""Pytest fixtures for platforms, stores and teams (loaded by .pytest.ini for every test).

``platform`` answers on ``testserver`` (the test client's default host);
``store`` ("acme") and ``other_store`` ("bravo") are on it, each with an
owner; ``member(store, "manager")`` adds a user with a built-in role.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django_scopes import scope, scopes_disabled

PASSWORD = "correct horse battery staple"


def make_platform(code: str, domain: str) -> Any:
    from .models import Platform, PlatformDomain

    platform = Platform.objects.create(code=code, name=code.title())
    PlatformDomain.objects.create(platform=platform, domain=domain)
    return platform


def make_user(email: str, **extra: Any) -> Any:
    return get_user_model().objects.create_user(email, PASSWORD, **extra)


def make_store(platform: Any, code: str, *, owner: Any = None) -> Any:
    from . import services
    from .models import Merchant

    merchant = Merchant.objects.create(platform=platform, name=f"{code.title()} Ltd", email=f"office@{code}.test")
    owner = owner or make_user(f"owner@{code}.test")
    return services.store_create(platform=platform, merchant=merchant, code=code, name=code.title(), owner=owner)


def add_member(store: Any, email: str, kind: str = "staff", *, role: Any = None) -> Any:
    """A new user on ``store``'s team with the built-in role ``kind`` (or ``role``)."""
    from .models import StoreMembership, StoreRole

    user = get_user_model().objects.filter(email=email).first() or make_user(email)
    with scope(store=store):
        role = role or StoreRole.objects.get(kind=kind)
        StoreMembership.objects.create(store=store, user=user, role=role)
    return user


def owner_of(store: Any) -> Any:
    from .models import StoreMembership

    with scopes_disabled():
        return StoreMembership.objects.filter(store=store, role__kind="owner").first().user


def store_api(user: Any = None, store: Any = None) -> Any:
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

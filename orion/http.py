"""The request as the framework's middleware leaves it, for annotations.

``TenantModuleMiddleware`` sets ``request.platform``, ``request.store`` and
``request.modules``; django-htmx's middleware sets ``request.htmx``. Django's
``HttpRequest`` declares none of them, so views annotate their request with
these subclasses instead, the way django-stubs documents for attributes a
middleware adds (its ``AuthenticatedHttpRequest``). They are never
instantiated: the request is still Django's (or DRF's) own object.

- ``OrionRequest``: any request; platform and store may be ``None``.
- ``PlatformRequest``: a request of the platform's public site: the platform is set.
- ``StoreRequest``: a request ``StoreViewMixin`` let through: the store and
  its platform are set, the user is a member of the store's team.
- ``StorefrontRequest``: a request ``StorefrontViewMixin`` let through: the
  store and its platform are set, the shopper may be anonymous.
- ``OrionApiRequest``, ``StoreApiRequest``, ``StorefrontApiRequest``: the same
  for DRF's ``Request`` (``StorePermission``, ``StorefrontPermission``);
  ``PlatformApiRequest``: the admin API's (``PlatformAdminPermission``).

Modules annotate with tenancy's subclasses of these, whose ``store`` is
tenancy's ``Store`` model (``modules.tenancy.interface``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails
from rest_framework.request import Request

from orion.types import PlatformRef, StoreRef

if TYPE_CHECKING:
    from orion.accounts.models import User

__all__ = [
    "OrionApiRequest",
    "OrionRequest",
    "PlatformApiRequest",
    "PlatformRequest",
    "StoreApiRequest",
    "StoreRequest",
    "StorefrontApiRequest",
    "StorefrontRequest",
]


class OrionRequest(HttpRequest):
    """A request after the tenant middleware."""

    platform: PlatformRef | None
    store: StoreRef | None
    modules: frozenset[str]
    htmx: HtmxDetails
    # Set (True) only on a store's own domain, where the storefront is at the root.
    storefront_host: bool


class PlatformRequest(OrionRequest):
    """A request of the platform's public site (``PlatformViewMixin``): the platform is set."""

    platform: PlatformRef


class StorefrontRequest(OrionRequest):
    """A request of a storefront page: the store is set, the shopper may be anonymous."""

    platform: PlatformRef
    store: StoreRef


class StoreRequest(StorefrontRequest):
    """A request of a store dashboard page: the store is set, the user is on its team."""

    user: User


class OrionApiRequest(Request):
    """DRF's request after the tenant middleware (DRF passes unknown attributes through to Django's)."""

    platform: PlatformRef | None
    store: StoreRef | None
    modules: frozenset[str]


class StorefrontApiRequest(OrionApiRequest):
    """A request of the storefront API: the store is set, the shopper may be anonymous."""

    platform: PlatformRef
    store: StoreRef


class PlatformApiRequest(OrionApiRequest):
    """A request of the admin API: the platform is set, the user is one of its admins (``PlatformAdminPermission``)."""

    platform: PlatformRef
    user: User


class StoreApiRequest(StorefrontApiRequest):
    """A request of the store API: the store is set, the user is on its team (``StorePermission``)."""

    user: User

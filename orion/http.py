"""The request as the framework's middleware leaves it, for annotations.

``TenantModuleMiddleware`` sets ``request.platform``, ``request.store`` and
``request.modules``; django-htmx's middleware sets ``request.htmx``. Django's
``HttpRequest`` declares none of them, so views annotate their request with
these subclasses instead, the way django-stubs documents for attributes a
middleware adds (its ``AuthenticatedHttpRequest``). They are never
instantiated: the request is still Django's (or DRF's) own object.

- ``OrionRequest``: any request; platform and store may be ``None``.
- ``StoreRequest``: a request a store view let through (``StoreViewMixin``,
  ``StorefrontViewMixin``): the store and its platform are set.
- ``OrionApiRequest`` / ``StoreApiRequest``: the same for DRF's ``Request``.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails
from rest_framework.request import Request

from orion.types import PlatformRef, StoreRef

__all__ = ["OrionApiRequest", "OrionRequest", "StoreApiRequest", "StoreRequest"]


class OrionRequest(HttpRequest):
    """A request after the tenant middleware."""

    platform: PlatformRef | None
    store: StoreRef | None
    modules: frozenset[str]
    htmx: HtmxDetails
    # Set (True) only on a store's own domain, where the storefront is at the root.
    storefront_host: bool


class StoreRequest(OrionRequest):
    """A request of a store page or storefront page: the store is set."""

    platform: PlatformRef
    store: StoreRef


class OrionApiRequest(Request):
    """DRF's request after the tenant middleware (DRF passes unknown attributes through to Django's)."""

    platform: PlatformRef | None
    store: StoreRef | None
    modules: frozenset[str]


class StoreApiRequest(OrionApiRequest):
    """A request of the store or storefront API: the store is set."""

    platform: PlatformRef
    store: StoreRef

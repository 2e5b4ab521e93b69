"""Whole-page cache for storefront pages that every anonymous shopper of a store sees alike.

A shopper without a session gets the same product list, product page or
category page as every other such shopper of that store, in that language,
at that address. Those pages are rendered once and then served from the
cache (Redis when configured) until either

* the store's **content version** changes: a module bumps it with
  ``store_content_changed(store)`` when it writes something shoppers see
  (products, prices, categories, stock), after the transaction commits;
* the **tenant version** changes (stores, domains, enabled modules: see
  ``orion.modules.state``), which is part of the key;
* ``ORION_STOREFRONT_CACHE_SECONDS`` pass (default 60; 0 switches the cache
  off), which bounds what changes without a write, such as a reservation
  that expires.

Requests with a session or a messages cookie (a signed-in shopper, a cart,
a flash message) or an ``Authorization`` header are rendered every time and
never stored, and so is any response that sets a cookie or used a CSRF
token: a page is only stored when nothing in it can belong to one visitor.
A view whose answer depends on request headers names them in
``cache_vary_headers`` (the storefront API: ``Accept`` and
``Accept-Language``); they become part of the key.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils import translation

from orion.modules import state
from orion.types import StoreRef

HEADER = "X-Orion-Page-Cache"  # "hit" or "miss", for operators and tests
_NOT_REPLAYED = {"set-cookie", HEADER.lower()}


def _version_key(store_id: Any) -> str:
    return f"orion:store-content:{store_id}"


def content_version(store_id: Any) -> int:
    """The store's content version; starts from the clock so an evicted counter never repeats."""
    key = _version_key(store_id)
    version: int | None = cache.get(key)
    if version is None:
        cache.add(key, time.time_ns(), timeout=None)
        version = cache.get(key)
    return version


def store_content_changed(store: StoreRef | int) -> None:
    """What shoppers see of ``store`` changed: cached pages are stale now and once the transaction commits."""
    store_id = store if isinstance(store, int) else store.pk
    _bump(store_id)
    if transaction.get_connection().in_atomic_block:
        # Bumped again after commit: a page cached from the old rows between the two bumps is dropped too.
        transaction.on_commit(lambda: _bump(store_id), robust=True)


def _bump(store_id: Any) -> None:
    key = _version_key(store_id)
    try:
        cache.incr(key)
    except ValueError:  # not there (never read, or evicted): a fresh clock value is newer than any before
        cache.set(key, time.time_ns(), timeout=None)


def _cache_seconds() -> int:
    seconds: int = settings.ORION_STOREFRONT_CACHE_SECONDS
    return seconds


def _page_key(request: HttpRequest, vary_headers: tuple[str, ...]) -> str | None:
    """The cache key of this request's page, or None when the page may differ per visitor."""
    store = getattr(request, "store", None)
    if store is None or request.method != "GET" or not _cache_seconds():
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    # The language cookie too: with it a shopper chose the language, without it the store's default applies.
    varying = "\n".join(
        [request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""), *(request.META.get(name, "") for name in vary_headers)]
    )
    address = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}\n{varying}".encode()).hexdigest()
    return ":".join(
        (
            "orion:page",
            str(store.pk),
            str(state.resolved_version()),
            str(content_version(store.pk)),
            translation.get_language() or "",
            address,
        )
    )


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not response.has_header("Cache-Control")  # a view that set its own caching rules keeps them
    )


class CachedStorefrontPageMixin:
    """Put before ``StorefrontViewMixin`` (or the storefront API's base): serve the answer from the cache
    when every anonymous shopper gets it alike."""

    # Request headers (META names) the answer depends on beyond the address and language.
    cache_vary_headers: tuple[str, ...] = ()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = _page_key(request, self.cache_vary_headers)
        if key is None:
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc, no-any-return]  # see below
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            hit = HttpResponse(content, headers=headers)
            hit[HEADER] = "hit"
            return hit
        # A mixin: the view class after it in the MRO has the dispatch() called here.
        response: HttpResponse = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

        def store(rendered: HttpResponse) -> None:
            if _storable(request, rendered):
                headers = {name: value for name, value in rendered.items() if name.lower() not in _NOT_REPLAYED}
                cache.set(key, (rendered.content, headers), timeout=_cache_seconds())
                rendered[HEADER] = "miss"

        if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)
        return response

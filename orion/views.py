"""The scoped bases every page view derives from, one per frontend.

A meta-test (tests/test_isolation.py) fails when a view of the store
frontend is not a ``StoreViewMixin``: this is where tenant isolation and the
permission check happen, so no route can skip them.

- not logged in: the login page;
- logged in but not on the store's team: 404, so a store's existence is
  not revealed to outsiders;
- on the team but without the permission: 403.

Beside them, the helpers every store page uses: ``store_url`` (a store
page's URL for the request's store), ``can`` (may the user do this here?)
and ``store_link`` (both at once, for optional links).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseBase
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from orion.http import PlatformRequest, StoreApiRequest, StorefrontRequest, StoreRequest
from orion.permissions import RequiresStorePermission, has_store_permission, is_member

if TYPE_CHECKING:
    from django.views.generic.base import TemplateResponseMixin, View

    # To the type checker the mixins below are (template) views, so super().dispatch() is View's
    # and what they declare (the request's type) overrides View's and TemplateResponseMixin's
    # instead of clashing with them. At run time they are plain classes, put before the view class.
    class _View(TemplateResponseMixin, View): ...

else:
    _View = object


def store_url(request: StoreRequest | StoreApiRequest, name: str, /, **kwargs: Any) -> str:
    """``reverse(name)`` in the request's store: ``store_url(request, "store:catalog:product_update", pk=3)``.

    ``name`` is the full URL name, as ``{% url %}`` takes it; the store code is filled in.
    """
    return reverse(name, kwargs={"store_code": request.store.code, **kwargs})


def can(request: StoreRequest | StoreApiRequest, permission: str | None) -> bool:
    """Whether the request's user may use ``permission`` in the request's store (``None``: any member)."""
    return has_store_permission(request.user, request.store, permission, modules=getattr(request, "modules", None))


def store_link(request: StoreRequest | StoreApiRequest, name: str, permission: str | None = None) -> str | None:
    """``store_url(request, name)`` if that page is routed and the user may open it, else ``None``.

    For links to other modules' pages (dashboard tiles, first steps) that may be absent.
    """
    if not can(request, permission):
        return None
    try:
        return store_url(request, name)
    except NoReverseMatch:
        return None


class StoreViewMixin(RequiresStorePermission, _View):
    """Base of store dashboard views: ``request.store`` is set and the user may act in it.

    ``permission_required`` guards reads; ``edit_permission_required``
    guards writes (POST, PUT, PATCH, DELETE) and defaults to the former.
    ``None`` admits any team member.
    """

    request: StoreRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        store = getattr(request, "store", None)
        if store is None:
            raise Http404(_("No store with this code on this platform."))
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_member(request.user, store):
            raise Http404(_("No store with this code on this platform."))
        permission = self.required_permission(request)
        if not has_store_permission(request.user, store, permission, modules=getattr(request, "modules", None)):
            raise PermissionDenied(_("Your role in this store does not allow this."))
        return super().dispatch(request, *args, **kwargs)


class StorefrontViewMixin(_View):
    """Base of storefront views: an active store is set (else 404); shoppers need no login."""

    request: StorefrontRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if getattr(request, "store", None) is None:
            raise Http404(_("No store with this code on this platform."))
        return super().dispatch(request, *args, **kwargs)


class PlatformViewMixin(_View):
    """Base of the public platform site's views: a platform is set (the middleware made sure)."""

    request: PlatformRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if getattr(request, "platform", None) is None:
            raise Http404(_("No platform is served at this address."))
        return super().dispatch(request, *args, **kwargs)

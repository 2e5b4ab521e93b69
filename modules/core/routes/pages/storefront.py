"""The storefront's home page: the store's description, and what enabled modules put on it."""

from __future__ import annotations

from django.urls import path
from django.views.generic import TemplateView

from orion.page_cache import CachedStorefrontPageMixin
from orion.views import StorefrontViewMixin


class StorefrontHomeView(CachedStorefrontPageMixin, StorefrontViewMixin, TemplateView):
    """``/shop/<store_code>/``: modules fill the ``storefront.home`` slot (products, offers, ...).

    Cached for anonymous shoppers: a module filling the slot calls ``store_content_changed`` when it writes.
    """

    template_name = "core/storefront/home.html"


urlpatterns = [path("", StorefrontHomeView.as_view(), name="home")]

"""Inventory's movement ledger in the store dashboard, newest first, filtered."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.views.generic import TemplateView

from modules.tenancy.interface import StoreRequest
from orion.views import StoreViewMixin

from .... import selectors
from ....filters import StockMovementFilter
from ._common import VIEW_STOCK, page_of


class MovementListView(StoreViewMixin, TemplateView):
    """The ledger, newest first, filtered by SKU, location, reason and dates."""

    request: StoreRequest

    permission_required = VIEW_STOCK
    template_name = "inventory/store/movement_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        movements = selectors.movements(store=self.request.store)
        filterset = StockMovementFilter(self.request.GET, queryset=movements, request=self.request)
        return {**super().get_context_data(**kwargs), "filter": filterset, "page": page_of(self.request, filterset.qs)}


urlpatterns = [
    path("movements/", MovementListView.as_view(), name="movement_list"),
]

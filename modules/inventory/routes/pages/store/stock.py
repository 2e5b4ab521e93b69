"""Inventory's stock in the store dashboard: levels, the CSV export, one item, adjustments and transfers.

One item's page shows its level per location, its movements and its
reservations, and takes its low-stock threshold.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from modules.tenancy.interface import StoreRequest
from orion.forms import add_service_error
from orion.views import StoreViewMixin, can, store_url

from .... import selectors, services
from ....exceptions import InventoryError
from ....filters import StockItemFilter
from ....forms import LowStockThresholdForm, StockAdjustForm, StockTransferForm
from ....models import StockItem, StockLocation
from ._common import ADJUST_STOCK, VIEW_STOCK, page_of

# --- Stock levels ----------------------------------------------------------------


@dataclass(frozen=True)
class StockRow:
    """A row of the stock table: the item and its quantity at each column's location."""

    item: StockItem
    quantities: list[int]


def stock_rows(items: Iterable[StockItem], locations: list[StockLocation]) -> list[StockRow]:
    """Lay the items' prefetched levels out under the location columns (0 where there is no level)."""
    rows = []
    for item in items:
        by_location = {level.location_id: level.quantity for level in item.levels.all()}
        rows.append(StockRow(item=item, quantities=[by_location.get(location.pk, 0) for location in locations]))
    return rows


class StockListView(StoreViewMixin, TemplateView):
    """Every active item with its quantity per active location, totals and a low-stock badge."""

    request: StoreRequest

    permission_required = VIEW_STOCK
    template_name = "inventory/store/stock_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        store = self.request.store
        locations = list(selectors.locations(store=store, active_only=True))
        items = selectors.stock_table(store=store)
        filterset = StockItemFilter(self.request.GET, queryset=items, request=self.request)
        page = page_of(self.request, filterset.qs)
        return {
            **super().get_context_data(**kwargs),
            "filter": filterset,
            "locations": locations,
            "page": page,
            "rows": stock_rows(page.object_list, locations),
            "can_adjust": can(self.request, ADJUST_STOCK),
        }


CSV_DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet will not run as a formula (OWASP's CSV injection advice): quoted with '."""
    if isinstance(value, str) and value.startswith(CSV_DANGEROUS_PREFIXES):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a streaming response."""

    def write(self, value: str) -> str:
        return value


EXPORT_COLUMNS = ("sku", "name", "location", "quantity", "on_hand", "reserved", "available", "low_stock_threshold")


def export_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        yield writer.writerow([csv_safe(row[column]) for column in EXPORT_COLUMNS])


class StockExportView(StoreViewMixin, View):
    """The stock levels as CSV, one line per item and location, streamed."""

    permission_required = VIEW_STOCK

    def get(self, request: StoreRequest, **kwargs: Any) -> StreamingHttpResponse:
        filename = f"stock-{request.store.code}-{timezone.localdate().isoformat()}.csv"
        response = StreamingHttpResponse(
            export_lines(selectors.export_rows(store=request.store)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


# --- One item -------------------------------------------------------------------------


def get_item(request: StoreRequest, pk: int) -> StockItem:
    return get_object_or_404(selectors.items(store=request.store), pk=pk)


class ItemDetailView(StoreViewMixin, TemplateView):
    """One item: its level at every location, its movements (newest first) and its active reservations."""

    request: StoreRequest

    model = StockItem
    permission_required = VIEW_STOCK
    template_name = "inventory/store/item_detail.html"

    def get_context_data(self, threshold_form: LowStockThresholdForm | None = None, **kwargs: Any) -> dict[str, Any]:
        store = self.request.store
        item = get_item(self.request, kwargs["pk"])
        can_adjust = can(self.request, ADJUST_STOCK)
        if can_adjust and threshold_form is None:
            threshold_form = LowStockThresholdForm(initial={"low_stock_threshold": item.low_stock_threshold})
        movements = selectors.movements(store=store, item=item)
        return {
            **super().get_context_data(**kwargs),
            "item": item,
            "levels": selectors.item_levels(store=store, item=item),
            "reservations": selectors.active_reservations(store=store, item=item),
            "page": page_of(self.request, movements),
            "can_adjust": can_adjust,
            "threshold_form": threshold_form,
        }


class ItemThresholdView(ItemDetailView):
    """Change an item's low-stock threshold (the form is on the item page, which a GET goes back to)."""

    edit_permission_required = ADJUST_STOCK

    def get(self, request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        return redirect(store_url(self.request, "store:inventory:item_detail", pk=get_item(self.request, pk).pk))

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        item = get_item(request, pk)
        form = LowStockThresholdForm(request.POST)
        if form.is_valid():
            try:
                services.stock_item_update(
                    store=request.store, item=item, low_stock_threshold=form.cleaned_data["low_stock_threshold"]
                )
            except (InventoryError, ValidationError) as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Low-stock threshold of %(sku)s saved.") % {"sku": item.sku})
                return redirect(store_url(request, "store:inventory:item_detail", pk=item.pk))
        return self.render_to_response(self.get_context_data(threshold_form=form, pk=pk), status=400)


class ItemFormView(StoreViewMixin, TemplateView):
    """A form page about one item; ``apply`` calls the service, whose refusals become form errors."""

    request: StoreRequest

    model = StockItem
    permission_required = ADJUST_STOCK
    form_class: type
    success_message: str

    def get_context_data(self, form: Any = None, **kwargs: Any) -> dict[str, Any]:
        item = get_item(self.request, kwargs["pk"])
        return {
            **super().get_context_data(**kwargs),
            "item": item,
            "levels": selectors.item_levels(store=self.request.store, item=item),
            "form": form or self.form_class(store=self.request.store),
        }

    def apply(self, item: StockItem, form: Any) -> None:
        raise NotImplementedError

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        item = get_item(request, pk)
        form = self.form_class(request.POST, store=request.store)
        if form.is_valid():
            try:
                self.apply(item, form)
            except (InventoryError, ValidationError) as error:
                add_service_error(form, error)
            else:
                messages.success(request, self.success_message % {"sku": item.sku})
                return redirect(store_url(request, "store:inventory:item_detail", pk=item.pk))
        return self.render_to_response(self.get_context_data(form=form, pk=pk), status=400)


class StockAdjustView(ItemFormView):
    """Record stock received, written off or counted at one location."""

    template_name = "inventory/store/stock_adjust.html"
    form_class = StockAdjustForm
    success_message = _("The stock of %(sku)s was updated.")

    def apply(self, item: StockItem, form: StockAdjustForm) -> None:
        services.stock_adjust(store=self.request.store, actor=self.request.user, item=item, **form.service_arguments())


class StockTransferView(ItemFormView):
    """Move units of an item from one location to another."""

    template_name = "inventory/store/stock_transfer.html"
    form_class = StockTransferForm
    success_message = _("The stock of %(sku)s was moved.")

    def apply(self, item: StockItem, form: StockTransferForm) -> None:
        data = form.cleaned_data
        services.stock_transfer(
            store=self.request.store,
            actor=self.request.user,
            item=item,
            source=data["source"],
            destination=data["destination"],
            quantity=data["quantity"],
            note=data["note"],
        )


urlpatterns = [
    path("stock/", StockListView.as_view(), name="stock_list"),
    path("stock/export.csv", StockExportView.as_view(), name="stock_export"),
    path("stock/<int:pk>/", ItemDetailView.as_view(), name="item_detail"),
    path("stock/<int:pk>/threshold/", ItemThresholdView.as_view(), name="item_threshold"),
    path("stock/<int:pk>/adjust/", StockAdjustView.as_view(), name="stock_adjust"),
    path("stock/<int:pk>/transfer/", StockTransferView.as_view(), name="stock_transfer"),
]

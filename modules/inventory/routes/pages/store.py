"""Store dashboard pages of inventory: stock levels, adjustments, transfers, movements, locations, CSV export.

Mounted at ``/store/<store_code>/inventory/`` (namespace ``store:inventory``).
Every view is a ``StoreViewMixin``: outsiders get a 404, members without the
permission a 403. Objects named by a pk in the URL are fetched through the
scoped managers, so another store's pk is a 404 too. Writes go through
``services``; their refusals come back as form errors, and nothing is saved.

Lists cost a fixed number of queries whatever their length: levels and
related rows are prefetched or joined, never read per row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from orion.forms import add_service_error
from orion.views import StoreViewMixin, can, store_url

from ... import selectors, services
from ...exceptions import InventoryError
from ...filters import StockItemFilter, StockMovementFilter
from ...forms import (
    LowStockThresholdForm,
    StockAdjustForm,
    StockLocationForm,
    StockTransferForm,
)
from ...models import StockItem, StockLocation

VIEW_STOCK = "inventory.view_stock"
ADJUST_STOCK = "inventory.adjust_stock"
MANAGE_LOCATIONS = "inventory.manage_locations"
PAGE_SIZE = 50


def _page(request: HttpRequest, queryset: QuerySet) -> Page:
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


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

    permission_required = VIEW_STOCK
    template_name = "inventory/store/stock_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        store = self.request.store
        locations = list(selectors.locations(store=store, active_only=True))
        items = selectors.stock_table(store=store)
        filterset = StockItemFilter(self.request.GET, queryset=items, request=self.request)
        page = _page(self.request, filterset.qs)
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

    def get(self, request: HttpRequest, **kwargs: Any) -> StreamingHttpResponse:
        filename = f"stock-{request.store.code}-{timezone.localdate().isoformat()}.csv"
        response = StreamingHttpResponse(
            export_lines(selectors.export_rows(store=request.store)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


# --- One item -------------------------------------------------------------------------


def get_item(request: HttpRequest, pk: int) -> StockItem:
    return get_object_or_404(selectors.items(store=request.store), pk=pk)


class ItemDetailView(StoreViewMixin, TemplateView):
    """One item: its level at every location, its movements (newest first) and its active reservations."""

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
            "page": _page(self.request, movements),
            "can_adjust": can_adjust,
            "threshold_form": threshold_form,
        }


class ItemThresholdView(ItemDetailView):
    """Change an item's low-stock threshold (the form is on the item page, which a GET goes back to)."""

    edit_permission_required = ADJUST_STOCK

    def get(self, request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        return redirect(store_url(request, "store:inventory:item_detail", pk=get_item(request, pk).pk))

    def post(self, request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
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
            "form": form or self.form_class(),
        }

    def apply(self, item: StockItem, form: Any) -> None:
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        item = get_item(request, pk)
        form = self.form_class(request.POST)
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


# --- Movements ----------------------------------------------------------------------


class MovementListView(StoreViewMixin, TemplateView):
    """The ledger, newest first, filtered by SKU, location, reason and dates."""

    permission_required = VIEW_STOCK
    template_name = "inventory/store/movement_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        movements = selectors.movements(store=self.request.store)
        filterset = StockMovementFilter(self.request.GET, queryset=movements, request=self.request)
        return {**super().get_context_data(**kwargs), "filter": filterset, "page": _page(self.request, filterset.qs)}


# --- Locations ------------------------------------------------------------------------


class LocationListView(StoreViewMixin, TemplateView):
    permission_required = MANAGE_LOCATIONS
    template_name = "inventory/store/location_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "locations": selectors.locations(store=self.request.store)}


class LocationFormView(StoreViewMixin, TemplateView):
    """The location form; creates a location, or edits ``self.location``."""

    permission_required = MANAGE_LOCATIONS
    template_name = "inventory/store/location_form.html"
    location: StockLocation | None = None

    def get_context_data(self, form: StockLocationForm | None = None, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "form": form or StockLocationForm(instance=self.location),
            "location": self.location,
        }

    def save(self, data: dict[str, Any]) -> StockLocation:
        if self.location is None:
            return services.location_create(store=self.request.store, actor=self.request.user, **data)
        return services.location_update(
            store=self.request.store, actor=self.request.user, location=self.location, **data
        )

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        form = StockLocationForm(request.POST, instance=self.location)
        if form.is_valid():
            try:
                location = self.save(form.cleaned_data)
            except (InventoryError, ValidationError) as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Location “%(name)s” saved.") % {"name": location.name})
                return redirect(store_url(request, "store:inventory:location_list"))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class LocationCreateView(LocationFormView):
    """A new stock location."""


class LocationUpdateView(LocationFormView):
    """Edit a location; deactivating it keeps its levels and movements."""

    model = StockLocation

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.location = get_object_or_404(selectors.locations(store=request.store), pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        self.location = get_object_or_404(selectors.locations(store=request.store), pk=kwargs["pk"])
        return super().post(request, **kwargs)


urlpatterns = [
    path("stock/", StockListView.as_view(), name="stock_list"),
    path("stock/export.csv", StockExportView.as_view(), name="stock_export"),
    path("stock/<int:pk>/", ItemDetailView.as_view(), name="item_detail"),
    path("stock/<int:pk>/threshold/", ItemThresholdView.as_view(), name="item_threshold"),
    path("stock/<int:pk>/adjust/", StockAdjustView.as_view(), name="stock_adjust"),
    path("stock/<int:pk>/transfer/", StockTransferView.as_view(), name="stock_transfer"),
    path("movements/", MovementListView.as_view(), name="movement_list"),
    path("locations/", LocationListView.as_view(), name="location_list"),
    path("locations/new/", LocationCreateView.as_view(), name="location_create"),
    path("locations/<int:pk>/edit/", LocationUpdateView.as_view(), name="location_update"),
]

"""Inventory's stock locations in the store dashboard: the list and the form to add or change one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from modules.tenancy.interface import StoreRequest
from orion.forms import add_service_error
from orion.views import StoreViewMixin, store_url

from .... import selectors, services
from ....exceptions import InventoryError
from ....forms import StockLocationForm
from ....models import StockLocation
from ._common import MANAGE_LOCATIONS


class LocationListView(StoreViewMixin, TemplateView):
    request: StoreRequest

    permission_required = MANAGE_LOCATIONS
    template_name = "inventory/store/location_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "locations": selectors.locations(store=self.request.store)}


class LocationFormView(StoreViewMixin, TemplateView):
    """The location form; creates a location, or edits ``self.location``."""

    request: StoreRequest

    permission_required = MANAGE_LOCATIONS
    template_name = "inventory/store/location_form.html"
    location: StockLocation | None = None

    def get_context_data(self, form: StockLocationForm | None = None, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "form": form or StockLocationForm(instance=self.location, store=self.request.store),
            "location": self.location,
        }

    def save(self, data: dict[str, Any]) -> StockLocation:
        if self.location is None:
            return services.location_create(store=self.request.store, actor=self.request.user, **data)
        return services.location_update(
            store=self.request.store, actor=self.request.user, location=self.location, **data
        )

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        form = StockLocationForm(request.POST, instance=self.location, store=request.store)
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
        self.location = get_object_or_404(selectors.locations(store=self.request.store), pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        self.location = get_object_or_404(selectors.locations(store=request.store), pk=kwargs["pk"])
        return super().post(request, **kwargs)


urlpatterns = [
    path("locations/", LocationListView.as_view(), name="location_list"),
    path("locations/new/", LocationCreateView.as_view(), name="location_create"),
    path("locations/<int:pk>/edit/", LocationUpdateView.as_view(), name="location_update"),
]

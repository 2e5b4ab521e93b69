"""django-filter FilterSets of the stock pages and the store API: one set of rules for both.

Choices of locations come from the scoped manager (not a queryset built at
import time), so they are the request's store's locations only and another
store's location id is an invalid choice.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .models import Reservation, StockItem, StockLocation, StockMovement
from .models.stock import MovementReason, ReservationStatus

MAX_ID = 2_147_483_647  # id columns may be 32-bit integers


def low_stock_q() -> Q:
    """Items whose available quantity (on hand minus reserved) is at or below their threshold."""
    return Q(track_stock=True, low_stock_threshold__isnull=False, low_stock_threshold__gte=F("on_hand") - F("reserved"))


@extend_schema_field(OpenApiTypes.INT)
class LocationFilter(django_filters.ModelChoiceFilter):  # type: ignore[misc]  # django-filter ships no type information
    """A location of the request's store, by id (documented as an integer in the API schema)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=StockLocation.objects, empty_label=_("All locations"), **kwargs)


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):  # type: ignore[misc]  # django-filter ships no type information
    """A row id: a whole number in the column's range (larger ones are a field error, not a database error)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class StockItemFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter ships no type information
    search = django_filters.CharFilter(
        method="filter_search", label=_("Search"), help_text=_("Part of the SKU or the name.")
    )
    sku = django_filters.CharFilter(field_name="sku", lookup_expr="iexact", label=_("SKU"))
    location = LocationFilter(
        method="filter_location", label=_("Stocked at"), help_text=_("Only items with stock at this location.")
    )
    low_only = django_filters.BooleanFilter(method="filter_low_only", widget=BooleanWidget, label=_("Low stock only"))

    class Meta:
        model = StockItem
        fields = ["search", "sku", "location", "low_only"]

    def filter_search(self, queryset: QuerySet[StockItem], name: str, value: str) -> QuerySet[StockItem]:
        value = value.strip()
        return queryset.filter(Q(sku__icontains=value) | Q(name__icontains=value)) if value else queryset

    def filter_location(self, queryset: QuerySet[StockItem], name: str, value: StockLocation) -> QuerySet[StockItem]:
        return queryset.filter(levels__location=value, levels__quantity__gt=0)

    def filter_low_only(self, queryset: QuerySet[StockItem], name: str, value: bool) -> QuerySet[StockItem]:
        return queryset.filter(low_stock_q()) if value else queryset


class StockMovementFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter ships no type information
    sku = django_filters.CharFilter(field_name="item__sku", lookup_expr="iexact", label=_("SKU"))
    item = IdFilter(field_name="item_id", label=_("Stock item id"))
    location = LocationFilter(label=_("Location"))
    reason = django_filters.ChoiceFilter(
        choices=MovementReason.choices, label=_("Reason"), empty_label=_("All reasons")
    )
    date_from = django_filters.DateFilter(
        field_name="created_at__date",
        lookup_expr="gte",
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="created_at__date",
        lookup_expr="lte",
        label=_("Until"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = StockMovement
        fields = ["sku", "item", "location", "reason", "date_from", "date_to"]


class ReservationFilter(django_filters.FilterSet):  # type: ignore[misc]  # django-filter ships no type information
    status = django_filters.ChoiceFilter(choices=ReservationStatus.choices, label=_("Status"))
    item = IdFilter(field_name="item_id", label=_("Stock item id"))
    reference = django_filters.CharFilter(field_name="reference", lookup_expr="exact", label=_("Reference"))

    class Meta:
        model = Reservation
        fields = ["status", "item", "reference"]

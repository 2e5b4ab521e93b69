"""Serializers of the inventory store API: locations, items with their levels, movements, reservations.

Output serializers are read-only; input serializers validate what a call
sends before one service is called. Ids of locations and items in input are
resolved through the scoped managers at request time, so another store's id
is "does not exist" (a 400 field error), never a write.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from . import selectors
from .models import Reservation, StockItem, StockLevel, StockLocation, StockMovement
from .models.stock import MovementReason

MAX_QUANTITY = 1_000_000
MAX_POSITION = 2_147_483_647  # the column is a 32-bit integer
# Sales and transfers are recorded by orders and the transfers endpoint, not by an adjustment.
ADJUST_REASONS = [
    choice for choice in MovementReason.choices if choice[0] not in (MovementReason.SOLD, MovementReason.TRANSFER)
]


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField[Any]):
    """An id of the current store's rows: the manager (not a queryset) is evaluated per request, in scope."""

    def __init__(self, model: type[models.Model], **kwargs: Any) -> None:
        super().__init__(queryset=model.objects, **kwargs)  # type: ignore[attr-defined]  # the store-scoped manager


class ActiveLocationField(ScopedPrimaryKeyField):
    """An active location of the current store: inactive ones keep their history but take no new stock."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(StockLocation, **kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        return super().get_queryset().filter(is_active=True)  # type: ignore[union-attr]  # it has one (the manager)


# --- Locations -----------------------------------------------------------------


class StockLocationSerializer(serializers.ModelSerializer[StockLocation]):
    class Meta:
        model = StockLocation
        fields = ["id", "name", "code", "address", "is_active", "position", "created_at"]
        read_only_fields = fields


class StockLocationInputSerializer(serializers.Serializer[Any]):
    """A new location's fields, or the ones to change (``partial``); ``context["location"]`` is the one edited."""

    name = serializers.CharField(max_length=100)
    code = serializers.SlugField(max_length=50, help_text=_("Short name used in exports and the API."))
    address = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    is_active = serializers.BooleanField(required=False)
    position = serializers.IntegerField(required=False, min_value=0, max_value=MAX_POSITION)

    def validate_code(self, code: str) -> str:
        code = code.lower()
        if selectors.location_code_taken(store=self.context["store"], code=code, exclude=self.context.get("location")):
            raise serializers.ValidationError(_("Another location of this store already has this code."))
        return code


# --- Items and levels --------------------------------------------------------------


class StockLevelSerializer(serializers.ModelSerializer[StockLevel]):
    location_code = serializers.CharField(source="location.code", read_only=True)

    class Meta:
        model = StockLevel
        fields = ["location", "location_code", "quantity"]
        read_only_fields = fields


class StockItemSerializer(serializers.ModelSerializer[StockItem]):
    """An item with its totals and its quantity at each location it has a level at."""

    available = serializers.IntegerField(read_only=True, help_text=_("On hand minus active reservations."))
    is_low = serializers.BooleanField(read_only=True, help_text=_("Available at or below the low-stock threshold."))
    levels = StockLevelSerializer(many=True, read_only=True)

    class Meta:
        model = StockItem
        fields = [
            "id",
            "sku",
            "name",
            "track_stock",
            "low_stock_threshold",
            "on_hand",
            "reserved",
            "available",
            "is_low",
            "is_active",
            "levels",
            "updated_at",
        ]
        read_only_fields = fields


class StockItemThresholdSerializer(serializers.Serializer[Any]):
    low_stock_threshold = serializers.IntegerField(
        min_value=0,
        max_value=MAX_QUANTITY,
        allow_null=True,
        help_text=_("Warn when the available quantity falls to this number or below; null: never warn."),
    )


# --- Movements -----------------------------------------------------------------------


class StockMovementSerializer(serializers.ModelSerializer[StockMovement]):
    sku = serializers.CharField(source="item.sku", read_only=True)
    location_code = serializers.CharField(source="location.code", read_only=True)

    class Meta:
        model = StockMovement
        fields = [
            "id",
            "item",
            "sku",
            "location",
            "location_code",
            "delta",
            "quantity_after",
            "reason",
            "reference",
            "note",
            "user",
            "created_at",
        ]
        read_only_fields = fields


class StockAdjustInputSerializer(serializers.Serializer[Any]):
    """Stock received, written off or counted at one location: send ``delta`` or ``count``, not both."""

    location = ActiveLocationField(help_text=_("Id of one of this store's active locations."))
    reason = serializers.ChoiceField(choices=ADJUST_REASONS)
    delta = serializers.IntegerField(
        required=False,
        min_value=-MAX_QUANTITY,
        max_value=MAX_QUANTITY,
        help_text=_("Units added (positive) or removed (negative)."),
    )
    count = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_QUANTITY,
        help_text=_("The quantity counted at the location; the movement is the difference."),
    )
    reference = serializers.CharField(required=False, allow_blank=True, max_length=100, default="")
    note = serializers.CharField(required=False, allow_blank=True, max_length=255, default="")

    def validate_delta(self, delta: int) -> int:
        if delta == 0:
            raise serializers.ValidationError(_("A change of zero changes nothing."))
        return delta

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("delta" in attrs) == ("count" in attrs):
            raise serializers.ValidationError(_("Send either delta or count, not both and not neither."))
        return attrs


class StockTransferInputSerializer(serializers.Serializer[Any]):
    item = ScopedPrimaryKeyField(StockItem, help_text=_("Id of the stock item to move."))
    source = ScopedPrimaryKeyField(  # type: ignore[assignment]  # a field named "source", not DRF's Field.source
        StockLocation, help_text=_("Id of the location the stock leaves (an inactive one can be emptied).")
    )
    destination = ActiveLocationField(help_text=_("Id of the active location the stock goes to."))
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_QUANTITY)
    note = serializers.CharField(required=False, allow_blank=True, max_length=255, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["source"] == attrs["destination"]:
            raise serializers.ValidationError(
                {"destination": [_("Choose a location other than the one the stock leaves.")]}
            )
        return attrs


# --- Reservations ----------------------------------------------------------------------


class ReservationSerializer(serializers.ModelSerializer[Reservation]):
    sku = serializers.CharField(source="item.sku", read_only=True)

    class Meta:
        model = Reservation
        fields = ["id", "item", "sku", "quantity", "reference", "status", "expires_at", "created_at", "closed_at"]
        read_only_fields = fields

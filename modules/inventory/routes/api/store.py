"""Store API of the inventory module (``/api/v1/store/inventory/``): locations, stock, movements, reservations.

Reads need ``inventory.view_stock``; stock changes ``inventory.adjust_stock``
and location changes ``inventory.manage_locations``. Reads go through the
module's selectors for the request's store (``X-Store``); writes go
through the services, whose refusals answer ``{code, detail, errors}``: 400
for bad input, 409 when there is not enough stock. Lists cost a fixed number
of queries whatever their length.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from modules.tenancy.interface import Store, StoreApiRequest
from orion.api import StoreAPIMixin, StoreQuerysetMixin

from ... import selectors, services
from ...filters import ReservationFilter, StockItemFilter, StockMovementFilter
from ...models import Reservation, StockItem, StockLocation, StockMovement
from ...serializers import (
    ReservationSerializer,
    StockAdjustInputSerializer,
    StockItemSerializer,
    StockItemThresholdSerializer,
    StockLocationInputSerializer,
    StockLocationSerializer,
    StockMovementSerializer,
    StockTransferInputSerializer,
)

VIEW_STOCK = "inventory.view_stock"
ADJUST_STOCK = "inventory.adjust_stock"
MANAGE_LOCATIONS = "inventory.manage_locations"


# --- Locations ---------------------------------------------------------------------


class LocationListApi(StoreQuerysetMixin, StoreAPIMixin, generics.ListAPIView[StockLocation]):
    """The store's locations, in allocation order (view_stock); create one (manage_locations)."""

    model = StockLocation
    permission_required = VIEW_STOCK
    edit_permission_required = MANAGE_LOCATIONS
    serializer_class = StockLocationSerializer

    def get_store_queryset(self, store: Store) -> QuerySet[StockLocation]:
        return selectors.locations(store=store)

    @extend_schema(summary="List stock locations")
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary="Create a stock location",
        request=StockLocationInputSerializer,
        responses={201: StockLocationSerializer},
    )
    def post(self, request: StoreApiRequest) -> Response:
        serializer = StockLocationInputSerializer(data=request.data, context={"store": request.store})
        serializer.is_valid(raise_exception=True)
        location = services.location_create(store=request.store, actor=request.user, **serializer.validated_data)
        return Response(StockLocationSerializer(location).data, status=status.HTTP_201_CREATED)


class LocationDetailApi(StoreQuerysetMixin, StoreAPIMixin, generics.GenericAPIView[StockLocation]):
    """One location (view_stock); change it (manage_locations). Deactivating keeps its levels and movements."""

    model = StockLocation
    permission_required = VIEW_STOCK
    edit_permission_required = MANAGE_LOCATIONS
    serializer_class = StockLocationSerializer

    def get_store_queryset(self, store: Store) -> QuerySet[StockLocation]:
        return selectors.locations(store=store)

    @extend_schema(summary="Show a stock location")
    def get(self, request: StoreApiRequest, pk: int) -> Response:
        return Response(StockLocationSerializer(self.get_object()).data)

    @extend_schema(
        summary="Change a stock location", request=StockLocationInputSerializer, responses=StockLocationSerializer
    )
    def patch(self, request: StoreApiRequest, pk: int) -> Response:
        location = self.get_object()
        serializer = StockLocationInputSerializer(
            data=request.data, partial=True, context={"store": request.store, "location": location}
        )
        serializer.is_valid(raise_exception=True)
        location = services.location_update(
            store=request.store, actor=request.user, location=location, **serializer.validated_data
        )
        return Response(StockLocationSerializer(location).data)


# --- Items -------------------------------------------------------------------------


@extend_schema_view(get=extend_schema(summary="List stock items with their levels"))
class StockItemListApi(StoreQuerysetMixin, StoreAPIMixin, generics.ListAPIView[StockItem]):
    """Stock items with on hand, reserved, available and the quantity per location; filtered."""

    model = StockItem
    permission_required = VIEW_STOCK
    serializer_class = StockItemSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = StockItemFilter

    def get_store_queryset(self, store: Store) -> QuerySet[StockItem]:
        return selectors.items_with_levels(store=store)


class StockItemDetailApi(StoreQuerysetMixin, StoreAPIMixin, generics.GenericAPIView[StockItem]):
    """One stock item (view_stock); change its low-stock threshold (adjust_stock)."""

    model = StockItem
    permission_required = VIEW_STOCK
    edit_permission_required = ADJUST_STOCK
    serializer_class = StockItemSerializer

    def get_store_queryset(self, store: Store) -> QuerySet[StockItem]:
        return selectors.items_with_levels(store=store)

    @extend_schema(summary="Show a stock item with its levels")
    def get(self, request: StoreApiRequest, pk: int) -> Response:
        return Response(StockItemSerializer(self.get_object()).data)

    @extend_schema(
        summary="Change a stock item's low-stock threshold",
        request=StockItemThresholdSerializer,
        responses=StockItemSerializer,
    )
    def patch(self, request: StoreApiRequest, pk: int) -> Response:
        item = self.get_object()
        serializer = StockItemThresholdSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.stock_item_update(store=request.store, item=item, **serializer.validated_data)
        return Response(StockItemSerializer(self.get_object()).data)


class StockAdjustApi(StoreQuerysetMixin, StoreAPIMixin, generics.GenericAPIView[StockItem]):
    """Record stock received, counted, corrected or written off at one location (adjust_stock)."""

    model = StockItem
    permission_required = ADJUST_STOCK
    serializer_class = StockItemSerializer

    def get_store_queryset(self, store: Store) -> QuerySet[StockItem]:
        return selectors.items(store=store)

    @extend_schema(
        summary="Adjust an item's stock at one location",
        description=(
            "Send `delta` (units added or removed) or `count` (the quantity counted: the movement is the "
            "difference). A level never goes below zero: 409 `insufficient_stock`."
        ),
        request=StockAdjustInputSerializer,
        responses={201: StockMovementSerializer},
    )
    def post(self, request: StoreApiRequest, pk: int) -> Response:
        item = self.get_object()
        serializer = StockAdjustInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        movement = services.stock_adjust(
            store=request.store, actor=request.user, item=item, **serializer.validated_data
        )
        return Response(StockMovementSerializer(movement).data, status=status.HTTP_201_CREATED)


class StockTransferApi(StoreAPIMixin, generics.GenericAPIView[Any]):
    """Move units of an item between two locations (adjust_stock): two movements, on hand unchanged."""

    permission_required = ADJUST_STOCK

    def get_serializer_class(self) -> type[StockTransferInputSerializer]:
        # Not a serializer_class attribute: tests/test_isolation.py reads its Meta.model to find an
        # object id for the URL, and this route has none (the item is in the body).
        return StockTransferInputSerializer

    @extend_schema(
        summary="Transfer stock between locations",
        description="Not enough stock at the source: 409 `insufficient_stock`, and nothing moves.",
        request=StockTransferInputSerializer,
        responses={201: StockMovementSerializer(many=True)},
    )
    def post(self, request: StoreApiRequest) -> Response:
        serializer = StockTransferInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        movements = services.stock_transfer(store=request.store, actor=request.user, **serializer.validated_data)
        return Response(StockMovementSerializer(movements, many=True).data, status=status.HTTP_201_CREATED)


# --- Ledger and reservations ----------------------------------------------------------


@extend_schema_view(get=extend_schema(summary="List stock movements, newest first"))
class MovementListApi(StoreQuerysetMixin, StoreAPIMixin, generics.ListAPIView[StockMovement]):
    """The append-only ledger of stock changes (read-only)."""

    model = StockMovement
    permission_required = VIEW_STOCK
    serializer_class = StockMovementSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = StockMovementFilter

    def get_store_queryset(self, store: Store) -> QuerySet[StockMovement]:
        return selectors.movements(store=store)


@extend_schema_view(get=extend_schema(summary="List stock reservations"))
class ReservationListApi(StoreQuerysetMixin, StoreAPIMixin, generics.ListAPIView[Reservation]):
    """Units held for carts and checkouts, soonest to expire first (read-only)."""

    model = Reservation
    permission_required = VIEW_STOCK
    serializer_class = ReservationSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ReservationFilter

    def get_store_queryset(self, store: Store) -> QuerySet[Reservation]:
        return selectors.reservations(store=store)


urlpatterns = [
    path("locations/", LocationListApi.as_view(), name="location_list"),
    path("locations/<int:pk>/", LocationDetailApi.as_view(), name="location_detail"),
    path("items/", StockItemListApi.as_view(), name="item_list"),
    path("items/<int:pk>/", StockItemDetailApi.as_view(), name="item_detail"),
    path("items/<int:pk>/adjust/", StockAdjustApi.as_view(), name="stock_adjust"),
    path("transfers/", StockTransferApi.as_view(), name="stock_transfer"),
    path("movements/", MovementListApi.as_view(), name="movement_list"),
    path("reservations/", ReservationListApi.as_view(), name="reservation_list"),
]

"""The catalogue's attributes and their values in the store API: list, create, show, change, delete."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from modules.tenancy.interface import Store, StoreApiRequest
from orion.api import StoreAPIMixin, StoreQuerysetMixin

from .... import selectors, services
from ....models import Attribute, AttributeValue
from ....serializers import (
    AttributeInputSerializer,
    AttributeSerializer,
    AttributeValueInputSerializer,
    AttributeValueSerializer,
)
from ._common import VIEW_PRODUCT


class AttributeListApi(StoreQuerysetMixin, StoreAPIMixin, generics.ListAPIView[Attribute]):
    """The store's attributes with their values (view_product); create one (manage_attributes)."""

    model = Attribute
    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.manage_attributes"
    serializer_class = AttributeSerializer

    def get_store_queryset(self, store: Store) -> QuerySet[Attribute]:
        return selectors.attributes_with_values(store=store)

    @extend_schema(summary="List attributes and their values")
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary="Create an attribute", request=AttributeInputSerializer, responses={201: AttributeSerializer}
    )
    def post(self, request: StoreApiRequest) -> Response:
        serializer = AttributeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attribute = services.attribute_create(
            store=request.store, actor=request.user, values=dict(serializer.validated_data)
        )
        return Response(AttributeSerializer(attribute).data, status=status.HTTP_201_CREATED)


class AttributeDetailApi(StoreQuerysetMixin, StoreAPIMixin, generics.GenericAPIView[Attribute]):
    """One attribute: read (view_product); change or delete it (manage_attributes)."""

    model = Attribute
    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.manage_attributes"
    serializer_class = AttributeSerializer

    def get_store_queryset(self, store: Store) -> QuerySet[Attribute]:
        return selectors.attributes_with_values(store=store)

    @extend_schema(summary="Show an attribute and its values")
    def get(self, request: StoreApiRequest, pk: int) -> Response:
        return Response(AttributeSerializer(self.get_object()).data)

    @extend_schema(summary="Replace an attribute", request=AttributeInputSerializer, responses=AttributeSerializer)
    def put(self, request: StoreApiRequest, pk: int) -> Response:
        return self.update(request, partial=False)

    @extend_schema(summary="Change an attribute", request=AttributeInputSerializer, responses=AttributeSerializer)
    def patch(self, request: StoreApiRequest, pk: int) -> Response:
        return self.update(request, partial=True)

    def update(self, request: StoreApiRequest, *, partial: bool) -> Response:
        attribute = self.get_object()
        serializer = AttributeInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        attribute = services.attribute_update(
            store=request.store, actor=request.user, attribute=attribute, values=dict(serializer.validated_data)
        )
        return Response(AttributeSerializer(self.get_queryset().get(pk=attribute.pk)).data)

    @extend_schema(
        summary="Delete an attribute",
        description="Refused (attribute_in_use) while products vary by it.",
        responses={204: None},
    )
    def delete(self, request: StoreApiRequest, pk: int) -> Response:
        services.attribute_delete(store=request.store, actor=request.user, attribute=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class AttributeValueListApi(StoreAPIMixin, generics.GenericAPIView[Any]):
    """An attribute's values (view_product); add one (manage_attributes)."""

    request: StoreApiRequest

    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.manage_attributes"
    model = Attribute  # the pk in the URL is the attribute's
    serializer_class = AttributeValueSerializer
    pagination_class = None  # an attribute has a handful of values: all of them, in order

    def get_attribute(self) -> Attribute:
        return get_object_or_404(selectors.attributes(store=self.request.store), pk=self.kwargs["pk"])

    @extend_schema(summary="List an attribute's values", responses=AttributeValueSerializer(many=True))
    def get(self, request: StoreApiRequest, pk: int) -> Response:
        values = selectors.attribute_values(store=request.store, attribute=self.get_attribute())
        return Response(AttributeValueSerializer(values, many=True).data)

    @extend_schema(
        summary="Add a value to an attribute",
        request=AttributeValueInputSerializer,
        responses={201: AttributeValueSerializer},
    )
    def post(self, request: StoreApiRequest, pk: int) -> Response:
        attribute = self.get_attribute()
        serializer = AttributeValueInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        value = services.attribute_value_create(
            store=request.store, actor=request.user, attribute=attribute, values=dict(serializer.validated_data)
        )
        return Response(AttributeValueSerializer(value).data, status=status.HTTP_201_CREATED)


class AttributeValueDetailApi(StoreQuerysetMixin, StoreAPIMixin, generics.GenericAPIView[AttributeValue]):
    """One value of an attribute: read (view_product); change or delete it (manage_attributes)."""

    model = AttributeValue
    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.manage_attributes"
    serializer_class = AttributeValueSerializer

    def get_store_queryset(self, store: Store) -> QuerySet[AttributeValue]:
        return selectors.attribute_values(store=store, attribute_id=self.kwargs["attribute_id"])

    @extend_schema(summary="Show an attribute value")
    def get(self, request: StoreApiRequest, attribute_id: int, pk: int) -> Response:
        return Response(AttributeValueSerializer(self.get_object()).data)

    @extend_schema(
        summary="Replace an attribute value", request=AttributeValueInputSerializer, responses=AttributeValueSerializer
    )
    def put(self, request: StoreApiRequest, attribute_id: int, pk: int) -> Response:
        return self.update(request, partial=False)

    @extend_schema(
        summary="Change an attribute value", request=AttributeValueInputSerializer, responses=AttributeValueSerializer
    )
    def patch(self, request: StoreApiRequest, attribute_id: int, pk: int) -> Response:
        return self.update(request, partial=True)

    def update(self, request: StoreApiRequest, *, partial: bool) -> Response:
        value = self.get_object()
        serializer = AttributeValueInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        value = services.attribute_value_update(
            store=request.store, actor=request.user, attribute_value=value, values=dict(serializer.validated_data)
        )
        return Response(AttributeValueSerializer(value).data)

    @extend_schema(
        summary="Delete an attribute value",
        description="Refused (attribute_in_use) while variants have it.",
        responses={204: None},
    )
    def delete(self, request: StoreApiRequest, attribute_id: int, pk: int) -> Response:
        services.attribute_value_delete(store=request.store, actor=request.user, attribute_value=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("attributes/", AttributeListApi.as_view(), name="attribute_list"),
    path("attributes/<int:pk>/", AttributeDetailApi.as_view(), name="attribute_detail"),
    path("attributes/<int:pk>/values/", AttributeValueListApi.as_view(), name="attribute_value_list"),
    path(
        "attributes/<int:attribute_id>/values/<int:pk>/",
        AttributeValueDetailApi.as_view(),
        name="attribute_value_detail",
    ),
]

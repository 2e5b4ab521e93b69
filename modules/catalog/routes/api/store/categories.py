"""The catalogue's categories in the store API: list, create, show, change or move, delete."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from modules.tenancy.interface import Store, StoreApiRequest
from orion.api import StoreAPIMixin, StoreQuerysetMixin

from .... import selectors, services
from ....models import Category
from ....serializers import CategoryInputSerializer, CategorySerializer
from ._common import VIEW_PRODUCT


class CategoryListApi(StoreQuerysetMixin, StoreAPIMixin, generics.ListAPIView[Category]):
    """The store's categories, in tree order by parent (view_product); create one (manage_categories)."""

    model = Category
    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.manage_categories"
    serializer_class = CategorySerializer

    def get_store_queryset(self, store: Store) -> QuerySet[Category]:
        return selectors.categories(store=store).order_by("position", "name", "id")

    @extend_schema(summary="List categories")
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(summary="Create a category", request=CategoryInputSerializer, responses={201: CategorySerializer})
    def post(self, request: StoreApiRequest) -> Response:
        serializer = CategoryInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        category = services.category_create(
            store=request.store, actor=request.user, parent=values.pop("parent", None), values=values
        )
        return Response(CategorySerializer(category).data, status=status.HTTP_201_CREATED)


class CategoryDetailApi(StoreQuerysetMixin, StoreAPIMixin, generics.GenericAPIView[Category]):
    """One category: read (view_product); change, move or delete it (manage_categories)."""

    model = Category
    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.manage_categories"
    serializer_class = CategorySerializer

    def get_store_queryset(self, store: Store) -> QuerySet[Category]:
        return selectors.categories(store=store)

    @extend_schema(summary="Show a category")
    def get(self, request: StoreApiRequest, pk: int) -> Response:
        return Response(CategorySerializer(self.get_object()).data)

    @extend_schema(summary="Replace a category", request=CategoryInputSerializer, responses=CategorySerializer)
    def put(self, request: StoreApiRequest, pk: int) -> Response:
        return self.update(request, partial=False)

    @extend_schema(summary="Change or move a category", request=CategoryInputSerializer, responses=CategorySerializer)
    def patch(self, request: StoreApiRequest, pk: int) -> Response:
        return self.update(request, partial=True)

    def update(self, request: StoreApiRequest, *, partial: bool) -> Response:
        category = self.get_object()
        serializer = CategoryInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        moved = {"parent": values.pop("parent")} if "parent" in values else {}
        category = services.category_update(
            store=request.store, actor=request.user, category=category, values=values, **moved
        )
        return Response(CategorySerializer(category).data)

    @extend_schema(
        summary="Delete a category",
        description="Its sub-categories move up to its parent; its products stay, outside it.",
        responses={204: None},
    )
    def delete(self, request: StoreApiRequest, pk: int) -> Response:
        services.category_delete(store=request.store, actor=request.user, category=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("categories/", CategoryListApi.as_view(), name="category_list"),
    path("categories/<int:pk>/", CategoryDetailApi.as_view(), name="category_detail"),
]

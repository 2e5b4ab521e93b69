"""The catalogue's products and their images in the store API: list, create, show, change, delete, bulk status."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import path
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from modules.tenancy.interface import Store, StoreApiRequest
from orion.api import StoreAPIMixin, StoreQuerysetMixin
from orion.exceptions import OrionError

from .... import selectors, services
from ....filters import ProductFilter
from ....models import Product, ProductImage
from ....serializers import (
    ProductBulkStatusResultSerializer,
    ProductBulkStatusSerializer,
    ProductImageInputSerializer,
    ProductImageSerializer,
    ProductImageUploadSerializer,
    ProductInputSerializer,
    ProductSerializer,
)
from ._common import VIEW_PRODUCT


def product_body(request: StoreApiRequest, product: Product) -> dict[str, Any]:
    """``product`` as ``ProductSerializer`` shows it, read afresh with its variants, images and stock."""
    store = request.store
    product = selectors.product_details(store=store).get(pk=product.pk)
    context = {"request": request, "availability": selectors.variant_stock(store=store, products=[product])}
    return ProductSerializer(product, context=context).data


VARIANT_FIELD = re.compile(r"^variants\[(\d+)\]\.(\w+)$")


def nest_variant_errors(errors: dict[str, Any]) -> dict[str, Any]:
    """The services' ``variants[1].sku`` keys in the shape DRF gives a nested list: ``{"variants": [{}, {"sku": [...]}]}``.

    So a client reads a variant's errors in one place, whether the serializer or a service found them.
    """
    indexed = {key: VARIANT_FIELD.match(key) for key in errors}
    if "variants" in errors or not any(indexed.values()):
        return errors
    nested: dict[str, Any] = {key: problems for key, problems in errors.items() if not indexed[key]}
    rows: list[dict[str, Any]] = [{} for _ in range(1 + max(int(m.group(1)) for m in indexed.values() if m))]
    for key, match in indexed.items():
        if match:
            rows[int(match.group(1))][match.group(2)] = errors[key]
    nested["variants"] = rows
    return nested


@contextmanager
def variant_errors_nested() -> Iterator[None]:
    """Around a product service call: its field errors about variants come nested (``nest_variant_errors``)."""
    try:
        yield
    except DjangoValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        raise ValidationError(nest_variant_errors(exc.message_dict)) from exc
    except OrionError as exc:
        exc.errors = nest_variant_errors(exc.errors)
        raise


def variant_inputs(rows: list[dict[str, Any]] | None) -> list[services.VariantInput] | None:
    if rows is None:
        return None
    return [services.VariantInput(**row) for row in rows]


# --- Products ---------------------------------------------------------------------


class ProductListApi(StoreQuerysetMixin, StoreAPIMixin, generics.ListAPIView[Product]):
    """The store's products, filtered and paginated (view_product); create one (create_product)."""

    request: StoreApiRequest

    model = Product
    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.create_product"
    serializer_class = ProductSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProductFilter

    def get_store_queryset(self, store: Store) -> QuerySet[Product]:
        return selectors.product_details(store=store)

    @extend_schema(summary="List products")
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        stock = selectors.variant_stock(store=self.request.store, products=page)  # type: ignore[arg-type]  # paginated
        context = {**self.get_serializer_context(), "availability": stock}
        return self.get_paginated_response(ProductSerializer(page, many=True, context=context).data)

    @extend_schema(
        summary="Create a product",
        description=(
            "Titles and descriptions per language (title_en is required, the others fall back to it). "
            "Without variants the product gets one default variant with the given sku."
        ),
        request=ProductInputSerializer,
        responses={201: ProductSerializer},
    )
    def post(self, request: StoreApiRequest) -> Response:
        serializer = ProductInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        with variant_errors_nested():
            product = services.product_create(
                store=request.store,
                actor=request.user,
                categories=values.pop("categories", ()),
                option_attributes=values.pop("option_attributes", ()),
                variants=variant_inputs(values.pop("variants", None)) or (),
                values=values,
            )
        return Response(product_body(request, product), status=status.HTTP_201_CREATED)


class ProductDetailApi(StoreQuerysetMixin, StoreAPIMixin, generics.GenericAPIView[Product]):
    """One product: read (view_product), change (edit_product), delete (delete_product)."""

    model = Product
    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.edit_product"
    serializer_class = ProductSerializer

    def required_permission(self, request: HttpRequest) -> str | None:
        if request.method == "DELETE":
            return "catalog.delete_product"
        return super().required_permission(request)

    def get_store_queryset(self, store: Store) -> QuerySet[Product]:
        return selectors.products(store=store)

    @extend_schema(summary="Show a product")
    def get(self, request: StoreApiRequest, pk: int) -> Response:
        return Response(product_body(request, self.get_object()))

    @extend_schema(
        summary="Replace a product's fields",
        description="Categories, options and variants stay as they are unless sent; sent variants are the full new set.",
        request=ProductInputSerializer,
        responses=ProductSerializer,
    )
    def put(self, request: StoreApiRequest, pk: int) -> Response:
        return self.update(request, partial=False)

    @extend_schema(
        summary="Change some of a product's fields",
        description="Sent variants are the full new set: listed ids are kept and changed, others deleted, new ones created.",
        request=ProductInputSerializer,
        responses=ProductSerializer,
    )
    def patch(self, request: StoreApiRequest, pk: int) -> Response:
        return self.update(request, partial=True)

    def update(self, request: StoreApiRequest, *, partial: bool) -> Response:
        product = self.get_object()
        serializer = ProductInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        with variant_errors_nested():
            product = services.product_update(
                store=request.store,
                actor=request.user,
                product=product,
                categories=values.pop("categories", None),
                option_attributes=values.pop("option_attributes", None),
                variants=variant_inputs(values.pop("variants", None)),
                values=values,
            )
        return Response(product_body(request, product))

    @extend_schema(summary="Delete a product", responses={204: None})
    def delete(self, request: StoreApiRequest, pk: int) -> Response:
        services.product_delete(store=request.store, actor=request.user, product=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProductBulkStatusApi(StoreAPIMixin, generics.GenericAPIView[Any]):
    """Publish, archive or unpublish several products at once: all of them or none (edit_product)."""

    permission_required = "catalog.edit_product"
    serializer_class = ProductBulkStatusSerializer

    @extend_schema(
        summary="Set the status of several products",
        request=ProductBulkStatusSerializer,
        responses=ProductBulkStatusResultSerializer,
    )
    def post(self, request: StoreApiRequest) -> Response:
        serializer = ProductBulkStatusSerializer(data=request.data, context={"store": request.store})
        serializer.is_valid(raise_exception=True)
        updated = services.products_set_status(
            store=request.store,
            actor=request.user,
            product_ids=serializer.validated_data["ids"],
            status=serializer.validated_data["status"],
        )
        return Response(ProductBulkStatusResultSerializer({"updated": updated}).data)


# --- Images -----------------------------------------------------------------------


class ProductImageListApi(StoreAPIMixin, generics.GenericAPIView[Any]):
    """A product's images in order (view_product); upload one (edit_product)."""

    request: StoreApiRequest

    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.edit_product"
    model = Product  # the pk in the URL is the product's
    serializer_class = ProductImageSerializer
    parser_classes = [MultiPartParser, FormParser]
    pagination_class = None  # a product has a handful of images: all of them, in order

    def get_product(self) -> Product:
        return get_object_or_404(selectors.products(store=self.request.store), pk=self.kwargs["pk"])

    @extend_schema(summary="List a product's images", responses=ProductImageSerializer(many=True))
    def get(self, request: StoreApiRequest, pk: int) -> Response:
        images = selectors.product_images(store=request.store, product=self.get_product())
        return Response(ProductImageSerializer(images, many=True, context=self.get_serializer_context()).data)

    @extend_schema(
        summary="Upload a product image",
        description="JPEG, PNG or WebP; re-encoded on upload. A file that is not an acceptable image is image_rejected.",
        request={"multipart/form-data": ProductImageUploadSerializer},
        responses={201: ProductImageSerializer},
    )
    def post(self, request: StoreApiRequest, pk: int) -> Response:
        product = self.get_product()
        serializer = ProductImageUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        image = services.product_image_add(
            store=request.store,
            actor=request.user,
            product=product,
            upload=values.pop("image"),
            position=values.pop("position", None),
            values=values,
        )
        return Response(
            ProductImageSerializer(image, context=self.get_serializer_context()).data, status=status.HTTP_201_CREATED
        )


class ProductImageDetailApi(StoreQuerysetMixin, StoreAPIMixin, generics.GenericAPIView[ProductImage]):
    """One image of a product: read (view_product), change its alt text or position, delete it (edit_product)."""

    model = ProductImage
    permission_required = VIEW_PRODUCT
    edit_permission_required = "catalog.edit_product"
    serializer_class = ProductImageSerializer

    def get_store_queryset(self, store: Store) -> QuerySet[ProductImage]:
        return selectors.product_images(store=store, product_id=self.kwargs["product_id"])

    @extend_schema(summary="Show a product image")
    def get(self, request: StoreApiRequest, product_id: int, pk: int) -> Response:
        return Response(ProductImageSerializer(self.get_object(), context=self.get_serializer_context()).data)

    @extend_schema(
        summary="Change a product image's alt text or position",
        request=ProductImageInputSerializer,
        responses=ProductImageSerializer,
    )
    def patch(self, request: StoreApiRequest, product_id: int, pk: int) -> Response:
        image = self.get_object()
        serializer = ProductImageInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        image = services.product_image_update(
            store=request.store, actor=request.user, image=image, values=dict(serializer.validated_data)
        )
        return Response(ProductImageSerializer(image, context=self.get_serializer_context()).data)

    @extend_schema(summary="Delete a product image", responses={204: None})
    def delete(self, request: StoreApiRequest, product_id: int, pk: int) -> Response:
        services.product_image_delete(store=request.store, actor=request.user, image=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


urlpatterns = [
    path("products/", ProductListApi.as_view(), name="product_list"),
    path("products/bulk-status/", ProductBulkStatusApi.as_view(), name="product_bulk_status"),
    path("products/<int:pk>/", ProductDetailApi.as_view(), name="product_detail"),
    path("products/<int:pk>/images/", ProductImageListApi.as_view(), name="product_image_list"),
    path("products/<int:product_id>/images/<int:pk>/", ProductImageDetailApi.as_view(), name="product_image_detail"),
]

"""Storefront API of the catalog module (``/api/v1/storefront/catalog/``): what shoppers may browse, read-only.

Everything is read through ``browsing``, the storefront's one source of
"what a shopper may see": active products only, visible categories only;
a draft, an archived product or another store's is a 404. Translated
fields come in the shopper's language (Accept-Language or the language
cookie), else the store's default language. Answers are cached for
anonymous clients like the shop's pages and emptied by the same writes.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import path
from django.utils import translation
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response

from modules.tenancy.interface import Store, StorefrontApiRequest
from orion.api import StorefrontAPIMixin, StoreQuerysetMixin
from orion.page_cache import CachedStorefrontPageMixin

from ... import browsing
from ...filters import ShopProductFilter
from ...models import Product
from ...serializers import ShopCategoryNodeSerializer, ShopProductPageSerializer, ShopProductSerializer

ACCEPT_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    str,
    OpenApiParameter.HEADER,
    description="Language of the translated fields; without it, the store's default language.",
)


def shopper_language(request: StorefrontApiRequest) -> str:
    """The language the shopper asked for (header or language cookie), else the store's own."""
    asked = "HTTP_ACCEPT_LANGUAGE" in request.META or settings.LANGUAGE_COOKIE_NAME in request.COOKIES
    return translation.get_language() if asked else request.store.default_language


class CachedShopApiMixin(CachedStorefrontPageMixin):
    """Answers every anonymous client gets alike come from the storefront page cache (``orion.page_cache``).

    The language and format depend on the request's headers, so they are part of the key.
    """

    cache_vary_headers = ("HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE")


def in_language(request: StorefrontApiRequest, render: Any) -> Response:
    """``render()``'s data serialised in the shopper's language, with the headers caches need."""
    language = shopper_language(request)
    with translation.override(language):
        response: Response = render()
    response["Content-Language"] = language
    response["Vary"] = "Accept-Language, X-Store"
    return response


class ShopProductListApi(CachedShopApiMixin, StoreQuerysetMixin, StorefrontAPIMixin, generics.ListAPIView[Product]):
    """The shop's active products, filtered, ordered and paginated."""

    request: StorefrontApiRequest

    model = Product
    serializer_class = ShopProductSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ShopProductFilter

    def get_store_queryset(self, store: Store) -> QuerySet[Product]:
        return browsing.shop_products(store=store)

    @extend_schema(summary="List the shop's products", parameters=[ACCEPT_LANGUAGE])
    def get(self, request: Request) -> Response:
        return in_language(self.request, lambda: self.list(request))


class ShopProductDetailApi(CachedShopApiMixin, StorefrontAPIMixin, generics.GenericAPIView[Product]):
    """An active product with its variants (options, price, stock), images and categories."""

    model = Product
    serializer_class = ShopProductPageSerializer

    @extend_schema(summary="Show a product of the shop", parameters=[ACCEPT_LANGUAGE])
    def get(self, request: StorefrontApiRequest, slug: str) -> Response:
        page = browsing.product_page(store=request.store, slug=slug)
        return in_language(
            request, lambda: Response(ShopProductPageSerializer(page, context=self.get_serializer_context()).data)
        )


class ShopCategoryTreeApi(CachedShopApiMixin, StorefrontAPIMixin, generics.GenericAPIView[Any]):
    """The shop's visible categories as a tree (a hidden category hides its sub-categories)."""

    serializer_class = ShopCategoryNodeSerializer
    pagination_class = None

    @extend_schema(
        summary="The shop's category tree",
        parameters=[ACCEPT_LANGUAGE],
        responses=ShopCategoryNodeSerializer(many=True),
    )
    def get(self, request: StorefrontApiRequest) -> Response:
        tree = browsing.VisibleCategories(store=request.store).tree()
        return in_language(request, lambda: Response(ShopCategoryNodeSerializer(tree, many=True).data))


urlpatterns = [
    path("products/", ShopProductListApi.as_view(), name="product_list"),
    path("products/<slug:slug>/", ShopProductDetailApi.as_view(), name="product_detail"),
    path("categories/", ShopCategoryTreeApi.as_view(), name="category_tree"),
]

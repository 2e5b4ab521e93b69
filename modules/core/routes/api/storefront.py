"""Storefront API of the core module (``/api/v1/storefront/core/``): what shoppers may know about a store."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import path
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.response import Response

from modules.tenancy.interface import StorefrontApiRequest
from orion.api import StorefrontAPIMixin

from ...serializers import StorefrontStoreSerializer

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


class StorefrontStoreApi(StorefrontAPIMixin, generics.GenericAPIView[Any]):
    """The store's public information."""

    serializer_class = StorefrontStoreSerializer

    @extend_schema(summary="Show the store", parameters=[ACCEPT_LANGUAGE])
    def get(self, request: StorefrontApiRequest) -> Response:
        language = shopper_language(request)
        with translation.override(language):
            data = StorefrontStoreSerializer(request.store, context={"language": language}).data
        return Response(data, headers={"Content-Language": language, "Vary": "Accept-Language, X-Store"})


urlpatterns = [path("store/", StorefrontStoreApi.as_view(), name="store_detail")]

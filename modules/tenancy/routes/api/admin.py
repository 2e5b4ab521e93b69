"""Admin API of the tenancy module: the platform's merchants and stores (``/api/v1/admin/tenancy/``).

Only ``request.platform``'s own rows, for its platform admins and superusers.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.serializers import BaseSerializer

from orion.api import PlatformAdminAPIMixin

from ... import selectors
from ...interface import PlatformApiRequest
from ...models import Merchant, Store
from ...serializers import AdminStoreSerializer, MerchantSerializer


class PlatformMerchantsMixin(PlatformAdminAPIMixin):
    request: PlatformApiRequest
    serializer_class: type[BaseSerializer[Merchant]] | None = MerchantSerializer

    def get_queryset(self) -> QuerySet[Merchant]:
        return selectors.platform_merchants(platform=self.request.platform)


class PlatformStoresMixin(PlatformAdminAPIMixin):
    request: PlatformApiRequest
    serializer_class: type[BaseSerializer[Store]] | None = AdminStoreSerializer

    def get_queryset(self) -> QuerySet[Store]:
        return selectors.platform_stores(platform=self.request.platform)


@extend_schema_view(get=extend_schema(summary="List the platform's merchants"))
class MerchantListApi(PlatformMerchantsMixin, generics.ListAPIView[Merchant]):
    pass


@extend_schema_view(get=extend_schema(summary="Show a merchant"))
class MerchantDetailApi(PlatformMerchantsMixin, generics.RetrieveAPIView[Merchant]):
    pass


@extend_schema_view(get=extend_schema(summary="List the platform's stores"))
class StoreListApi(PlatformStoresMixin, generics.ListAPIView[Store]):
    pass


@extend_schema_view(get=extend_schema(summary="Show a store"))
class StoreDetailApi(PlatformStoresMixin, generics.RetrieveAPIView[Store]):
    pass


urlpatterns = [
    path("merchants/", MerchantListApi.as_view(), name="merchant_list"),
    path("merchants/<int:pk>/", MerchantDetailApi.as_view(), name="merchant_detail"),
    path("stores/", StoreListApi.as_view(), name="store_list"),
    path("stores/<int:pk>/", StoreDetailApi.as_view(), name="store_detail"),
]

"""Admin API of the tenancy module: the platform's merchants and stores (``/api/v1/admin/tenancy/``).

Only ``request.platform``'s own rows, for its platform admins and superusers.
"""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics

from orion.api import PlatformAdminAPIMixin

from ...models import Merchant, Store
from ...serializers import AdminStoreSerializer, MerchantSerializer


class PlatformMerchantsMixin(PlatformAdminAPIMixin):
    serializer_class = MerchantSerializer

    def get_queryset(self):
        return Merchant.objects.filter(platform=self.request.platform).order_by("name", "pk")


class PlatformStoresMixin(PlatformAdminAPIMixin):
    serializer_class = AdminStoreSerializer

    def get_queryset(self):
        return Store.objects.filter(platform=self.request.platform).order_by("name", "pk")


@extend_schema_view(get=extend_schema(summary="List the platform's merchants"))
class MerchantListApi(PlatformMerchantsMixin, generics.ListAPIView):
    pass


@extend_schema_view(get=extend_schema(summary="Show a merchant"))
class MerchantDetailApi(PlatformMerchantsMixin, generics.RetrieveAPIView):
    pass


@extend_schema_view(get=extend_schema(summary="List the platform's stores"))
class StoreListApi(PlatformStoresMixin, generics.ListAPIView):
    pass


@extend_schema_view(get=extend_schema(summary="Show a store"))
class StoreDetailApi(PlatformStoresMixin, generics.RetrieveAPIView):
    pass


urlpatterns = [
    path("merchants/", MerchantListApi.as_view(), name="merchant_list"),
    path("merchants/<int:pk>/", MerchantDetailApi.as_view(), name="merchant_detail"),
    path("stores/", StoreListApi.as_view(), name="store_list"),
    path("stores/<int:pk>/", StoreDetailApi.as_view(), name="store_detail"),
]

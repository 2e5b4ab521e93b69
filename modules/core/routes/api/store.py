"""Store API of the core module (``/api/v1/store/core/``): me, the store's settings, API keys, key login."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.authentication import BaseAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from modules.tenancy import interface as tenancy
from orion.api import StoreAPIMixin
from orion.permissions import declared_permissions, has_store_permission, is_member
from orion.views import can

from ... import selectors, services
from ...models import ApiToken
from ...serializers import (
    ApiKeyCreatedSerializer,
    ApiKeyCreateSerializer,
    ApiKeySerializer,
    ApiKeyWithStoreSerializer,
    ApiTokenObtainSerializer,
    MeSerializer,
    StoreSettingsSerializer,
)

MANAGE_API_KEYS = "core.manage_api_keys"


@extend_schema_view(get=extend_schema(summary="Who am I in this store"))
class MeApi(StoreAPIMixin, generics.GenericAPIView[Any]):
    """The caller, the store, their role and the permissions they hold in it right now."""

    serializer_class = MeSerializer

    def get(self, request: tenancy.StoreApiRequest) -> Response:
        user, store = request.user, request.store
        permissions = sorted(
            pid
            for pid in declared_permissions(request.modules)
            if has_store_permission(user, store, pid, modules=request.modules)
        )
        role = tenancy.role_of(user, store)
        data = {
            "user": {"email": user.email, "full_name": user.full_name},
            "store": {"code": store.code, "name": store.name},
            "role": role and {"id": role.id, "name": role.name, "kind": role.kind},
            "permissions": permissions,
        }
        return Response(MeSerializer(data).data)


class StoreSettingsApi(StoreAPIMixin, generics.GenericAPIView[tenancy.Store]):
    """The store's general settings: read (view_settings), change (edit_settings)."""

    request: tenancy.StoreApiRequest

    permission_required = "core.view_settings"
    edit_permission_required = "core.edit_settings"

    def get_serializer_class(self) -> type[StoreSettingsSerializer]:
        # Not a serializer_class attribute: tests/test_isolation.py reads its Meta.model to find
        # an object id for the URL, and this route has none (the store is the X-Store header).
        return StoreSettingsSerializer

    def get_object(self) -> tenancy.Store:
        return tenancy.store_fresh(store=self.request.store)

    @extend_schema(summary="Show the store's settings")
    def get(self, request: tenancy.StoreApiRequest) -> Response:
        return Response(StoreSettingsSerializer(self.get_object()).data)

    @extend_schema(summary="Change the store's settings")
    def patch(self, request: tenancy.StoreApiRequest) -> Response:
        store = self.get_object()
        serializer = StoreSettingsSerializer(store, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if serializer.validated_data:
            store = tenancy.store_update(store=store, actor=request.user, **serializer.validated_data)
        return Response(StoreSettingsSerializer(store).data)


class ApiKeyListApi(StoreAPIMixin, generics.ListAPIView[ApiToken]):
    """The caller's own keys in this store (every key with ``core.manage_api_keys``); create one for oneself."""

    request: tenancy.StoreApiRequest

    serializer_class = ApiKeySerializer

    def get_queryset(self) -> QuerySet[ApiToken]:
        request = self.request
        return selectors.apikeys(store=request.store, user=request.user, everyone=can(request, MANAGE_API_KEYS))

    @extend_schema(summary="List API keys")
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary="Create an API key",
        description="The key acts as the caller, with their role in this store. It is shown once, in this answer.",
        request=ApiKeyCreateSerializer,
        responses={201: ApiKeyCreatedSerializer},
    )
    def post(self, request: tenancy.StoreApiRequest) -> Response:
        serializer = ApiKeyCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token, key = services.api_token_create(store=request.store, user=request.user, **serializer.validated_data)
        token.key = key  # type: ignore[attr-defined]  # shown once, in this answer: the serializer reads it
        return Response(ApiKeyCreatedSerializer(token).data, status=status.HTTP_201_CREATED)


class ApiKeyRevokeApi(StoreAPIMixin, generics.GenericAPIView[ApiToken]):
    """Revoke one of one's own keys, or any key of the store with ``core.manage_api_keys``."""

    serializer_class = ApiKeySerializer
    get_queryset = ApiKeyListApi.get_queryset

    @extend_schema(summary="Revoke an API key", responses={204: None})
    def delete(self, request: tenancy.StoreApiRequest, pk: int) -> Response:
        services.api_token_revoke(store=request.store, token=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApiTokenObtainApi(APIView):
    """Exchange an email and password for an API key of one store.

    Public on purpose (``orion_public``): it is the way in for a client that
    has no key yet, so it cannot require one. It is still guarded: the
    password goes through ``django.contrib.auth.authenticate`` with the
    request, so django-axes counts failures per account and per address and
    answers a locked-out caller with a 429; wrong credentials and a store
    the user is not on give the same 400, so membership is not revealed.
    """

    orion_public = True
    authentication_classes: list[type[BaseAuthentication]] = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Obtain an API key with email and password",
        request=ApiTokenObtainSerializer,
        responses={201: ApiKeyWithStoreSerializer},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        serializer = ApiTokenObtainSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = authenticate(request=request._request, username=data["email"], password=data["password"])
        platform = request.platform  # type: ignore[attr-defined]  # set by the tenant middleware
        store = tenancy.active_store(platform=platform, code=data["store"])
        if user is None or store is None or not is_member(user, store):
            detail = _("Wrong email or password, or no access to this store.")
            return Response({"code": "invalid_credentials", "detail": detail}, status=status.HTTP_400_BAD_REQUEST)
        token, key = services.api_token_create(store=store, user=user, name=data["name"])
        token.key = key  # type: ignore[attr-defined]  # shown once, in this answer: the serializer reads it
        return Response(ApiKeyWithStoreSerializer(token).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("me/", MeApi.as_view(), name="me"),
    path("store/", StoreSettingsApi.as_view(), name="store_settings"),
    path("api-keys/", ApiKeyListApi.as_view(), name="apikey_list"),
    path("api-keys/<int:pk>/", ApiKeyRevokeApi.as_view(), name="apikey_revoke"),
    path("auth/token/", ApiTokenObtainApi.as_view(), name="token_obtain"),
]

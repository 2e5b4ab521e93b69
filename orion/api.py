"""The API's error format and its scoped bases, one per frontend.

Every error carries a stable ``code`` next to its ``detail``. A meta-test
fails when a view of the store or admin API derives from none of the
``*APIMixin`` classes here. ``StoreQuerysetMixin`` is how a store or
storefront API view reads: through the module's selectors, for the
request's store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from orion.exceptions import OrionError
from orion.http import PlatformApiRequest, StoreApiRequest, StorefrontApiRequest
from orion.permissions import RequiresStorePermission, has_store_permission, is_member, is_platform_admin

if TYPE_CHECKING:
    from rest_framework.generics import GenericAPIView
    from rest_framework.views import APIView

    # To the type checker the mixins below are API views, so what they set (permission
    # classes, the request's type) overrides APIView's instead of clashing with it.
    # At run time they are plain classes, put before the view class.
    _APIView = APIView
    _GenericAPIView = GenericAPIView[Any]
else:
    _APIView = _GenericAPIView = object


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):  # a model's full_clean() inside a service
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response({"code": "invalid", "detail": _("The data sent is not valid."), "errors": errors}, status=400)
    if isinstance(exc, OrionError):
        body: dict[str, Any] = exc.as_dict()
        if getattr(exc, "errors", None):
            body["errors"] = exc.errors
        return Response(body, status=exc.status)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        # Field errors in the same shape as every other error: code, detail, errors.
        errors = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
        response.data = {"code": "invalid", "detail": _("The data sent is not valid."), "errors": errors}
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data["code"] = getattr(response.data["detail"], "code", "error")
    return response


# The store a store or storefront API call acts in (the middleware reads it; ?store= works too).
STORE_HEADER = OpenApiParameter(
    "X-Store",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description=gettext_lazy("Code of the store to act in."),
)


class OrionAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the X-Store header on every store and storefront API operation."""

    def get_override_parameters(self) -> list[Any]:
        parameters = super().get_override_parameters()
        if isinstance(self.view, (StoreAPIMixin, StorefrontAPIMixin)):
            parameters = [STORE_HEADER, *parameters]
        return parameters


def schema_generation(view: Any) -> bool:
    """Whether drf-spectacular is calling ``view`` to build the OpenAPI schema: no request's store, no scope."""
    return bool(getattr(view, "swagger_fake_view", False))


class StoreQuerysetMixin(_GenericAPIView):
    """``get_queryset()`` of a store or storefront API view: a module selector for the request's store.

    Views set ``model`` and define ``get_store_queryset(store)``, which calls the
    selector. The schema generator calls ``get_queryset()`` without a request's
    store (to describe filters); it gets an empty queryset of ``model`` instead.
    """

    model: type[Model]

    def get_queryset(self) -> QuerySet[Any]:
        if schema_generation(self):
            return self.model._default_manager.none()
        return self.get_store_queryset(self.request.store)  # type: ignore[attr-defined]  # set by the tenant middleware

    # ``store`` is the module's store model (tenancy's Store), which the framework cannot name.
    def get_store_queryset(self, store: Any) -> QuerySet[Any]:
        raise NotImplementedError(f"{type(self).__name__} must define get_store_queryset(store)")


class StorePermission(BasePermission):
    """The API side of ``orion.views.StoreViewMixin``: same rules, same 404 for outsiders.

    A token scoped to another store is treated as an outsider.
    """

    def has_permission(self, request: Request, view: Any) -> bool:
        store = getattr(request, "store", None)
        if store is None:
            raise NotFound(_("No store given: send its code in the X-Store header."))
        if not request.user or not request.user.is_authenticated:
            raise NotAuthenticated()
        token_store = getattr(request.auth, "store_id", None)
        if token_store is not None and token_store != store.pk:
            raise NotFound(_("No store with this code on this platform."))
        if not is_member(request.user, store):
            raise NotFound(_("No store with this code on this platform."))
        permission = view.required_permission(request)
        if not has_store_permission(request.user, store, permission, modules=getattr(request, "modules", None)):
            raise PermissionDenied(_("Your role in this store does not allow this."))
        return True


class StoreAPIMixin(RequiresStorePermission, _APIView):
    """Base of every store API view and viewset (see ``StoreViewMixin`` for the rules)."""

    request: StoreApiRequest

    permission_classes = [StorePermission]


class StorefrontPermission(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if getattr(request, "store", None) is None:
            raise NotFound(_("No store given: send its code in the X-Store header."))
        return True


class StorefrontAPIMixin(_APIView):
    """Base of storefront API views: public, read by shoppers, one store."""

    request: StorefrontApiRequest

    authentication_classes: list[type[BaseAuthentication]] = []
    permission_classes = [StorefrontPermission]


class PlatformAdminPermission(BasePermission):
    """Platform staff of ``request.platform`` (or superusers)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        platform = getattr(request, "platform", None)
        if platform is None:
            raise NotFound(_("No platform is served at this address."))
        if not request.user or not request.user.is_authenticated:
            raise NotAuthenticated()
        return request.user.is_superuser or is_platform_admin(request.user, platform)


class PlatformAdminAPIMixin(_APIView):
    """Base of the admin API: the platform's own data, for its admins only."""

    request: PlatformApiRequest

    permission_classes = [PlatformAdminPermission]

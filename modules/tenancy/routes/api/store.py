"""Store API of the tenancy module: the team, its roles and invitations (``/api/v1/store/tenancy/``).

Querysets come from the selectors for the request's store (from ``X-Store``),
so every lookup stays in the store; writes go through the services, which
enforce the team rules and raise errors with codes.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from orion.api import StoreAPIMixin
from orion.audit.models import AuditEntry

from ... import selectors, services
from ...interface import StoreApiRequest
from ...models import Invitation, StoreMembership, StoreRole
from ...serializers import (
    InvitationInputSerializer,
    InvitationSerializer,
    MemberChangeInputSerializer,
    MemberSerializer,
    RoleInputSerializer,
    RoleSerializer,
    TeamEventSerializer,
)


@extend_schema_view(get=extend_schema(summary="List the team's members"))
class MemberListApi(StoreAPIMixin, generics.ListAPIView[StoreMembership]):
    permission_required = "tenancy.view_team"
    serializer_class = MemberSerializer

    request: StoreApiRequest

    def get_queryset(self) -> QuerySet[StoreMembership]:
        return selectors.memberships(store=self.request.store)


class MemberDetailApi(StoreAPIMixin, generics.GenericAPIView[StoreMembership]):
    """One team member: read (view_team), change their role or remove them (manage_team)."""

    permission_required = "tenancy.view_team"
    edit_permission_required = "tenancy.manage_team"
    serializer_class = MemberSerializer

    request: StoreApiRequest

    def get_queryset(self) -> QuerySet[StoreMembership]:
        return selectors.memberships(store=self.request.store)

    @extend_schema(summary="Show a team member")
    def get(self, request: Request, pk: int) -> Response:
        return Response(MemberSerializer(self.get_object()).data)

    @extend_schema(
        summary="Change a member's role, or suspend or reactivate them",
        request=MemberChangeInputSerializer,
        responses=MemberSerializer,
    )
    @transaction.atomic
    def patch(self, request: Request, pk: int) -> Response:
        membership = self.get_object()
        serializer = MemberChangeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "role" in data:
            membership = services.membership_change_role(membership=membership, actor=request.user, role=data["role"])
        if "is_active" in data:
            membership = services.membership_set_active(
                membership=membership, actor=request.user, is_active=data["is_active"]
            )
        return Response(MemberSerializer(membership).data)

    @extend_schema(summary="Remove a member from the team", responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.membership_remove(membership=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RoleListApi(StoreAPIMixin, generics.ListAPIView[StoreRole]):
    """The store's roles (view_team); create a custom role (manage_roles)."""

    permission_required = "tenancy.view_team"
    edit_permission_required = "tenancy.manage_roles"
    serializer_class = RoleSerializer

    request: StoreApiRequest

    def get_queryset(self) -> QuerySet[StoreRole]:
        return selectors.store_roles(store=self.request.store)

    @extend_schema(summary="List the store's roles")
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(summary="Create a custom role", request=RoleInputSerializer, responses={201: RoleSerializer})
    def post(self, request: StoreApiRequest) -> Response:
        serializer = RoleInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        role = services.role_create(store=request.store, actor=request.user, **serializer.validated_data)
        return Response(RoleSerializer(role).data, status=status.HTTP_201_CREATED)


class RoleDetailApi(StoreAPIMixin, generics.GenericAPIView[StoreRole]):
    """One role (view_team); rename, change or delete a custom role (manage_roles)."""

    permission_required = "tenancy.view_team"
    edit_permission_required = "tenancy.manage_roles"
    serializer_class = RoleSerializer

    request: StoreApiRequest

    def get_queryset(self) -> QuerySet[StoreRole]:
        return selectors.role_details(store=self.request.store)

    @extend_schema(summary="Show a role")
    def get(self, request: Request, pk: int) -> Response:
        return Response(RoleSerializer(self.get_object()).data)

    @extend_schema(summary="Change a custom role", request=RoleInputSerializer, responses=RoleSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        role = self.get_object()
        serializer = RoleInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = {"name": role.name, "permissions": role.permissions, **serializer.validated_data}
        role = services.role_update(role=role, actor=request.user, **data)
        return Response(RoleSerializer(role).data)

    @extend_schema(summary="Delete a custom role", responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.role_delete(role=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationListApi(StoreAPIMixin, generics.ListAPIView[Invitation]):
    """The store's invitations, and sending a new one (manage_team)."""

    permission_required = "tenancy.manage_team"
    serializer_class = InvitationSerializer

    request: StoreApiRequest

    def get_queryset(self) -> QuerySet[Invitation]:
        return selectors.invitations(store=self.request.store)

    @extend_schema(summary="List invitations")
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        summary="Invite someone to the team",
        description="The invitation email goes out with a single-use link; the token is never returned.",
        request=InvitationInputSerializer,
        responses={201: InvitationSerializer},
    )
    def post(self, request: StoreApiRequest) -> Response:
        serializer = InvitationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        invitation, _token = services.invitation_create(
            store=request.store, actor=request.user, **serializer.validated_data
        )
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


class InvitationRevokeApi(StoreAPIMixin, generics.GenericAPIView[Invitation]):
    permission_required = "tenancy.manage_team"
    serializer_class = InvitationSerializer

    request: StoreApiRequest

    def get_queryset(self) -> QuerySet[Invitation]:
        return selectors.invitations(store=self.request.store)

    @extend_schema(summary="Revoke an invitation", responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        services.invitation_revoke(invitation=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(get=extend_schema(summary="The team's audit trail, newest first"))
class TeamEventListApi(StoreAPIMixin, generics.ListAPIView[AuditEntry]):
    """Who invited, joined, changed, suspended or removed whom (read-only)."""

    permission_required = "tenancy.view_team"
    serializer_class = TeamEventSerializer

    def get_queryset(self) -> QuerySet[AuditEntry]:
        return selectors.team_entries()


urlpatterns = [
    path("members/", MemberListApi.as_view(), name="member_list"),
    path("members/<int:pk>/", MemberDetailApi.as_view(), name="member_detail"),
    path("roles/", RoleListApi.as_view(), name="role_list"),
    path("roles/<int:pk>/", RoleDetailApi.as_view(), name="role_detail"),
    path("invitations/", InvitationListApi.as_view(), name="invitation_list"),
    path("invitations/<int:pk>/", InvitationRevokeApi.as_view(), name="invitation_revoke"),
    path("activity/", TeamEventListApi.as_view(), name="team_event_list"),
]

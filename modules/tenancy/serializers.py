"""Serializers of the tenancy API: team members, roles, invitations, merchants and stores.

Related ids in input (a member's or an invitation's role) are resolved
through the scoped manager at request time, so an id of another store's
role is "does not exist" (a 400 field error), never a write.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from orion.audit.models import AuditEntry

from . import activity
from .models import Invitation, Merchant, Store, StoreMembership, StoreRole
from .roles import role_permissions


class ScopedRoleField(serializers.PrimaryKeyRelatedField[StoreRole]):
    """A role id of the current store: the manager (not a queryset) is evaluated per request, in scope."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=StoreRole.objects, **kwargs)


# --- Team ------------------------------------------------------------------


class UserSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    email = serializers.EmailField(read_only=True)
    full_name = serializers.CharField(read_only=True)


class RoleSummarySerializer(serializers.ModelSerializer[StoreRole]):
    class Meta:
        model = StoreRole
        fields = ["id", "name", "kind"]
        read_only_fields = fields


class RoleSerializer(serializers.ModelSerializer[StoreRole]):
    """A role with the permissions it grants now (built-in roles follow the registry)."""

    permissions = serializers.SerializerMethodField()
    is_builtin = serializers.BooleanField(read_only=True)

    class Meta:
        model = StoreRole
        fields = ["id", "name", "kind", "is_builtin", "permissions", "created_at"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_permissions(self, role: StoreRole) -> list[str]:
        return sorted(role_permissions(role))


class RoleInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=80)
    permissions = serializers.ListField(child=serializers.CharField(max_length=100), max_length=200)


class MemberSerializer(serializers.ModelSerializer[StoreMembership]):
    user = UserSerializer(read_only=True)
    role = RoleSummarySerializer(read_only=True)

    class Meta:
        model = StoreMembership
        fields = ["id", "user", "role", "is_active", "created_at"]
        read_only_fields = fields


class MemberChangeInputSerializer(serializers.Serializer[Any]):
    role = ScopedRoleField(required=False, help_text=_("Id of one of this store's roles."))
    is_active = serializers.BooleanField(
        required=False, help_text=_("False suspends the member (no access, place and role kept); true reactivates.")
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise serializers.ValidationError(_("Send a role, is_active, or both."))
        return attrs


INVITATION_STATES = ["pending", "accepted", "revoked", "expired"]


class InvitationSerializer(serializers.ModelSerializer[Invitation]):
    role = RoleSummarySerializer(read_only=True)
    invited_by = serializers.EmailField(source="invited_by.email", read_only=True, allow_null=True, default=None)
    # "state", not "status": computed, and its own enum in the schema.
    state = serializers.SerializerMethodField()

    class Meta:
        model = Invitation
        fields = ["id", "email", "role", "invited_by", "state", "created_at", "expires_at", "accepted_at"]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "enum": INVITATION_STATES})
    def get_state(self, invitation: Invitation) -> str:
        if invitation.accepted_at is not None:
            return "accepted"
        if invitation.revoked_at is not None:
            return "revoked"
        return "pending" if invitation.expires_at > timezone.now() else "expired"


class InvitationInputSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)
    role = ScopedRoleField(help_text=_("Id of one of this store's roles."))


# --- Platform administration -----------------------------------------------


class MerchantSerializer(serializers.ModelSerializer[Merchant]):
    class Meta:
        model = Merchant
        fields = ["id", "name", "legal_name", "email", "phone", "vat_number", "is_active", "created_at"]
        read_only_fields = fields


class AdminStoreSerializer(serializers.ModelSerializer[Store]):
    merchant = serializers.PrimaryKeyRelatedField[Merchant](read_only=True)
    is_active = serializers.BooleanField(read_only=True)

    class Meta:
        model = Store
        fields = [
            "id",
            "code",
            "name",
            "merchant",
            "status",
            "is_active",
            "default_language",
            "currency",
            "contact_email",
            "created_at",
        ]
        read_only_fields = fields


class _SentenceField(serializers.CharField):
    """A team entry told as a sentence (``activity.sentence``)."""

    def to_representation(self, value: Any) -> str:
        return activity.sentence(value)


# A team change of the store's audit trail: ``subject`` is what it is about (an email, a role name),
# ``details`` what changed as ``{field: [before, after]}``.
class TeamEventSerializer(serializers.ModelSerializer[AuditEntry]):
    actor = serializers.EmailField(source="actor.email", read_only=True, allow_null=True, default=None)
    action = serializers.ChoiceField(choices=activity.ACTION_CHOICES, read_only=True)
    subject = serializers.CharField(source="object_repr", read_only=True, label=capfirst(_("about")))
    details = serializers.JSONField(source="changes", read_only=True)
    sentence = _SentenceField(
        source="*", read_only=True, help_text=_("The entry as a sentence, in the request's language.")
    )

    class Meta:
        model = AuditEntry
        fields = ["id", "created_at", "actor", "action", "subject", "details", "sentence"]
        read_only_fields = fields

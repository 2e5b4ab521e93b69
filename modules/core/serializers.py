"""Serializers of the core API: who am I, the store's settings, API keys, the public store."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from modules.tenancy.interface import Store

from .models import TOKEN_PREFIX, ApiToken


class MeUserSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField()
    full_name = serializers.CharField()


class MeStoreSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    name = serializers.CharField()


class MeRoleSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()


class MeSerializer(serializers.Serializer[Any]):
    """The caller, the store, their role there and the permissions they hold in it right now."""

    user = MeUserSerializer()
    store = MeStoreSerializer()
    role = MeRoleSerializer(allow_null=True, help_text=_("None for a superuser who is not on the team."))
    permissions = serializers.ListField(child=serializers.CharField())


if TYPE_CHECKING:
    # To the type checker the mixin is a store serializer, so super().to_representation() is DRF's.
    _StoreSerializer = serializers.ModelSerializer[Store]
else:
    _StoreSerializer = object


class TranslatedStoreFieldsMixin(_StoreSerializer):
    """Tagline and description are read and written in the request's language (django-modeltranslation).

    A language nobody has written yet reads as "", not null.
    """

    translated_fields = ("tagline", "description")

    def to_representation(self, instance: Store) -> Any:
        data = super().to_representation(instance)
        for name in self.translated_fields:
            if name in data and data[name] is None:
                data[name] = ""
        return data


class StoreSettingsSerializer(TranslatedStoreFieldsMixin, serializers.ModelSerializer[Store]):
    """The store's general settings; only the writable fields may be changed here.

    Tagline and description are those of the request's language (Accept-Language).
    """

    class Meta:
        model = Store
        fields = ["code", "name", "tagline", "description", "contact_email", "default_language", "currency", "status"]
        read_only_fields = ["code", "default_language", "currency", "status"]
        extra_kwargs = {"name": {"allow_blank": False}}


class ApiKeySerializer(serializers.ModelSerializer[ApiToken]):
    prefix = serializers.SerializerMethodField(help_text=_("The key's first characters, to tell keys apart."))
    user = serializers.EmailField(source="user.email", read_only=True)
    is_usable = serializers.BooleanField(read_only=True)

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "user", "is_usable", "created_at", "last_used_at", "expires_at", "revoked_at"]
        read_only_fields = fields

    def get_prefix(self, token: ApiToken) -> str:
        return f"{TOKEN_PREFIX}{token.lookup}"


class ApiKeyCreateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=100)
    expires_at = serializers.DateTimeField(required=False, allow_null=True)

    def validate_expires_at(self, value: datetime | None) -> datetime | None:
        if value is not None and value <= timezone.now():
            raise serializers.ValidationError(_("Choose a time in the future."))
        return value


class ApiKeyCreatedSerializer(ApiKeySerializer):
    """A new key: ``key`` is shown this once and never again."""

    key = serializers.CharField(read_only=True, help_text=_("Send it as 'Authorization: Bearer <key>'."))

    class Meta(ApiKeySerializer.Meta):
        fields = ["key", *ApiKeySerializer.Meta.fields]
        read_only_fields = fields


class ApiTokenObtainSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=4096, trim_whitespace=False, style={"input_type": "password"})
    store = serializers.SlugField(max_length=50, help_text=_("Code of the store the key is for."))
    name = serializers.CharField(max_length=100, help_text=_("A name to recognise the key by."))


class ApiKeyWithStoreSerializer(ApiKeyCreatedSerializer):
    store = serializers.SlugField(source="store.code", read_only=True)

    class Meta(ApiKeyCreatedSerializer.Meta):
        fields = [*ApiKeyCreatedSerializer.Meta.fields, "store"]
        read_only_fields = fields


class StorefrontStoreSerializer(TranslatedStoreFieldsMixin, serializers.ModelSerializer[Store]):
    """What shoppers may know about a store; tagline and description in the response's language."""

    language = serializers.SerializerMethodField(help_text=_("The language of the translated fields."))

    class Meta:
        model = Store
        fields = ["code", "name", "tagline", "description", "currency", "default_language", "language"]
        read_only_fields = fields

    def get_language(self, store: Store) -> str:
        language: str = self.context["language"]
        return language

"""Confining Django admin to the platforms a platform admin administers.

Admin requests run with django-scopes disabled, so the admin filters by
platform itself. Who sees what:

* superusers see and change everything;
* a *platform admin* (a staff user with a ``PlatformStaff`` row, see
  ``orion.permissions.is_platform_admin``) sees only the rows of their
  platforms, and may take the actions an admin lists in
  ``platform_admin_actions`` on them without any Django model permission;
  Django model permissions they hold apply inside their platforms only;
* staff who administer no platform are governed by Django's model
  permissions alone, as in any Django admin.

Confinement covers every way a row can show: changelists and change pages
(``get_queryset`` and the object permissions: another platform's object is
"not found"), foreign-key and many-to-many choices (which also reject a
smuggled id when the form is posted), ``RelatedOnlyFieldListFilter`` choices
(computed from the confined queryset), and autocomplete (Django's view
searches the target admin's ``get_queryset``).

Users are global, so a confined admin is never offered the whole user table:
user choices are the staff of their platforms and the members of their
platforms' stores.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest

from orion.modules.admin import confined_platform_ids

from .models import Platform

ACTIONS = ("view", "add", "change", "delete")


def platform_id_of(obj: Model, path: str) -> Any:
    """The id of the platform ``obj`` belongs to, following ``path`` ("store__platform", "pk")."""
    *hops, last = path.split("__")
    for hop in hops:
        obj = getattr(obj, hop)
    return obj.pk if last == "pk" else getattr(obj, f"{last}_id")


def confined_users(ids: frozenset[Any]) -> QuerySet:
    """The users a confined admin may pick: staff of their platforms and members of their stores."""
    return (
        get_user_model()
        .objects.filter(Q(platform_staff__platform__in=ids) | Q(store_memberships__store__platform__in=ids))
        .distinct()
    )


class PlatformScopeMixin:
    """What a ModelAdmin and an inline share: the platform path, the permissions and the choices."""

    #: Lookup from the model to its platform: "platform", "store__platform", or "pk" for platforms.
    platform_path: ClassVar[str] = "platform"
    #: What a platform admin may do with the rows of their platforms.
    platform_admin_actions: ClassVar[tuple[str, ...]] = ACTIONS

    def scope_queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        ids = confined_platform_ids(request)
        return queryset if ids is None else queryset.filter(**{f"{self.platform_path}__in": ids})

    def _scoped(self, request: HttpRequest, action: str, granted: bool, obj: Any) -> bool:
        ids = confined_platform_ids(request)
        if ids is None:
            return granted
        if not (granted or action in self.platform_admin_actions):
            return False
        return obj is None or obj.pk is None or platform_id_of(obj, self.object_platform_path()) in ids

    def object_platform_path(self) -> str:
        """The path from the ``obj`` Django passes to the permission methods to its platform."""
        return self.platform_path

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._scoped(request, "view", super().has_view_permission(request, obj), obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._scoped(request, "change", super().has_change_permission(request, obj), obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._scoped(request, "delete", super().has_delete_permission(request, obj), obj)  # type: ignore[misc]

    def choices_queryset(self, request: HttpRequest, db_field: Any) -> QuerySet | None:
        """The confined choices of a relation field, or ``None`` to keep Django's."""
        ids = confined_platform_ids(request)
        if ids is None:
            return None
        model = db_field.related_model
        if issubclass(model, Platform):
            return model.objects.filter(pk__in=ids)
        if model is get_user_model():
            return confined_users(ids)
        target = self.admin_site._registry.get(model)  # type: ignore[attr-defined]
        if isinstance(target, PlatformScopeMixin):
            return target.scope_queryset(request, model._default_manager.all())
        return None

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "queryset" not in kwargs:
            queryset = self.choices_queryset(request, db_field)
            if queryset is not None:
                kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "queryset" not in kwargs:
            queryset = self.choices_queryset(request, db_field)
            if queryset is not None:
                kwargs["queryset"] = queryset
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class PlatformScopedAdmin(PlatformScopeMixin, admin.ModelAdmin):
    """A ModelAdmin whose rows, choices and permissions are confined to the user's platforms."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return self.scope_queryset(request, super().get_queryset(request))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._scoped(request, "add", super().has_add_permission(request), None)

    def has_module_permission(self, request: HttpRequest) -> bool:
        ids = confined_platform_ids(request)
        if ids is not None and self.platform_admin_actions:
            return True
        return super().has_module_permission(request)


class PlatformScopedInline(PlatformScopeMixin):
    """An inline of a scoped admin; ``obj`` in its permissions is the parent object."""

    #: Lookup from the *parent* model to its platform.
    parent_platform_path: ClassVar[str] = "platform"

    def object_platform_path(self) -> str:
        return self.parent_platform_path

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._scoped(request, "add", super().has_add_permission(request, obj), obj)  # type: ignore[misc]

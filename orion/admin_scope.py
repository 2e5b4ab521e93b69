"""Confining Django admin to the platforms a platform admin administers.

Every ModelAdmin of a platform's or a store's rows derives from
``PlatformScopedAdmin`` (and its inlines from ``PlatformScopedInline``);
``tests/test_admin_scope.py`` fails on one that does not. Admin requests run
with django-scopes disabled, so the admin filters by platform itself.

Who sees what:

* superusers see and change everything (a ``read_only`` admin excepted:
  nobody adds, changes or deletes there);
* a *platform admin* (a staff user for whom
  ``orion.permissions.is_platform_admin`` holds on some platform) sees only
  the rows of their platforms, and may take the actions an admin lists in
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

Declaring an admin:

``platform_path``
    The lookup from the model to its platform: ``"platform"`` (the default),
    ``"store__platform"``, or ``"pk"`` for the platform model itself; any
    longer chain of foreign keys ending at the platform works too. For a
    confined user ``get_queryset`` follows the path with ``select_related``,
    so the object Django loads for a change or delete page answers the
    object check without another query.
``platform_admin_actions``
    What a platform admin may do with the rows of their platforms, among
    ``ALL_ACTIONS`` = ("view", "add", "change", "delete"). Default: view
    only. An admin with none is hidden from platform admins.
``read_only``
    Nobody, superusers included, adds, changes or deletes here: for rows
    written only through services, and for ledgers.

``PlatformScopedInline`` (a mixin: ``class X(PlatformScopedInline,
admin.TabularInline)``) takes the same attributes; ``obj`` in its permission
methods is the *parent* object, reached through ``parent_platform_path``,
which defaults to the ``platform_path`` of the parent's registered admin.

Choices of relation fields, for a confined user: platforms are theirs;
stores (``ORION_STORE_MODEL``) those of their platforms; the model of any
registered scoped admin is that admin's confined rows; users (global, so a
confined admin is never offered the whole user table) come from the
function named by the ``ORION_ADMIN_USER_CHOICES`` setting (a dotted path,
loaded with ``import_string``), called with the platform ids and returning a
queryset of users: the module that knows who belongs to a platform answers,
the way ``ORION_STORE_MODEL`` names the store model, without the framework
naming it. Unset, no user is offered.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.module_loading import import_string

from orion.modules import state
from orion.permissions import is_platform_admin

ALL_ACTIONS: tuple[str, ...] = ("view", "add", "change", "delete")
VIEW_ONLY: tuple[str, ...] = ("view",)


def confined_platform_ids(request: HttpRequest) -> frozenset[Any] | None:
    """The platforms an admin user is confined to; ``None`` when not confined.

    Superusers are never confined. Other staff are confined to the platforms
    they administer, as soon as they administer one; staff who administer no
    platform are governed by Django's model permissions alone. Computed once
    per request.
    """
    if not hasattr(request, "_orion_admin_platform_ids"):
        user = request.user
        ids: frozenset[Any] | None = None
        if not user.is_superuser:
            administered = frozenset(
                platform.pk for platform in state.platform_model().objects.all() if is_platform_admin(user, platform)
            )
            ids = administered or None
        request._orion_admin_platform_ids = ids  # type: ignore[attr-defined]
    confined: frozenset[Any] | None = request._orion_admin_platform_ids  # type: ignore[attr-defined]
    return confined


def platform_id_of(obj: Model, path: str) -> Any:
    """The id of the platform ``obj`` belongs to, following ``path`` ("platform", "store__platform", "pk").

    Free of queries when the relations on the way are loaded (``select_related``).
    """
    *hops, last = path.split("__")
    for hop in hops:
        obj = getattr(obj, hop)
    return obj.pk if last == "pk" else obj.serializable_value(last)


def related_path(path: str) -> str | None:
    """What to ``select_related`` so that ``platform_id_of`` follows ``path`` without a query."""
    hops = path.split("__")[:-1]
    return "__".join(hops) or None


def user_choices(platform_ids: Iterable[Any]) -> QuerySet[Any]:
    """The users a confined admin may pick, from ``ORION_ADMIN_USER_CHOICES`` (none when unset)."""
    path = getattr(settings, "ORION_ADMIN_USER_CHOICES", None)
    if not path:
        return get_user_model()._default_manager.none()
    users: QuerySet[Any] = import_string(path)(frozenset(platform_ids))
    return users


class PlatformScopeMixin:
    """What a ModelAdmin and an inline share: the platform path, the permissions and the choices."""

    #: Lookup from the model to its platform: "platform", "store__platform", or "pk" for platforms.
    platform_path: ClassVar[str] = "platform"
    #: What a platform admin may do with the rows of their platforms (see ``ALL_ACTIONS``).
    platform_admin_actions: ClassVar[tuple[str, ...]] = VIEW_ONLY
    #: Nobody adds, changes or deletes here, superusers included.
    read_only: ClassVar[bool] = False

    def scope_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        ids = confined_platform_ids(request)
        return queryset if ids is None else queryset.filter(**{f"{self.platform_path}__in": ids})

    def object_platform_path(self) -> str:
        """The path from the ``obj`` Django passes to the permission methods to its platform."""
        return self.platform_path

    def _scoped(self, request: HttpRequest, action: str, granted: bool, obj: Any) -> bool:
        ids = confined_platform_ids(request)
        if ids is None:
            return granted
        if not (granted or action in self.platform_admin_actions):
            return False
        return obj is None or obj.pk is None or platform_id_of(obj, self.object_platform_path()) in ids

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._scoped(request, "view", super().has_view_permission(request, obj), obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self.read_only:
            return False
        return self._scoped(request, "change", super().has_change_permission(request, obj), obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self.read_only:
            return False
        return self._scoped(request, "delete", super().has_delete_permission(request, obj), obj)  # type: ignore[misc]

    def choices_queryset(self, request: HttpRequest, db_field: Any) -> QuerySet[Any] | None:
        """The confined choices of a relation field, or ``None`` to keep Django's."""
        ids = confined_platform_ids(request)
        if ids is None:
            return None
        model = db_field.related_model
        manager: Any = model._default_manager
        if model is state.platform_model():
            platforms: QuerySet[Any] = manager.filter(pk__in=ids)
            return platforms
        if model is get_user_model():
            return user_choices(ids)
        target = self.admin_site._registry.get(model)  # type: ignore[attr-defined]
        if isinstance(target, PlatformScopeMixin):
            return target.scope_queryset(request, manager.all())
        if model is state.store_model():
            stores: QuerySet[Any] = manager.filter(platform__in=ids)
            return stores
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


class PlatformScopedAdmin(PlatformScopeMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """A ModelAdmin whose rows, choices and permissions are confined to the user's platforms."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if confined_platform_ids(request) is None:
            return queryset
        related = related_path(self.platform_path)
        if related is not None:
            queryset = queryset.select_related(related)  # object checks follow the path for free
        return self.scope_queryset(request, queryset)

    def has_add_permission(self, request: HttpRequest) -> bool:
        if self.read_only:
            return False
        return self._scoped(request, "add", super().has_add_permission(request), None)

    def has_module_permission(self, request: HttpRequest) -> bool:
        if confined_platform_ids(request) is not None and self.platform_admin_actions:
            return True
        return super().has_module_permission(request)

    def history_view(self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None) -> Any:
        """Django's history of admin edits, and the object's audit trail (what the services recorded)."""
        from orion.audit.selectors import entries_about  # the audit app's models load after this module

        audit_entries = entries_about(self.model, object_id)
        return super().history_view(request, object_id, {"audit_entries": audit_entries, **(extra_context or {})})


class PlatformScopedInline(PlatformScopeMixin):
    """An inline of a scoped admin; ``obj`` in its permissions is the parent object."""

    #: Lookup from the *parent* model to its platform; by default the parent admin's ``platform_path``.
    parent_platform_path: ClassVar[str | None] = None

    def object_platform_path(self) -> str:
        if self.parent_platform_path is not None:
            return self.parent_platform_path
        parent = self.admin_site._registry.get(self.parent_model)  # type: ignore[attr-defined]
        if not isinstance(parent, PlatformScopeMixin):
            raise ImproperlyConfigured(
                f"{type(self).__name__}: the admin of {self.parent_model.__name__} is not platform-scoped; "  # type: ignore[attr-defined]
                "set parent_platform_path."
            )
        return parent.platform_path

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if self.read_only:
            return False
        return self._scoped(request, "add", super().has_add_permission(request, obj), obj)  # type: ignore[misc]

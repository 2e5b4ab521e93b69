"""Django admin for stock locations, stock items and the movement ledger.

Who may do what:

* superusers: everything but changing the ledger (movements are append-only:
  nobody adds, changes or deletes one here);
* platform admins, on their own platforms' stores only: view, add and change
  locations; view and change items; view movements. They never see another
  platform's rows, nor its stores among the choices of a form;
* other staff: Django's model permissions.

Saves go through ``services``: an item's ``on_hand`` and ``reserved`` are
written by stock changes under a row lock, and a plain ``Model.save()`` of a
stale copy would overwrite them.

The confinement follows ``modules.tenancy.admin_scope`` (which inventory may
not import: modules talk through interfaces), for models reaching their
platform through ``store``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from orion.modules import state
from orion.modules.admin import confined_platform_ids

from . import services
from .models import StockItem, StockLocation, StockMovement

RelatedOnly = admin.RelatedOnlyFieldListFilter


class UniqueInStoreForm(forms.ModelForm):
    """Checks the code or SKU is free in the store also when the store is read-only (on change)."""

    unique_field: ClassVar[str]
    unique_message: ClassVar[Any]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        store = cleaned.get("store") or (self.instance.store if self.instance.store_id else None)
        value = cleaned.get(self.unique_field)
        if store is not None and value:
            with scopes_disabled():
                taken = self._meta.model.objects.filter(store=store, **{self.unique_field: value})
                if taken.exclude(pk=self.instance.pk).exists():
                    self.add_error(self.unique_field, self.unique_message)
        return cleaned


class StockLocationForm(UniqueInStoreForm):
    unique_field = "code"
    unique_message = _("Another location of this store has this code.")

    class Meta:
        model = StockLocation
        fields = ()  # the admin names them: a form built at import time cannot reach the store model yet


class StockItemForm(UniqueInStoreForm):
    unique_field = "sku"
    unique_message = _("Another stock item of this store has this SKU.")

    class Meta:
        model = StockItem
        fields = ()  # the admin names them


class StoreConfinedAdmin(admin.ModelAdmin):
    """Rows, store choices and permissions confined to the platforms a platform admin administers."""

    #: What a platform admin may do with the rows of their platforms' stores.
    platform_admin_actions: ClassVar[tuple[str, ...]] = ("view",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        ids = confined_platform_ids(request)
        return queryset if ids is None else queryset.filter(store__platform__in=ids)

    def _confined(self, request: HttpRequest, action: str, granted: bool, obj: Any = None) -> bool:
        ids = confined_platform_ids(request)
        if ids is None:
            return granted
        if not (granted or action in self.platform_admin_actions):
            return False
        if obj is None or obj.pk is None:
            return True
        with scopes_disabled():
            return state.store_model().objects.filter(pk=obj.store_id, platform__in=ids).exists()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return confined_platform_ids(request) is not None or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._confined(request, "view", super().has_view_permission(request, obj), obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._confined(request, "add", super().has_add_permission(request))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._confined(request, "change", super().has_change_permission(request, obj), obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._confined(request, "delete", super().has_delete_permission(request, obj), obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        ids = confined_platform_ids(request)
        if db_field.name == "store" and ids is not None:
            kwargs["queryset"] = state.store_model().objects.filter(platform__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Stock never moves to another store: the store is chosen once.
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly + ("store",) if obj is not None else readonly


@admin.register(StockLocation)
class StockLocationAdmin(StoreConfinedAdmin):
    form = StockLocationForm
    platform_admin_actions = ("view", "add", "change")
    list_display = ("name", "code", "store", "is_active", "position")
    list_filter = (("store", RelatedOnly), "is_active")
    list_select_related = ("store",)
    search_fields = ("name", "code", "store__name", "store__code")
    fields = ("store", "name", "code", "address", "is_active", "position")

    def save_model(self, request: HttpRequest, obj: StockLocation, form: Any, change: bool) -> None:
        values = {name: getattr(obj, name) for name in ("name", "code", "address", "is_active", "position")}
        if change:
            saved = services.location_update(store=obj.store, actor=request.user, location=obj.pk, **values)
        else:
            saved = services.location_create(store=obj.store, actor=request.user, **values)
        obj.pk, obj._state.adding, obj._state.db = saved.pk, False, saved._state.db


@admin.register(StockItem)
class StockItemAdmin(StoreConfinedAdmin):
    form = StockItemForm
    platform_admin_actions = ("view", "change")
    list_display = ("sku", "name", "store", "on_hand", "reserved", "low_stock_threshold", "track_stock", "is_active")
    list_filter = (("store", RelatedOnly), "track_stock", "is_active")
    list_select_related = ("store",)
    search_fields = ("sku", "name", "store__name", "store__code")
    fields = ("store", "sku", "name", "track_stock", "low_stock_threshold", "is_active", "on_hand", "reserved")
    readonly_fields = ("on_hand", "reserved")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the ledger keeps its items: retire one (active off) instead

    def save_model(self, request: HttpRequest, obj: StockItem, form: Any, change: bool) -> None:
        if change:
            values = {name: getattr(obj, name) for name in form.changed_data if name in services.ITEM_FIELDS}
            saved = services.stock_item_update(store=obj.store, item=obj.pk, **values)
        else:
            saved = services.stock_item_create(
                store=obj.store,
                sku=obj.sku,
                name=obj.name,
                track_stock=obj.track_stock,
                low_stock_threshold=obj.low_stock_threshold,
            )
            if not obj.is_active:
                saved = services.stock_item_update(store=obj.store, item=saved.pk, is_active=False)
        obj.pk, obj._state.adding, obj._state.db = saved.pk, False, saved._state.db
        obj.on_hand, obj.reserved = saved.on_hand, saved.reserved


@admin.register(StockMovement)
class StockMovementAdmin(StoreConfinedAdmin):
    """The ledger, read-only for everyone: a wrong movement is corrected by another movement."""

    list_display = ("created_at", "store", "item", "location", "delta", "quantity_after", "reason", "reference", "user")
    list_filter = (("store", RelatedOnly), "reason")
    list_select_related = ("store", "item", "location", "user")
    search_fields = ("item__sku", "reference", "note", "store__code")
    date_hierarchy = "created_at"
    fields = (
        "created_at",
        "store",
        "item",
        "location",
        "delta",
        "quantity_after",
        "reason",
        "reference",
        "note",
        "user",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

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

Confinement: ``orion.admin_scope.PlatformScopedAdmin``, through ``store__platform``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from orion.admin_scope import PlatformScopedAdmin

from . import services
from .models import StockItem, StockLocation, StockMovement

RelatedOnly = admin.RelatedOnlyFieldListFilter


class UniqueInStoreForm(forms.ModelForm[Any]):
    """Checks the code or SKU is free in the store also when the store is read-only (on change)."""

    unique_field: ClassVar[str]
    unique_message: ClassVar[Any]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns
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


class StockAdmin(PlatformScopedAdmin):
    """A store's stock rows; the store is chosen once."""

    platform_path = "store__platform"
    platform_admin_actions: ClassVar[tuple[str, ...]] = ("view",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Stock never moves to another store: the store is chosen once.
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly + ("store",) if obj is not None else readonly


@admin.register(StockLocation)
class StockLocationAdmin(StockAdmin):
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
class StockItemAdmin(StockAdmin):
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
            saved = services.stock_item_update(store=obj.store, actor=request.user, item=obj.pk, **values)
        else:
            saved = services.stock_item_create(
                store=obj.store,
                actor=request.user,
                sku=obj.sku,
                name=obj.name,
                track_stock=obj.track_stock,
                low_stock_threshold=obj.low_stock_threshold,
            )
            if not obj.is_active:
                saved = services.stock_item_update(store=obj.store, actor=request.user, item=saved.pk, is_active=False)
        obj.pk, obj._state.adding, obj._state.db = saved.pk, False, saved._state.db
        obj.on_hand, obj.reserved = saved.on_hand, saved.reserved


@admin.register(StockMovement)
class StockMovementAdmin(StockAdmin):
    """The ledger, read-only for everyone: a wrong movement is corrected by another movement."""

    read_only = True

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

"""Django admin for the catalogue: read-only.

Products, categories and attributes are written only through ``services``
(variants with their stock items, sanitised descriptions, SKU and option
rules, the active product limit); a model form here would bypass all of
it. So the admin shows them for support and never adds, changes or deletes
(merchants do that in their store dashboard).

Who sees what: superusers everything; platform admins the rows of their
platforms' stores only (the confinement of ``modules.tenancy.admin_scope``,
which catalog may not import, reduced to viewing); other staff by Django's
view permissions.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from orion.modules.admin import confined_platform_ids

from .models import Attribute, AttributeValue, Category, Product, ProductImage, Variant


class ReadOnly:
    """Nobody adds, changes or deletes here: the services keep the catalogue's rules."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ConfinedReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    """A store's rows, shown to platform admins of the store's platform only."""

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        ids = confined_platform_ids(request)
        return queryset if ids is None else queryset.filter(store__platform__in=ids)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return confined_platform_ids(request) is not None or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        ids = confined_platform_ids(request)
        if ids is None:
            return super().has_view_permission(request, obj)
        return obj is None or obj.store.platform_id in ids


class ReadOnlyInline(ReadOnly, admin.TabularInline):
    """Rows of the parent object, which the parent's admin has already confined."""

    extra = 0

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return confined_platform_ids(request) is not None or super().has_view_permission(request, obj)


class VariantInline(ReadOnlyInline):
    model = Variant
    fields = ("sku", "price_cents", "compare_at_price_cents", "position", "stock_item")
    readonly_fields = ("stock_item",)


class ProductImageInline(ReadOnlyInline):
    model = ProductImage
    fields = ("preview", "image", "image_format", "width", "height", "alt_text_en", "position")
    readonly_fields = ("preview", "image_format", "width", "height")

    @admin.display(description=_("thumbnail"))
    def preview(self, obj: ProductImage) -> str:
        return format_html('<img src="{}" alt="" style="max-height:64px">', obj.thumbnail.url) if obj.thumbnail else ""


@admin.register(Product)
class ProductAdmin(ConfinedReadOnlyAdmin):
    list_display = ("title_en", "store", "status", "price_cents", "currency", "published_at", "updated_at")
    list_filter = ("status", ("store", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("store",)
    search_fields = ("title_en", "slug", "variants__sku")
    fieldsets = (
        (None, {"fields": ("store", "slug", "status", "published_at")}),
        (_("Titles"), {"fields": ("title_en", "title_de", "title_fr", "title_lb")}),
        (_("Descriptions"), {"fields": ("description_en", "description_de", "description_fr", "description_lb")}),
        (_("Price"), {"fields": ("price_cents", "compare_at_price_cents", "currency", "tax_class", "is_featured")}),
        (_("Search"), {"fields": ("search_document",)}),
    )
    readonly_fields = ("search_document", "published_at")
    inlines = (VariantInline, ProductImageInline)


class AttributeValueInline(ReadOnlyInline):
    model = AttributeValue
    fields = ("value_en", "slug", "position")


@admin.register(Attribute)
class AttributeAdmin(ConfinedReadOnlyAdmin):
    list_display = ("name_en", "slug", "store", "position")
    list_filter = (("store", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("store",)
    search_fields = ("name_en", "slug")
    fields = ("store", "name_en", "name_de", "name_fr", "name_lb", "slug", "position")
    inlines = (AttributeValueInline,)


@admin.register(Category)
class CategoryAdmin(ConfinedReadOnlyAdmin):
    list_display = ("name_en", "slug", "store", "parent", "position", "is_active")
    list_filter = ("is_active", ("store", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("store", "parent")
    search_fields = ("name_en", "slug")
    fields = (
        "store",
        "parent",
        "name_en",
        "name_de",
        "name_fr",
        "name_lb",
        "slug",
        "description_en",
        "position",
        "is_active",
    )

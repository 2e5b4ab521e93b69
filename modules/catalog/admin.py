"""Django admin for the catalogue: read-only.

Products, categories and attributes are written only through ``services``
(variants with their stock items, sanitised descriptions, SKU and option
rules, the active product limit); a model form here would bypass all of
it. So the admin shows them for support and never adds, changes or deletes
(merchants do that in their store dashboard).

Confinement: read-only ``orion.admin_scope.PlatformScopedAdmin``s (and
inlines), through ``store__platform``; platform admins view.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from orion.admin_scope import PlatformScopedAdmin, PlatformScopedInline

from .models import Attribute, AttributeValue, Category, Product, ProductImage, Variant


class CatalogAdmin(PlatformScopedAdmin):
    """A store's catalogue rows: nobody adds, changes or deletes here; the services keep the rules."""

    platform_path = "store__platform"
    platform_admin_actions = ("view",)
    read_only = True


class CatalogInline(PlatformScopedInline, admin.TabularInline[Any, Any]):
    """Rows of a product or an attribute, read-only like their parent."""

    platform_admin_actions = ("view",)
    read_only = True
    extra = 0


class VariantInline(CatalogInline):
    model = Variant
    fields = ("sku", "price_cents", "compare_at_price_cents", "position", "stock_item")
    readonly_fields = ("stock_item",)


class ProductImageInline(CatalogInline):
    model = ProductImage
    fields = ("preview", "image", "image_format", "width", "height", "alt_text_en", "position")
    readonly_fields = ("preview", "image_format", "width", "height")

    @admin.display(description=_("thumbnail"))
    def preview(self, obj: ProductImage) -> str:
        return format_html('<img src="{}" alt="" style="max-height:64px">', obj.thumbnail.url) if obj.thumbnail else ""


@admin.register(Product)
class ProductAdmin(CatalogAdmin):
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


class AttributeValueInline(CatalogInline):
    model = AttributeValue
    fields = ("value_en", "slug", "position")


@admin.register(Attribute)
class AttributeAdmin(CatalogAdmin):
    list_display = ("name_en", "slug", "store", "position")
    list_filter = (("store", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("store",)
    search_fields = ("name_en", "slug")
    fields = ("store", "name_en", "name_de", "name_fr", "name_lb", "slug", "position")
    inlines = (AttributeValueInline,)


@admin.register(Category)
class CategoryAdmin(CatalogAdmin):
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

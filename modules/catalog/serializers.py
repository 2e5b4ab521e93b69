"""Serializers of the catalog API: the store's products, images, categories and attributes, and the shop's view.

Input serializers check the shape of a request and nothing else; the
services apply the rules (unique SKUs, tier limits, image checks) and
raise errors the API turns into ``{code, detail, errors}``. Translated
fields are read and written per language (``title_en``, ``title_de``, ...).

Related ids in input (categories, attributes, option values, a parent)
are looked up through the scoped managers, which DRF evaluates per
request inside the request's store scope: another store's id is "does not
exist", a 400 field error, never a write.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from modeltranslation.utils import build_localized_fieldname
from rest_framework import serializers

from modules.inventory.interface import Availability

from . import selectors
from .browsing import StockStatus
from .models import Attribute, AttributeValue, Category, Product, ProductImage, ProductStatus, Variant

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def localized(*fields: str) -> list[str]:
    """Every language's column of each translated field: ``title`` -> ``title_en``, ``title_de``, ..."""
    return [build_localized_fieldname(field, language) for field in fields for language in LANGUAGES]


def required_in_default_language(*fields: str) -> dict[str, dict[str, Any]]:
    """``extra_kwargs`` making the default language's column of each field required (the others fall back to it)."""
    return {
        build_localized_fieldname(field, DEFAULT_LANGUAGE): {
            "required": True,
            "allow_null": False,
            "allow_blank": False,
        }
        for field in fields
    }


@extend_schema_field(
    {"type": "string", "enum": ProductStatus.values, "description": "draft, active (in the shop) or archived"},
    component_name="ProductStatusEnum",
)
class ProductStatusField(serializers.ChoiceField):
    """A product's status, under its own name in the schema (``status`` is also a store's)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=ProductStatus.choices, **kwargs)


class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField[Any]):
    """An id of one of the current store's rows: the scoped manager is evaluated per request, in scope."""

    def __init__(self, model: type[models.Model], **kwargs: Any) -> None:
        super().__init__(queryset=model.objects, **kwargs)  # type: ignore[attr-defined]  # the store-scoped manager


# --- Stock ------------------------------------------------------------------------


class AvailabilitySerializer(serializers.Serializer[Any]):
    on_hand = serializers.IntegerField(read_only=True)
    reserved = serializers.IntegerField(read_only=True)
    available = serializers.IntegerField(read_only=True)
    tracked = serializers.BooleanField(read_only=True)
    is_low = serializers.BooleanField(read_only=True)


def availability_in(context: Mapping[str, Any], variant: Variant) -> Availability | None:
    """The variant's stock from the map the view read in one query (``context["availability"]``)."""
    found: Availability | None = context.get("availability", {}).get(variant.stock_item_id)
    return found


# --- Attributes -------------------------------------------------------------------


class AttributeValueSerializer(serializers.ModelSerializer[AttributeValue]):
    class Meta:
        model = AttributeValue
        fields = ["id", "attribute", "value", *localized("value"), "slug", "position"]
        read_only_fields = fields


class AttributeSerializer(serializers.ModelSerializer[Attribute]):
    values = AttributeValueSerializer(many=True, read_only=True)

    class Meta:
        model = Attribute
        fields = ["id", "name", *localized("name"), "slug", "position", "values"]
        read_only_fields = fields


class AttributeInputSerializer(serializers.ModelSerializer[Attribute]):
    class Meta:
        model = Attribute
        fields = [*localized("name"), "slug", "position"]
        extra_kwargs = {**required_in_default_language("name"), "slug": {"required": False, "allow_blank": True}}


class AttributeValueInputSerializer(serializers.ModelSerializer[AttributeValue]):
    class Meta:
        model = AttributeValue
        fields = [*localized("value"), "slug", "position"]
        extra_kwargs = {**required_in_default_language("value"), "slug": {"required": False, "allow_blank": True}}


# --- Categories -------------------------------------------------------------------


class CategorySerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = [
            "id",
            "parent",
            "name",
            *localized("name"),
            "slug",
            "description",
            *localized("description"),
            "position",
            "is_active",
        ]
        read_only_fields = fields


class CategoryInputSerializer(serializers.ModelSerializer[Category]):
    parent = ScopedPrimaryKeyRelatedField(  # type: ignore[assignment]  # a field named "parent", not Field.parent
        Category, required=False, allow_null=True, help_text=_("Id of one of this store's categories, or null.")
    )

    class Meta:
        model = Category
        fields = ["parent", *localized("name"), "slug", *localized("description"), "position", "is_active"]
        extra_kwargs = {**required_in_default_language("name"), "slug": {"required": False, "allow_blank": True}}


# --- Products ---------------------------------------------------------------------


class ProductImageSerializer(serializers.ModelSerializer[ProductImage]):
    """An image with absolute URLs (the request in the context makes them absolute)."""

    thumbnail = serializers.SerializerMethodField()

    class Meta:
        model = ProductImage
        fields = ["id", "image", "thumbnail", "width", "height", "alt_text", *localized("alt_text"), "position"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_thumbnail(self, image: ProductImage) -> str | None:
        if not image.thumbnail:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(image.thumbnail.url) if request else image.thumbnail.url


class ProductImageUploadSerializer(serializers.ModelSerializer[ProductImage]):
    # A plain file: the service checks and re-encodes it, and a bad one is the error code image_rejected.
    image = serializers.FileField(help_text=_("A JPEG, PNG or WebP photo."))

    class Meta:
        model = ProductImage
        fields = ["image", *localized("alt_text"), "position"]
        extra_kwargs = {"position": {"required": False}}


class ProductImageInputSerializer(serializers.ModelSerializer[ProductImage]):
    class Meta:
        model = ProductImage
        fields = [*localized("alt_text"), "position"]


class VariantSerializer(serializers.ModelSerializer[Variant]):
    option_values = serializers.PrimaryKeyRelatedField[AttributeValue](many=True, read_only=True)
    effective_price_cents = serializers.IntegerField(read_only=True)
    stock = serializers.SerializerMethodField()

    class Meta:
        model = Variant
        fields = [
            "id",
            "sku",
            "price_cents",
            "compare_at_price_cents",
            "effective_price_cents",
            "position",
            "option_values",
            "stock",
        ]
        read_only_fields = fields

    @extend_schema_field(AvailabilitySerializer(allow_null=True))
    def get_stock(self, variant: Variant) -> dict[str, Any] | None:
        availability = availability_in(self.context, variant)
        return AvailabilitySerializer(availability).data if availability else None


class ProductSerializer(serializers.ModelSerializer[Product]):
    categories = serializers.PrimaryKeyRelatedField[Category](many=True, read_only=True)
    option_attributes = serializers.PrimaryKeyRelatedField[Attribute](many=True, read_only=True)
    variants = VariantSerializer(many=True, read_only=True)
    images = ProductImageSerializer(many=True, read_only=True)
    status = ProductStatusField(read_only=True)

    class Meta:
        model = Product
        fields = [
            "id",
            "title",
            *localized("title"),
            "slug",
            "description",
            *localized("description"),
            "status",
            "price_cents",
            "compare_at_price_cents",
            "currency",
            "tax_class",
            "is_featured",
            "categories",
            "option_attributes",
            "variants",
            "images",
            "published_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class VariantInputSerializer(serializers.ModelSerializer[Variant]):
    id = serializers.IntegerField(
        required=False, min_value=1, help_text=_("Id of an existing variant of this product to keep; none creates one.")
    )
    option_values = ScopedPrimaryKeyRelatedField(
        AttributeValue, many=True, required=False, help_text=_("Ids of this store's attribute values.")
    )

    class Meta:
        model = Variant
        fields = ["id", "sku", "price_cents", "compare_at_price_cents", "option_values", "position"]
        extra_kwargs = {"position": {"required": False}}
        # SKUs are unique per store: the service says so (duplicate_sku), the store is not an input field.
        validators: list[Any] = []


class ProductInputSerializer(serializers.ModelSerializer[Product]):
    """A product with its categories, option attributes and variants (the full new set when given)."""

    categories = ScopedPrimaryKeyRelatedField(
        Category, many=True, required=False, help_text=_("Ids of this store's categories.")
    )
    option_attributes = ScopedPrimaryKeyRelatedField(
        Attribute, many=True, required=False, help_text=_("Ids of this store's attributes the variants differ by.")
    )
    variants = VariantInputSerializer(many=True, required=False, max_length=250)  # type: ignore[call-arg]  # for the list
    sku = serializers.CharField(
        max_length=64, required=False, help_text=_("SKU of the default variant, for a product without variants.")
    )
    status = ProductStatusField(required=False)

    class Meta:
        model = Product
        fields = [
            *localized("title"),
            "slug",
            *localized("description"),
            "status",
            "price_cents",
            "compare_at_price_cents",
            "tax_class",
            "is_featured",
            "categories",
            "option_attributes",
            "variants",
            "sku",
        ]
        extra_kwargs = {**required_in_default_language("title"), "slug": {"required": False, "allow_blank": True}}


# The largest id the database can hold: a bigger one is "no such product", not a database error.
MAX_PRODUCT_ID = connection.ops.integer_field_range(Product._meta.pk.get_internal_type())[1]


class ProductBulkStatusSerializer(serializers.Serializer[Any]):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_PRODUCT_ID), min_length=1, max_length=500
    )
    status = ProductStatusField()

    def validate_ids(self, ids: list[int]) -> list[int]:
        missing = selectors.missing_product_ids(store=self.context["store"], ids=ids)
        if missing:
            raise serializers.ValidationError(_("No product with id %(ids)s in this store.") % {"ids": missing})
        return ids


class ProductBulkStatusResultSerializer(serializers.Serializer[Any]):
    updated = serializers.IntegerField(help_text=_("How many products changed status."))


# --- Storefront -------------------------------------------------------------------
# Shoppers' views read ``browsing`` (active products, visible categories); translated fields
# are the active language's, with English as the fallback.


def absolute_media_url(context: Mapping[str, Any], name: str) -> str | None:
    """The absolute URL of a stored image (``name`` as the database holds it), ``None`` without one."""
    if not name:
        return None
    url = ProductImage._meta.get_field("image").storage.url(name)
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


class ShopCategorySerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = ["id", "name", "slug"]
        read_only_fields = fields


class ShopCategoryNodeSerializer(serializers.Serializer[Any]):
    """A visible category and its visible sub-categories."""

    id = serializers.IntegerField(source="category.pk", read_only=True)
    name = serializers.CharField(source="category.name", read_only=True)
    slug = serializers.SlugField(source="category.slug", read_only=True)
    description = serializers.CharField(source="category.description", read_only=True)
    children = serializers.SerializerMethodField()

    @extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/ShopCategoryNode"}})
    def get_children(self, node: Any) -> list[dict[str, Any]]:
        return ShopCategoryNodeSerializer(node.children, many=True, context=self.context).data  # type: ignore[return-value]  # many: a list


class ShopProductSerializer(serializers.ModelSerializer[Product]):
    """A product card: what a list shows (``browsing.shop_products`` annotates the image and stock)."""

    in_stock = serializers.BooleanField(read_only=True, help_text=_("Whether at least one variant can be bought."))
    image = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = [
            "id",
            "title",
            "slug",
            "price_cents",
            "compare_at_price_cents",
            "currency",
            "is_on_sale",
            "is_featured",
            "in_stock",
            "image",
            "thumbnail",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_image(self, product: Product) -> str | None:
        return absolute_media_url(self.context, product.card_image)  # type: ignore[attr-defined]  # the selector's annotation

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_thumbnail(self, product: Product) -> str | None:
        return absolute_media_url(self.context, product.card_thumbnail)  # type: ignore[attr-defined]  # the selector's annotation


class ShopImageSerializer(ProductImageSerializer):
    class Meta(ProductImageSerializer.Meta):
        fields = ["id", "image", "thumbnail", "width", "height", "alt_text", "position"]
        read_only_fields = fields


class ShopOptionValueSerializer(serializers.ModelSerializer[AttributeValue]):
    class Meta:
        model = AttributeValue
        fields = ["id", "attribute", "value", "slug"]
        read_only_fields = fields


class ShopOptionSerializer(serializers.Serializer[Any]):
    """An attribute the product varies by, with the values its variants have."""

    id = serializers.IntegerField(source="attribute.pk", read_only=True)
    name = serializers.CharField(source="attribute.name", read_only=True)
    slug = serializers.SlugField(source="attribute.slug", read_only=True)
    values = ShopOptionValueSerializer(many=True, read_only=True)


class ShopStockSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=[state.value for state in StockStatus], read_only=True)
    available = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("Units that can be bought; null when stock is not counted.")
    )
    label = serializers.CharField(  # type: ignore[assignment]  # a field named "label", not Field.label
        read_only=True, help_text=_("What the shop says, in the request's language.")
    )


class ShopVariantSerializer(serializers.Serializer[Any]):
    """A buyable variant: its option values (in the product's option order), its price and its stock."""

    id = serializers.IntegerField(source="variant.pk", read_only=True)
    sku = serializers.CharField(source="variant.sku", read_only=True)
    values = ShopOptionValueSerializer(many=True, read_only=True)
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]  # a field named "label", not Field.label
    price_cents = serializers.IntegerField(read_only=True)
    compare_at_price_cents = serializers.IntegerField(read_only=True, allow_null=True)
    is_on_sale = serializers.BooleanField(read_only=True)
    stock = ShopStockSerializer(read_only=True)


class ShopProductPageSerializer(serializers.Serializer[Any]):
    """A product's page: the product, its images, variants, options, categories and related products."""

    id = serializers.IntegerField(source="product.pk", read_only=True)
    title = serializers.CharField(source="product.title", read_only=True)
    slug = serializers.SlugField(source="product.slug", read_only=True)
    description = serializers.CharField(source="product.description", read_only=True, help_text=_("Sanitised HTML."))
    price_cents = serializers.IntegerField(source="product.price_cents", read_only=True)
    compare_at_price_cents = serializers.IntegerField(
        source="product.compare_at_price_cents", read_only=True, allow_null=True
    )
    currency = serializers.CharField(source="product.currency", read_only=True)
    is_on_sale = serializers.BooleanField(source="product.is_on_sale", read_only=True)
    in_stock = serializers.BooleanField(read_only=True)
    images = ShopImageSerializer(many=True, read_only=True)
    options = ShopOptionSerializer(many=True, read_only=True)
    variants = ShopVariantSerializer(many=True, read_only=True)
    categories = ShopCategorySerializer(many=True, read_only=True)
    breadcrumbs = ShopCategorySerializer(many=True, read_only=True)
    related = ShopProductSerializer(many=True, read_only=True)

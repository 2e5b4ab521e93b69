from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class ProductStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class TaxClass(models.TextChoices):
    """VAT classes; the rate of each comes from the store's country, not from here."""

    STANDARD = "standard", _("Standard rate")
    INTERMEDIATE = "intermediate", _("Intermediate rate")
    REDUCED = "reduced", _("Reduced rate")
    SUPER_REDUCED = "super_reduced", _("Super-reduced rate")
    ZERO = "zero", _("Zero rate / exempt")


class Product(models.Model):
    """Something a store sells; shoppers buy one of its variants.

    Only ``active`` products are shown in the shop. Prices are integer cents
    in ``currency``; a variant may override them. ``description`` holds HTML
    that ``services`` sanitise with nh3 before saving. ``search_document`` is
    the text search reads (titles and descriptions in every language, SKUs),
    rebuilt by the services on every save.
    """

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ProductStatus.choices, default=ProductStatus.DRAFT)
    price_cents = models.PositiveIntegerField(_("price (cents)"))
    compare_at_price_cents = models.PositiveIntegerField(
        _("compare-at price (cents)"), null=True, blank=True, help_text=_("The former price, shown struck through.")
    )
    currency = models.CharField(_("currency"), max_length=3)
    tax_class = models.CharField(_("tax class"), max_length=20, choices=TaxClass.choices, default=TaxClass.STANDARD)
    categories = models.ManyToManyField(
        "catalog.Category", blank=True, related_name="products", verbose_name=_("categories")
    )
    option_attributes = models.ManyToManyField(
        "catalog.Attribute",
        blank=True,
        related_name="+",
        verbose_name=_("options"),
        help_text=_("The attributes this product's variants differ by."),
    )
    is_featured = models.BooleanField(_("featured"), default=False, help_text=_("Shown on the shop's home page."))
    search_document = models.TextField(editable=False, default="")
    # PostgreSQL: to_tsvector('simple', search_document), stored by the services with the document so
    # search and ranking read it instead of parsing every match again (GIN index: migration 0003).
    search_vector = SearchVectorField(null=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["store", "slug"], name="catalog_product_slug_unique")]
        indexes = [
            models.Index(fields=["store", "status", "-created_at"], name="catalog_product_listing"),
            models.Index(fields=["store", "status", "price_cents"], name="catalog_product_by_price"),
        ]
        # On PostgreSQL also catalog_product_newest, the shop's default order (migration 0003).

    def __str__(self) -> str:
        return self.title

    @property
    def is_on_sale(self) -> bool:
        return self.compare_at_price_cents is not None and self.compare_at_price_cents > self.price_cents


class Variant(models.Model):
    """A buyable version of a product: one combination of option values, with its own SKU and stock.

    A product without options has exactly one variant, its default. Stock is
    kept by the inventory module on ``stock_item``.
    """

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(_("SKU"), max_length=64)
    option_values = models.ManyToManyField(
        "catalog.AttributeValue", blank=True, related_name="+", verbose_name=_("options")
    )
    price_cents = models.PositiveIntegerField(
        _("price (cents)"), null=True, blank=True, help_text=_("Leave empty to use the product's price.")
    )
    compare_at_price_cents = models.PositiveIntegerField(_("compare-at price (cents)"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    stock_item = models.OneToOneField(
        "inventory.StockItem", on_delete=models.PROTECT, related_name="+", null=True, blank=True, editable=False
    )

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("variant")
        verbose_name_plural = _("variants")
        ordering = ["product_id", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["store", "sku"], name="catalog_variant_sku_unique")]

    def __str__(self) -> str:
        return self.sku

    @property
    def effective_price_cents(self) -> int:
        return self.price_cents if self.price_cents is not None else self.product.price_cents


def _image_path(instance: ProductImage, filename: str) -> str:
    # The uploaded name is never used: it may hold "../" or a misleading extension.
    return f"catalog/{instance.store_id}/{uuid.uuid4().hex}.{instance.image_format}"


def _thumbnail_path(instance: ProductImage, filename: str) -> str:
    return f"catalog/{instance.store_id}/thumbs/{uuid.uuid4().hex}.webp"


class ProductImage(models.Model):
    """A product photo, re-encoded on upload (see ``images.py``), with a thumbnail for lists."""

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to=_image_path, width_field="width", height_field="height")
    thumbnail = models.ImageField(upload_to=_thumbnail_path, editable=False, blank=True)
    image_format = models.CharField(max_length=4, editable=False, default="jpeg")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"), max_length=200, blank=True, help_text=_("Describes the image for screen readers.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("product image")
        verbose_name_plural = _("product images")
        ordering = ["product_id", "position", "id"]

    def __str__(self) -> str:
        return self.alt_text or self.image.name or ""

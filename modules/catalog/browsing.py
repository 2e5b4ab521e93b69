"""What shoppers may see of the catalogue: active products, visible categories, a product's page.

Storefront views, template tags and the storefront API read through here, so
"draft and archived products are never shown" holds in one place. Every
function takes the store and also runs under its scope (the request's).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from modules.inventory.interface import Availability, availability, in_stock_q
from modules.tenancy.interface import Store

from . import selectors
from .formatting import format_money
from .models import Attribute, AttributeValue, Category, Product, ProductImage, ProductStatus, Variant
from .richtext import html_to_text

FEATURED_LIMIT = 8
RELATED_LIMIT = 4


# --- Product lists --------------------------------------------------------------


def shop_products(*, store: Store) -> QuerySet[Product]:
    """The store's active products, each with what a product card shows and nothing fetched per product.

    Annotations: ``card_image`` and ``card_thumbnail`` (storage names of the
    first image, "" without one) and ``in_stock`` (a variant can be bought).
    ``in_stock`` is "the first buyable variant's id is not null", a scalar
    subquery: PostgreSQL runs it as one index lookup per product shown,
    where an ``EXISTS`` in the select list is planned as a hashed subplan
    over every variant of the store (206 ms instead of 0.4 ms for a page of
    a 100,000-product store; bench/README.md).
    """
    first_image = ProductImage.objects.filter(store=store, product=OuterRef("pk")).order_by("position", "id")
    buyable = Variant.objects.filter(store=store, product=OuterRef("pk")).filter(in_stock_q("stock_item"))
    return (
        Product.objects.filter(store=store, status=ProductStatus.ACTIVE)
        .alias(buyable_variant=Subquery(buyable.values("pk")[:1]))
        .annotate(
            card_image=Subquery(first_image.values("image")[:1]),
            card_thumbnail=Subquery(first_image.values("thumbnail")[:1]),
            in_stock=ExpressionWrapper(Q(buyable_variant__isnull=False), output_field=BooleanField()),
        )
    )


def featured_products(*, store: Store, limit: int = FEATURED_LIMIT) -> list[Product]:
    """Up to ``limit`` active products the merchant marked as featured, newest first."""
    return list(shop_products(store=store).filter(is_featured=True).order_by("-created_at", "-id")[:limit])


def related_products(*, store: Store, product: Product, limit: int = RELATED_LIMIT) -> list[Product]:
    """Other active products sharing a category with ``product``, newest first."""
    links = Product.categories.through.objects
    shared = links.filter(
        product_id=OuterRef("pk"), category_id__in=links.filter(product_id=product.pk).values("category_id")
    )
    return list(
        shop_products(store=store).filter(Exists(shared)).exclude(pk=product.pk).order_by("-created_at", "-id")[:limit]
    )


# --- Categories -------------------------------------------------------------------


class VisibleCategories:
    """The store's visible categories, read in one query: a category shows when it and its ancestors are active.

    A store has tens to hundreds of categories, so the tree is read whole
    (``selectors.category_tree``) and walked in Python for breadcrumbs,
    sub-categories and filter choices.
    """

    def __init__(self, *, store: Store) -> None:
        self.roots = selectors.category_tree(store=store, active_only=True)
        self.nodes = {node.category.pk: node for root in self.roots for node in root.walk()}
        self.ordered = [node.category for node in self.nodes.values()]  # tree order: depth first
        self.by_id = {category.pk: category for category in self.ordered}
        self.by_slug = {category.slug: category for category in self.ordered}

    def get(self, slug: str) -> Category:
        """The visible category with this slug, else 404."""
        try:
            return self.by_slug[slug]
        except KeyError:
            raise Http404(_("No such category in this shop.")) from None

    def ancestors(self, category: Category) -> list[Category]:
        """From the top-level category down to ``category``'s parent."""
        chain: list[Category] = []
        parent = self.by_id.get(category.parent_id) if category.parent_id else None
        while parent is not None:
            chain.insert(0, parent)
            parent = self.by_id.get(parent.parent_id) if parent.parent_id else None
        return chain

    def tree(self) -> list[selectors.CategoryNode]:
        return self.roots

    def top_level(self) -> list[Category]:
        return [root.category for root in self.roots]

    def children(self, category: Category) -> list[Category]:
        return [child.category for child in self.nodes[category.pk].children]

    def choices(self) -> list[tuple[str, str]]:
        """``(slug, name indented by depth)`` in tree order, for a category filter."""
        return [(node.category.slug, "\u2003" * node.depth + node.category.name) for node in self.nodes.values()]


def top_level_categories(*, store: Store) -> list[Category]:
    return VisibleCategories(store=store).top_level()


# --- A product's page --------------------------------------------------------------


class StockStatus(StrEnum):
    IN_STOCK = "in_stock"
    LOW = "low"
    SOLD_OUT = "sold_out"


@dataclass(frozen=True)
class StockState:
    """What a shopper is told about a variant's stock."""

    status: StockStatus
    available: int | None  # None when the item's stock is not tracked

    @classmethod
    def of(cls, stock: Availability | None) -> StockState:
        if stock is None:  # a variant without a stock item cannot be sold
            return cls(StockStatus.SOLD_OUT, 0)
        if not stock.tracked:
            return cls(StockStatus.IN_STOCK, None)
        if stock.available <= 0:
            return cls(StockStatus.SOLD_OUT, 0)
        return cls(StockStatus.LOW if stock.is_low else StockStatus.IN_STOCK, stock.available)

    @property
    def is_available(self) -> bool:
        return self.status != StockStatus.SOLD_OUT

    @property
    def label(self) -> str:
        if self.status == StockStatus.SOLD_OUT:
            return _("Sold out")
        if self.status == StockStatus.LOW:
            # Low stock is counted: ``available`` is set.
            count: int = self.available  # type: ignore[assignment]
            return ngettext("Only %(count)d left", "Only %(count)d left", count) % {"count": count}
        return _("In stock")


@dataclass(frozen=True)
class VariantChoice:
    """One variant as the product page offers it."""

    variant: Variant
    values: tuple[AttributeValue, ...]  # in the order of the product's option attributes
    price_cents: int
    compare_at_price_cents: int | None
    stock: StockState

    @property
    def is_on_sale(self) -> bool:
        return self.compare_at_price_cents is not None and self.compare_at_price_cents > self.price_cents

    @property
    def label(self) -> str:
        return " / ".join(value.value for value in self.values) or self.variant.sku


@dataclass(frozen=True)
class OptionChoices:
    """An attribute the product varies by, with the values its variants have."""

    attribute: Attribute
    values: tuple[AttributeValue, ...]


@dataclass(frozen=True)
class ProductPage:
    product: Product
    images: list[ProductImage]
    variants: list[VariantChoice]
    selected: VariantChoice | None
    options: list[OptionChoices]
    categories: list[Category]
    breadcrumbs: list[Category]  # the first category's ancestors and itself
    related: list[Product]

    @property
    def main_image(self) -> ProductImage | None:
        return self.images[0] if self.images else None

    @property
    def in_stock(self) -> bool:
        return any(choice.stock.is_available for choice in self.variants)

    @property
    def summary(self) -> str:
        """The description as plain text (meta description, structured data)."""
        return html_to_text(self.product.description)

    def variant_data(self) -> dict[str, Any]:
        """What the page's script needs to switch variants (embedded with ``json_script``)."""
        currency = self.product.currency
        return {
            "attributes": [option.attribute.pk for option in self.options],
            "variants": [
                {
                    "id": choice.variant.pk,
                    "sku": choice.variant.sku,
                    "values": [value.pk for value in choice.values],
                    "price": format_money(choice.price_cents, currency),
                    "compare_at": format_money(choice.compare_at_price_cents, currency) if choice.is_on_sale else "",
                    "stock": choice.stock.status.value,
                    "stock_label": choice.stock.label,
                }
                for choice in self.variants
            ],
        }

    def json_ld(self, *, url: str, image_url: str) -> dict[str, Any]:
        """schema.org ``Product`` with one ``Offer`` per variant, for search engines."""
        schema_availability = {
            StockStatus.IN_STOCK: "https://schema.org/InStock",
            StockStatus.LOW: "https://schema.org/LimitedAvailability",
            StockStatus.SOLD_OUT: "https://schema.org/OutOfStock",
        }
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": self.product.title,
            "url": url,
            "offers": [
                {
                    "@type": "Offer",
                    "sku": choice.variant.sku,
                    "price": f"{choice.price_cents / 100:.2f}",
                    "priceCurrency": self.product.currency,
                    "availability": schema_availability[choice.stock.status],
                    "url": url,
                }
                for choice in self.variants
            ],
        }
        if self.selected is not None:
            data["sku"] = self.selected.variant.sku
        if image_url:
            data["image"] = image_url
        if self.summary:
            data["description"] = self.summary
        return data


def product_page(*, store: Store, slug: str, variant_id: int | None = None) -> ProductPage:
    """The active product with this slug and everything its page shows; 404 for any other product.

    ``variant_id`` preselects a variant (the page works without JavaScript
    through ``?variant=``); an unknown id falls back to the first variant in
    stock.
    """
    product = Product.objects.filter(store=store, status=ProductStatus.ACTIVE, slug=slug).first()
    if product is None:
        raise Http404(_("No such product in this shop."))
    images = list(ProductImage.objects.filter(store=store, product=product).order_by("position", "id"))
    attributes = list(product.option_attributes.order_by("position", "id"))
    variants = list(
        Variant.objects.filter(store=store, product=product)
        .order_by("position", "id")
        .prefetch_related("option_values")
    )
    stock = availability(store=store, item_ids=[v.stock_item_id for v in variants if v.stock_item_id is not None])
    choices = [
        _variant_choice(product, variant, attributes, stock.get(variant.stock_item_id))  # type: ignore[arg-type]  # None: no stock
        for variant in variants
    ]
    categories = VisibleCategories(store=store)
    product_categories = [
        categories.by_id[pk] for pk in product.categories.values_list("pk", flat=True) if pk in categories.by_id
    ]
    tree_order = {category.pk: index for index, category in enumerate(categories.ordered)}
    product_categories.sort(key=lambda category: tree_order[category.pk])
    first = product_categories[0] if product_categories else None
    return ProductPage(
        product=product,
        images=images,
        variants=choices,
        selected=_selected(choices, variant_id),
        options=_options(attributes, choices),
        categories=product_categories,
        breadcrumbs=[*categories.ancestors(first), first] if first else [],
        related=related_products(store=store, product=product),
    )


def _variant_choice(
    product: Product, variant: Variant, attributes: list[Attribute], stock: Availability | None
) -> VariantChoice:
    by_attribute = {value.attribute_id: value for value in variant.option_values.all()}
    uses_own_price = variant.price_cents is not None
    return VariantChoice(
        variant=variant,
        values=tuple(by_attribute[a.pk] for a in attributes if a.pk in by_attribute),
        price_cents=variant.price_cents if variant.price_cents is not None else product.price_cents,
        # A variant's own price comes with its own former price; the product's with the product's.
        compare_at_price_cents=variant.compare_at_price_cents if uses_own_price else product.compare_at_price_cents,
        stock=StockState.of(stock),
    )


def _selected(choices: list[VariantChoice], variant_id: int | None) -> VariantChoice | None:
    for choice in choices:
        if choice.variant.pk == variant_id:
            return choice
    return next((choice for choice in choices if choice.stock.is_available), choices[0] if choices else None)


def _options(attributes: list[Attribute], choices: list[VariantChoice]) -> list[OptionChoices]:
    options = []
    for attribute in attributes:
        used = {value.pk: value for choice in choices for value in choice.values if value.attribute_id == attribute.pk}
        ordered = sorted(used.values(), key=lambda value: (value.position, value.pk))
        if ordered:
            options.append(OptionChoices(attribute=attribute, values=tuple(ordered)))
    return options

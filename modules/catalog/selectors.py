"""Reads of the catalog module for the store side (the storefront's are in ``browsing.py``).

Each takes the ``store`` it reads for and filters on it explicitly (or is
built under that store's django-scopes scope, prefetches included), so
the result is the same inside or outside a request's scope; querysets
come back with their store filter built in. The store pages and the store
API read through here; each list costs a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django_scopes import scope

from modules.contracts.protocols import StoreRef
from modules.inventory.interface import Availability, availability, in_stock_q
from modules.tenancy.interface import Store

from .models import Attribute, AttributeValue, Category, Product, ProductImage, Variant

# Lookups from a variant to its stock item's figures. The inventory interface offers ``in_stock_q``;
# the sums a list row shows read the same two maintained columns.
STOCK = "stock_item"


@dataclass
class CategoryNode:
    """A category in the tree, with its children in display order."""

    category: Category
    depth: int
    children: list[CategoryNode] = field(default_factory=list)

    def walk(self) -> Iterable[CategoryNode]:
        """This node and every node below it, depth first (for indented lists and select options)."""
        yield self
        for child in self.children:
            yield from child.walk()


def category_tree(*, store: Store, active_only: bool = False) -> list[CategoryNode]:
    """The store's categories as a tree of ``CategoryNode`` (roots first, by position and name); one query.

    With ``active_only``, hidden categories are left out with everything below them.
    """
    rows = Category._base_manager.filter(store=store).order_by("position", f"name_{_language_default()}", "pk")
    nodes = {category.pk: CategoryNode(category=category, depth=0) for category in rows}
    roots: list[CategoryNode] = []
    for node in nodes.values():
        parent = nodes.get(node.category.parent_id) if node.category.parent_id else None
        (parent.children if parent else roots).append(node)

    def set_depth(node: CategoryNode, depth: int) -> None:
        node.depth = depth
        node.children = [child for child in node.children if not active_only or child.category.is_active]
        for child in node.children:
            set_depth(child, depth + 1)

    roots = [root for root in roots if not active_only or root.category.is_active]
    for root in roots:
        set_depth(root, 0)
    return roots


def category_rows(*, store: Store, without: Category | None = None) -> list[tuple[Category, int]]:
    """``(category, depth)`` in tree order (one query); ``without`` leaves out a category and everything below it."""
    excluded = set(category_descendant_ids(store=store, category=without)) if without else set()
    return [
        (node.category, node.depth)
        for root in category_tree(store=store)
        for node in root.walk()
        if node.category.pk not in excluded
    ]


def categories(*, store: StoreRef, active_only: bool = False) -> QuerySet[Category]:
    """The store's categories (for one by pk, or the API's list by position and name); ``active_only``: the visible ones."""
    with scope(store=store):
        rows = Category.objects.all()
        return rows.filter(is_active=True) if active_only else rows


def categories_with_product_count(*, store: StoreRef) -> QuerySet[Category]:
    """The store's categories, each annotated with ``product_count``."""
    return categories(store=store).annotate(product_count=Count("products"))


def category_product_counts(*, store: StoreRef) -> dict[int, int]:
    """How many products each category of the store holds, by category id (one query)."""
    return dict(categories(store=store).annotate(count=Count("products")).values_list("pk", "count"))


def subcategory_count(*, store: StoreRef, category: Category) -> int:
    """How many categories sit directly below ``category``."""
    return categories(store=store).filter(parent=category).count()


def category_descendant_ids(*, store: Store | int, category: Category | int) -> list[int]:
    """The ids of ``category`` and every category below it (one query); empty for another store's category."""
    category_id = getattr(category, "pk", category)
    children: dict[int | None, list[int]] = {}
    known = set()
    for pk, parent_id in Category._base_manager.filter(store=store).values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
        known.add(pk)
    if category_id not in known:
        return []
    found, queue = [], [category_id]
    while queue:
        pk = queue.pop()
        found.append(pk)
        queue.extend(children.get(pk, []))
    return found


def _language_default() -> str:
    from django.conf import settings

    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def _variants() -> QuerySet[Variant, Any]:  # rows of values("product")
    """The variants of the outer product (correlated subquery; the product fixes the store)."""
    return Variant._base_manager.filter(product=OuterRef("pk")).order_by().values("product")


def product_list(*, store: Store) -> QuerySet[Product]:
    """The store's products with what a list row shows, in one query whatever the count.

    Annotations: ``variant_count``; ``first_thumbnail`` (the storage name of
    the first image's thumbnail, or None); ``available_stock`` (on hand minus
    reserved, summed over the variants that track stock); ``tracks_stock``
    (False when no variant tracks stock: never sold out).
    """
    thumbnails = ProductImage._base_manager.filter(product=OuterRef("pk")).order_by("position", "pk")
    available = ExpressionWrapper(F(f"{STOCK}__on_hand") - F(f"{STOCK}__reserved"), output_field=IntegerField())
    return Product._base_manager.filter(store=store).annotate(
        variant_count=Coalesce(Subquery(_variants().annotate(n=Count("pk")).values("n")), 0),
        first_thumbnail=Subquery(thumbnails.values("thumbnail")[:1]),
        available_stock=Coalesce(
            Subquery(
                _variants().filter(**{f"{STOCK}__track_stock": True}).annotate(total=Sum(available)).values("total")
            ),
            0,
        ),
        tracks_stock=Exists(_variants().filter(**{f"{STOCK}__track_stock": True})),
    )


def in_stock(queryset: QuerySet[Product]) -> QuerySet[Product]:
    """Products with at least one variant in stock (or not tracking stock)."""
    return queryset.filter(Exists(_variants().filter(in_stock_q(STOCK))))


def out_of_stock(queryset: QuerySet[Product]) -> QuerySet[Product]:
    return queryset.exclude(Exists(_variants().filter(in_stock_q(STOCK))))


def low_stock(queryset: QuerySet[Product]) -> QuerySet[Product]:
    """Products with a variant tracking stock whose availability is at or below its low-stock threshold."""
    low = Q(
        **{
            f"{STOCK}__track_stock": True,
            f"{STOCK}__low_stock_threshold__isnull": False,
            f"{STOCK}__on_hand__lte": F(f"{STOCK}__reserved") + F(f"{STOCK}__low_stock_threshold"),
        }
    )
    return queryset.filter(Exists(_variants().filter(low)))


def product_search(queryset: QuerySet[Product], q: str, *, rank: bool = False) -> QuerySet[Product]:
    """Products matching ``q``, every word; on PostgreSQL by full-text search served by the GIN index.

    ``rank=True`` annotates ``search_rank`` (PostgreSQL; 0 elsewhere) for ordering by relevance.
    Elsewhere (SQLite in development) every word must occur in the search document.
    """
    words = q.split()
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        query = SearchQuery(q, config="simple", search_type="websearch")
        queryset = queryset.filter(search_vector=query)
        if rank:
            queryset = queryset.annotate(search_rank=SearchRank(F("search_vector"), query))
        return queryset
    for word in words:
        queryset = queryset.filter(search_document__icontains=word)
    return queryset.annotate(search_rank=Value(0.0)) if rank else queryset


# --- Products, one by one and with what the store API shows ----------------------------


def products(*, store: StoreRef) -> QuerySet[Product]:
    """The store's products, plain (for one by pk)."""
    with scope(store=store):
        return Product.objects.all()


def missing_product_ids(*, store: StoreRef, ids: Iterable[int]) -> list[int]:
    """Those of ``ids`` that are not products of the store, in order (one query)."""
    ids = set(ids)
    found = set(products(store=store).filter(pk__in=ids).values_list("pk", flat=True))
    return sorted(ids - found)


def products_with_variant_count(*, store: StoreRef) -> QuerySet[Product]:
    """The store's products, each annotated with ``variant_count`` (a deletion's confirmation)."""
    return products(store=store).annotate(variant_count=Count("variants"))


def product_table(*, store: Store) -> QuerySet[Product]:
    """``product_list`` with each row's SKUs (variants, SKU only) and categories prefetched: a page is a fixed number of queries."""
    with scope(store=store):
        skus = Variant.objects.only("product_id", "sku").order_by("position", "id")
        return product_list(store=store).prefetch_related(
            Prefetch("variants", queryset=skus), Prefetch("categories", queryset=Category.objects.all())
        )


def product_details(*, store: StoreRef) -> QuerySet[Product]:
    """The store's products with everything the store API shows of one prefetched: variants with their
    option values, images, categories and option attributes (a fixed number of queries for a page)."""
    with scope(store=store):
        variants = Variant.objects.prefetch_related(Prefetch("option_values", queryset=AttributeValue.objects.all()))
        return Product.objects.prefetch_related(
            Prefetch("variants", queryset=variants),
            Prefetch("images", queryset=ProductImage.objects.all()),
            Prefetch("categories", queryset=Category.objects.all()),
            Prefetch("option_attributes", queryset=Attribute.objects.all()),
        )


def product_variants(*, store: StoreRef, product: Product) -> QuerySet[Variant]:
    """``product``'s variants in order, with their option values prefetched."""
    with scope(store=store):
        return Variant.objects.filter(product=product).prefetch_related(
            Prefetch("option_values", queryset=AttributeValue.objects.all())
        )


def product_images(
    *, store: StoreRef, product: Product | None = None, product_id: int | None = None
) -> QuerySet[ProductImage]:
    """A product's images in order, by the product or by its id as a URL gives it."""
    with scope(store=store):
        images = ProductImage.objects.all()
    if product is not None:
        images = images.filter(product=product)
    if product_id is not None:
        # product__pk, not product_id: a pk lookup answers "none" for an id too large for the column.
        images = images.filter(product__pk=product_id)
    return images


def variant_stock(*, store: StoreRef, products: Iterable[Product]) -> dict[int, Availability]:
    """The stock of every variant of ``products`` (variants prefetched), by stock item id, in one query."""
    item_ids = [variant.stock_item_id for product in products for variant in product.variants.all()]
    return availability(store=store, item_ids=[pk for pk in item_ids if pk is not None])


# --- Attributes ----------------------------------------------------------------------------


def attributes(*, store: StoreRef) -> QuerySet[Attribute]:
    """The store's attributes in order, plain (for one by pk)."""
    with scope(store=store):
        return Attribute.objects.all()


def attributes_with_values(*, store: StoreRef) -> QuerySet[Attribute]:
    """The store's attributes in order, each with its values prefetched."""
    with scope(store=store):
        return Attribute.objects.prefetch_related(Prefetch("values", queryset=AttributeValue.objects.all()))


def attributes_with_value_count(*, store: StoreRef) -> QuerySet[Attribute]:
    """The store's attributes, each annotated with ``value_count`` (a deletion's confirmation)."""
    with scope(store=store):
        return Attribute.objects.annotate(value_count=Count("values"))


def attribute_values(
    *, store: StoreRef, attribute: Attribute | None = None, attribute_id: int | None = None
) -> QuerySet[AttributeValue]:
    """An attribute's values in order, by the attribute or by its id as a URL gives it."""
    with scope(store=store):
        values = AttributeValue.objects.all()
    if attribute is not None:
        values = values.filter(attribute=attribute)
    if attribute_id is not None:
        # attribute__pk, not attribute_id: a pk lookup answers "none" for an id too large for the column.
        values = values.filter(attribute__pk=attribute_id)
    return values

"""Reads of the catalog module for the store side (the storefront's are in ``browsing.py``).

Each takes the ``store`` it reads for and filters on it explicitly, so
the result is the same inside or outside a django-scopes scope; querysets
come back with their store filter built in.
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
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from modules.inventory.interface import in_stock_q

from .models import Category, Product, ProductImage, Variant

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


def category_tree(*, store: Any, active_only: bool = False) -> list[CategoryNode]:
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


def category_descendant_ids(*, store: Any, category: Category | int) -> list[int]:
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


def _variants() -> QuerySet[Variant]:
    """The variants of the outer product (correlated subquery; the product fixes the store)."""
    return Variant._base_manager.filter(product=OuterRef("pk")).order_by().values("product")


def product_list(*, store: Any) -> QuerySet[Product]:
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

"""Product filters (django-filter) shared by the store pages and APIs (``ProductFilter``) and the shop's (``ShopProductFilter``).

Both filter a queryset the caller gives (``selectors.product_list`` for the
store, the shop's active products for shoppers); category choices are the
store's given as ``store`` (by default the request's), read through the selectors.
Category filters include the category's descendants.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from modules.contracts.protocols import StoreRef

from . import selectors
from .models import Category, Product, ProductStatus, Variant
from .services._common import DEFAULT_LANGUAGE, LANGUAGES


def _title_in_language() -> Any:
    """The title in the active language, falling back to the default language's (for sorting)."""
    language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    if language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        return Coalesce(f"title_{DEFAULT_LANGUAGE}", "title")
    return Coalesce(NullIf(f"title_{language}", Value("")), f"title_{DEFAULT_LANGUAGE}")


COLUMNS = {"price": "price_cents", "created": "created_at", "updated": "updated_at", "published": "published_at"}


def _order(queryset: QuerySet[Product], key: str) -> QuerySet[Product]:
    """Order by ``key`` ("price", "-title", ...), the id breaking ties so pages never overlap."""
    descending = key.startswith("-")
    name = key.lstrip("-")
    expression = _title_in_language() if name == "title" else F(COLUMNS[name])
    # Rows without a value (never published: imported) sort last either way, on every database.
    ordered = expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
    return queryset.order_by(ordered, "-pk" if descending else "pk")


@extend_schema_field(OpenApiTypes.INT)
class _CategoryTreeFilter(django_filters.ModelChoiceFilter):  # type: ignore[misc]  # django-filter ships no type information
    """A category and everything below it."""

    def filter(self, queryset: QuerySet[Product], value: Category | None) -> QuerySet[Product]:
        if value is None:
            return queryset
        ids = selectors.category_descendant_ids(store=value.store_id, category=value)
        return queryset.filter(
            Exists(Product.categories.through.objects.filter(product=OuterRef("pk"), category__in=ids))
        )


class _StoreFilterSet(django_filters.FilterSet):  # type: ignore[misc]  # django-filter ships no type information
    """A filter set of one store's products: ``store``, or the request's; its category choices are that store's."""

    visible_categories_only = False

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet[Product] | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
        store: StoreRef | None = None,
    ) -> None:
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.store = store if store is not None else request.store
        self.filters["category"].queryset = selectors.categories(
            store=self.store, active_only=self.visible_categories_only
        )


class ProductFilter(_StoreFilterSet):
    """The store's product list: search title and SKU, status, category, stock, ordering."""

    STOCK_CHOICES = (
        ("in_stock", _("In stock")),
        ("out_of_stock", _("Out of stock")),
        ("low", _("Low stock")),
    )
    ORDERING_CHOICES = (  # the first is the default, so the list shows what it applies
        ("-created", _("Newest first")),
        ("created", _("Oldest first")),
        ("title", _("Title (A–Z)")),
        ("-title", _("Title (Z–A)")),
        ("price", _("Price (low to high)")),
        ("-price", _("Price (high to low)")),
        ("updated", _("Least recently updated")),
        ("-updated", _("Recently updated")),
    )

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ProductStatus.choices, empty_label=_("All statuses")
    )
    category = _CategoryTreeFilter(label=_("Category"), empty_label=_("All categories"))
    stock = django_filters.ChoiceFilter(
        label=_("Stock"), choices=STOCK_CHOICES, method="filter_stock", empty_label=_("Any stock level")
    )
    ordering = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=ORDERING_CHOICES, method="keep", empty_label=None
    )

    class Meta:
        model = Product
        fields = ["q", "status", "category", "stock", "ordering"]

    def keep(self, queryset: QuerySet[Product], name: str, value: Any) -> QuerySet[Product]:
        return queryset  # ordering is applied last, in filter_queryset

    def filter_q(self, queryset: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        value = value.strip()
        if not value:
            return queryset
        matches = Q()
        for language in LANGUAGES:
            matches |= Q(**{f"title_{language}__icontains": value})
        skus = Variant._base_manager.filter(product=OuterRef("pk"), sku__icontains=value)
        return queryset.filter(matches | Exists(skus))

    def filter_stock(self, queryset: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        chosen = {"in_stock": selectors.in_stock, "out_of_stock": selectors.out_of_stock, "low": selectors.low_stock}
        return chosen[value](queryset) if value in chosen else queryset

    def filter_queryset(self, queryset: QuerySet[Product]) -> QuerySet[Product]:
        queryset = super().filter_queryset(queryset)
        return _order(queryset, self.form.cleaned_data.get("ordering") or "-created")


class ShopProductFilter(_StoreFilterSet):
    """The shop's product list: full-text search, category, price range (cents), in stock, ordering.

    With a search and no ordering chosen, the best matches come first.
    """

    ORDERING_CHOICES = (
        ("newest", _("Newest")),
        ("price_asc", _("Price: low to high")),
        ("price_desc", _("Price: high to low")),
        ("title", _("Name")),
    )
    ORDERINGS = {"newest": "-published", "price_asc": "price", "price_desc": "-price", "title": "title"}

    visible_categories_only = True

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    category = _CategoryTreeFilter(label=_("Category"))
    price_min = django_filters.NumberFilter(
        label=_("Lowest price (cents)"), field_name="price_cents", lookup_expr="gte", min_value=0
    )
    price_max = django_filters.NumberFilter(
        label=_("Highest price (cents)"), field_name="price_cents", lookup_expr="lte", min_value=0
    )
    in_stock = django_filters.BooleanFilter(label=_("In stock only"), method="filter_in_stock")
    ordering = django_filters.ChoiceFilter(label=_("Sort by"), choices=ORDERING_CHOICES, method="keep")

    class Meta:
        model = Product
        fields = ["q", "category", "price_min", "price_max", "in_stock", "ordering"]

    def keep(self, queryset: QuerySet[Product], name: str, value: Any) -> QuerySet[Product]:
        return queryset  # ordering is applied last, in filter_queryset

    def filter_q(self, queryset: QuerySet[Product], name: str, value: str) -> QuerySet[Product]:
        return selectors.product_search(queryset, value, rank=True)

    def filter_in_stock(self, queryset: QuerySet[Product], name: str, value: bool | None) -> QuerySet[Product]:
        return selectors.in_stock(queryset) if value else queryset

    def filter_queryset(self, queryset: QuerySet[Product]) -> QuerySet[Product]:
        queryset = super().filter_queryset(queryset)
        ordering = self.form.cleaned_data.get("ordering")
        if not ordering and (self.form.cleaned_data.get("q") or "").strip():
            # search_rank: annotated by the search filter above.
            return queryset.order_by("-search_rank", F("published_at").desc(nulls_last=True), "-pk")  # type: ignore[misc]
        return _order(queryset, self.ORDERINGS[ordering or "newest"])

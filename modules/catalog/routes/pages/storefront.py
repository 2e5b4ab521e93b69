"""The catalogue in the shop: product lists, search, the category tree and product pages.

Mounted at ``/shop/<store_code>/`` without a module prefix (namespace
``storefront:catalog``), at ``/`` on a store's own domain. Shoppers see only
active products and visible categories (``browsing``); anything else is a 404.
Pages are cached for anonymous shoppers (``orion.page_cache``); the catalog's
and inventory's services empty the store's cache when they write.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView

from modules.tenancy.interface import StorefrontRequest
from orion.page_cache import CachedStorefrontPageMixin
from orion.views import StorefrontViewMixin

from ... import browsing
from ...filters import ShopProductFilter
from ...models import Category, Product

PAGE_SIZE = 24


class ShopFilterForm(forms.Form):
    """What a shopper filters and sorts by; prices in the store's currency as decimals, categories by slug.

    ``filter_data`` turns the valid fields into ``ShopProductFilter``'s input
    (cents, a category id); an invalid field shows its error and filters nothing.
    """

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)
    category = forms.ChoiceField(label=gettext_lazy("Category"), required=False)
    price_min = forms.DecimalField(
        label=gettext_lazy("From"), required=False, min_value=0, max_digits=10, decimal_places=2
    )
    price_max = forms.DecimalField(
        label=gettext_lazy("To"), required=False, min_value=0, max_digits=10, decimal_places=2
    )
    in_stock = forms.BooleanField(label=gettext_lazy("In stock only"), required=False)
    sort = forms.ChoiceField(label=gettext_lazy("Sort by"), required=False)

    def __init__(
        self, *args: Any, categories: browsing.VisibleCategories, category: Category | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.categories, self.page_category = categories, category
        if category is not None:  # a category page: the category is the page's own
            del self.fields["category"]
        else:
            self.fields["category"].choices = [("", _("All categories")), *categories.choices()]  # type: ignore[attr-defined]  # a ChoiceField
        searching = bool(self.data.get("q", "").strip())
        # Without a chosen order a search lists the best matches first, a list the newest.
        best = [("", _("Best match"))] if searching else []
        self.fields["sort"].choices = [*best, *ShopProductFilter.ORDERING_CHOICES]  # type: ignore[attr-defined]  # a ChoiceField
        self.fields["q"].widget.attrs.update(type="search", placeholder=_("Search products"))
        for name in ("price_min", "price_max"):
            self.fields[name].widget.attrs.update(step="0.01", min="0", inputmode="decimal")

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", _("The highest price must not be below the lowest."))
        return cleaned

    def filter_data(self) -> dict[str, Any]:
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        data: dict[str, Any] = {}
        if cleaned.get("q", "").strip():
            data["q"] = cleaned["q"].strip()
        category = self.page_category or self.categories.by_slug.get(cleaned.get("category") or "")
        if category is not None:
            data["category"] = category.pk
        for name in ("price_min", "price_max"):
            if cleaned.get(name) is not None:
                data[name] = int(cleaned[name] * 100)  # two decimal places at most: exact
        if cleaned.get("in_stock"):
            data["in_stock"] = True
        if cleaned.get("sort"):
            data["ordering"] = cleaned["sort"]
        return data


class ProductListView(CachedStorefrontPageMixin, StorefrontViewMixin, ListView[Product]):
    """``products/``: every active product, filtered, sorted and searched (``?q=``), 24 a page."""

    request: StorefrontRequest

    model = Product
    paginate_by = PAGE_SIZE
    template_name = "catalog/storefront/product_list.html"
    context_object_name = "products"

    def category(self) -> Category | None:
        return None

    def get_queryset(self) -> Any:
        store = self.request.store
        self.categories = browsing.VisibleCategories(store=store)
        category = self.category()
        self.form = ShopFilterForm(self.request.GET or None, categories=self.categories, category=category)
        self.applied = self.form.filter_data()
        filterset = ShopProductFilter(self.applied, queryset=browsing.shop_products(store=store), request=self.request)
        return filterset.qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        query = self.applied.get("q", "")
        filtered = any(value not in ("", None) for key, value in self.request.GET.items() if key != "page")
        context.update(
            form=self.form,
            filtered=filtered,
            filters_open=self.form.is_bound and bool(self.form.errors),
            page_range=page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            canonical_url=self.request.build_absolute_uri(self.request.path),
            heading=_("Search results for “%(query)s”") % {"query": query} if query else _("All products"),
        )
        context["page_title"] = context["heading"]
        return context


class CategoryDetailView(ProductListView):
    """``categories/<slug>/``: the products of a visible category and its descendants."""

    model = Category  # type: ignore[assignment]  # the page is a category's; its list is still of products

    def category(self) -> Category:
        if not hasattr(self, "_category"):
            self._category = self.categories.get(self.kwargs["slug"])
        return self._category

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        category = self.category()
        context.update(
            category=category,
            ancestors=self.categories.ancestors(category),
            subcategories=self.categories.children(category),
            heading=category.name,
            page_title=category.name,
            meta_description=category.description[:160],
        )
        return context


class CategoryListView(CachedStorefrontPageMixin, StorefrontViewMixin, TemplateView):
    """``categories/``: the tree of visible categories."""

    request: StorefrontRequest

    template_name = "catalog/storefront/category_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            tree=browsing.VisibleCategories(store=self.request.store).tree(),
            canonical_url=self.request.build_absolute_uri(self.request.path),
            **kwargs,
        )


class ProductDetailView(CachedStorefrontPageMixin, StorefrontViewMixin, TemplateView):
    """``products/<slug>/``: one active product; ``?variant=<id>`` preselects a variant without JavaScript."""

    request: StorefrontRequest

    model = Product
    template_name = "catalog/storefront/product_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        request: StorefrontRequest = self.request
        variant = request.GET.get("variant", "")
        page = browsing.product_page(
            store=request.store, slug=self.kwargs["slug"], variant_id=int(variant) if variant.isdecimal() else None
        )
        canonical_url = request.build_absolute_uri(request.path)
        image_url = request.build_absolute_uri(page.main_image.image.url) if page.main_image else ""
        return super().get_context_data(
            page=page,
            product=page.product,
            canonical_url=canonical_url,
            image_url=image_url,
            json_ld_data=page.json_ld(url=canonical_url, image_url=image_url),
            **kwargs,
        )


urlpatterns = [
    path("products/", ProductListView.as_view(), name="product_list"),
    path("products/<slug:slug>/", ProductDetailView.as_view(), name="product_detail"),
    path("categories/", CategoryListView.as_view(), name="category_list"),
    path("categories/<slug:slug>/", CategoryDetailView.as_view(), name="category_detail"),
]

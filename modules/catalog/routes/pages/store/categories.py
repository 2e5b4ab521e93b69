"""The catalogue's categories in the store dashboard: the tree with product counts, the form, deletion."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from modules.tenancy.interface import StoreRequest
from orion.forms import add_service_error
from orion.views import StoreViewMixin, can, store_url

from .... import selectors, services
from ....exceptions import CatalogError
from ....forms import LANGUAGES, CategoryForm
from ....models import Category
from ._common import MANAGE_CATEGORIES, VIEW_PRODUCT


class CategoryListView(StoreViewMixin, TemplateView):
    """The category tree, indented, with how many products each holds (one query)."""

    request: StoreRequest

    permission_required = VIEW_PRODUCT
    template_name = "catalog/store/category_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        counts = selectors.category_product_counts(store=self.request.store)
        rows = selectors.category_rows(store=self.request.store)
        for category, _depth in rows:
            category.product_count = counts.get(category.pk, 0)  # type: ignore[attr-defined]  # for the template
        return {
            **super().get_context_data(**kwargs),
            "rows": rows,
            "can_manage": can(self.request, MANAGE_CATEGORIES),
        }


class CategoryFormView(StoreViewMixin, TemplateView):
    """The category form; creates one, or edits ``self.category``."""

    request: StoreRequest

    permission_required = MANAGE_CATEGORIES
    template_name = "catalog/store/category_form.html"
    category: Category | None = None

    def load(self) -> None:
        """Set ``self.category`` from the URL (edit views)."""

    def get_form(self, data: Any = None) -> CategoryForm:
        category = self.category
        initial: dict[str, Any] = {}
        if category is not None:
            initial = {"parent": category.parent_id, "slug": category.slug, "position": category.position}
            initial["is_active"] = category.is_active
            for column in ("name", "description"):
                for code, _name in LANGUAGES:
                    initial[f"{column}_{code}"] = getattr(category, f"{column}_{code}") or ""
        parents = selectors.category_rows(store=self.request.store, without=category)
        return CategoryForm(data, initial=initial, store=self.request.store, parent_rows=parents)

    def get_context_data(self, form: CategoryForm | None = None, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "form": form or self.get_form(), "category": self.category}

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.load()
        return super().get(request, *args, **kwargs)

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        self.load()
        form = self.get_form(request.POST)
        if form.is_valid():
            store, actor, parent = request.store, request.user, form.cleaned_data["parent"]
            try:
                if self.category is None:
                    category = services.category_create(store=store, actor=actor, values=form.values(), parent=parent)
                else:
                    category = services.category_update(
                        store=store, actor=actor, category=self.category, values=form.values(), parent=parent
                    )
            except (CatalogError, ValidationError) as error:  # a cycle comes back on "parent"
                add_service_error(form, error)
            else:
                messages.success(request, _("Category “%(category)s” saved.") % {"category": category.name})
                return redirect(store_url(request, "store:catalog:category_list"))
        return self.render_to_response(self.get_context_data(form=form))


class CategoryCreateView(CategoryFormView):
    """A new category."""


class CategoryUpdateView(CategoryFormView):
    model = Category

    def load(self) -> None:
        self.category = get_object_or_404(selectors.categories(store=self.request.store), pk=self.kwargs["pk"])


class CategoryDeleteView(StoreViewMixin, TemplateView):
    """Delete a category after a confirmation page; its subcategories move up, its products stay."""

    request: StoreRequest

    model = Category
    permission_required = MANAGE_CATEGORIES
    template_name = "catalog/store/category_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        store = self.request.store
        category = get_object_or_404(selectors.categories_with_product_count(store=store), pk=kwargs["pk"])
        children = selectors.subcategory_count(store=store, category=category)
        return {**super().get_context_data(**kwargs), "category": category, "subcategory_count": children}

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        category = get_object_or_404(selectors.categories(store=request.store), pk=pk)
        try:
            services.category_delete(store=request.store, actor=request.user, category=category)
        except CatalogError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Category “%(category)s” deleted.") % {"category": category.name})
        return redirect(store_url(request, "store:catalog:category_list"))


urlpatterns = [
    path("categories/", CategoryListView.as_view(), name="category_list"),
    path("categories/new/", CategoryCreateView.as_view(), name="category_create"),
    path("categories/<int:pk>/", CategoryUpdateView.as_view(), name="category_update"),
    path("categories/<int:pk>/delete/", CategoryDeleteView.as_view(), name="category_delete"),
]

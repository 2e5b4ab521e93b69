"""Store dashboard pages of the catalogue: products (list, bulk actions, form), categories and attributes.

Every view is a ``StoreViewMixin``: outsiders get a 404, members without the
permission a 403. The lists are readable with ``catalog.view_product``; the
forms need the permission of what they change. Objects named by a pk in the
URL are fetched through the scoped managers, so another store's pk is a 404.
Writes go through ``services``, inside one transaction per page: a refusal
anywhere (a SKU taken, an image rejected) comes back as field errors and
nothing is saved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View
from modeltranslation.utils import get_language

from orion.forms import add_service_error, error_field
from orion.views import StoreViewMixin, can, store_url

from ... import selectors, services
from ...exceptions import (
    AttributeInUseError,
    CatalogError,
    DuplicateSkuError,
    ImageRejectedError,
)
from ...filters import ProductFilter
from ...forms import (
    FORM_FIELD_NAMES,
    LANGUAGES,
    PER_PAGE_CHOICES,
    AttributeForm,
    AttributeValueFormSet,
    BulkActionForm,
    CategoryForm,
    ImageEditFormSet,
    ImageUploadFormSet,
    ProductForm,
    VariantFormSet,
)
from ...images import validate_image
from ...models import Attribute, AttributeValue, Category, Product, ProductImage, ProductStatus

VIEW_PRODUCT = "catalog.view_product"
CREATE_PRODUCT = "catalog.create_product"
EDIT_PRODUCT = "catalog.edit_product"
DELETE_PRODUCT = "catalog.delete_product"
MANAGE_CATEGORIES = "catalog.manage_categories"
MANAGE_ATTRIBUTES = "catalog.manage_attributes"


# --- Products: the list ----------------------------------------------------


@dataclass
class ProductRow:
    """A row of the product table: the product (annotated by ``selectors.product_list``) and its SKUs."""

    product: Product
    skus: list[str]
    thumbnail_url: str
    available: int | None  # None: no variant's stock is tracked


def product_rows(products: Iterable[Product]) -> list[ProductRow]:
    """Rows for products of ``selectors.product_list`` with ``variants`` prefetched."""
    storage = ProductImage._meta.get_field("thumbnail").storage
    return [
        ProductRow(
            product=product,
            skus=[variant.sku for variant in product.variants.all()],
            thumbnail_url=storage.url(product.first_thumbnail) if product.first_thumbnail else "",
            available=product.available_stock if product.tracks_stock else None,
        )
        for product in products
    ]


def per_page(request: HttpRequest) -> int:
    value = request.GET.get("per_page", "")
    return int(value) if value.isdigit() and int(value) in PER_PAGE_CHOICES else PER_PAGE_CHOICES[0]


class ProductListView(StoreViewMixin, TemplateView):
    """Products with search, filters, sorting and pages of 25, 50 or 100; bulk actions on the ticked rows.

    A page costs the same queries whatever its size: the page (with stock
    and thumbnail annotated by the selector), its count, then variants and
    categories prefetched.
    """

    permission_required = VIEW_PRODUCT
    template_name = "catalog/store/product_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        request = self.request
        queryset = selectors.product_table(store=request.store)
        product_filter = ProductFilter(request.GET, queryset=queryset, request=request)
        size = per_page(request)
        page = Paginator(product_filter.qs, size).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return {
            **super().get_context_data(**kwargs),
            "filter": product_filter,
            "page": page,
            "rows": product_rows(page.object_list),
            "per_page": size,
            "per_page_choices": PER_PAGE_CHOICES,
            "query": query.urlencode(),
            "can_create": can(request, CREATE_PRODUCT),
            "can_edit": can(request, EDIT_PRODUCT),
            "can_delete": can(request, DELETE_PRODUCT),
            "currency": request.store.currency,
        }


class ProductBulkView(StoreViewMixin, View):
    """Publish, archive or delete (drafts only) the ticked products: all of them or, on a refusal, none."""

    permission_required = VIEW_PRODUCT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = store_url(request, "store:catalog:product_list")
        form = BulkActionForm(request.POST)
        if not form.is_valid():
            for problems in form.errors.values():
                messages.error(request, " ".join(problems))
            return redirect(back)
        action, ids = form.cleaned_data["action"], form.cleaned_data["ids"]
        if not can(request, DELETE_PRODUCT if action == "delete" else EDIT_PRODUCT):
            raise PermissionDenied(_("Your role in this store does not allow this."))
        store, actor = request.store, request.user
        try:
            if action == "delete":
                count = services.products_delete_drafts(store=store, actor=actor, product_ids=ids)
                message = ngettext("%(count)d draft deleted.", "%(count)d drafts deleted.", count)
            else:
                status = ProductStatus.ACTIVE if action == "publish" else ProductStatus.ARCHIVED
                count = services.products_set_status(store=store, actor=actor, product_ids=ids, status=status)
                if action == "publish":
                    message = ngettext("%(count)d product published.", "%(count)d products published.", count)
                else:
                    message = ngettext("%(count)d product archived.", "%(count)d products archived.", count)
        except CatalogError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, message % {"count": count})
        return redirect(back)


# --- Products: the form ----------------------------------------------------


VARIANT_FIELD = re.compile(r"^variants\[(\d+)\]\.(\w+)$")


@dataclass
class ProductForms:
    """The product form with its variant and image formsets, validated and saved together."""

    form: ProductForm
    variants: Any
    new_images: Any
    images: Any

    def is_valid(self) -> bool:
        valid = all(
            [self.form.is_valid(), self.variants.is_valid(), self.new_images.is_valid(), self.images.is_valid()]
        )
        if self.variants.is_valid() and not self.variants.kept_forms():
            self.variants.forms[0].add_error("sku", _("A product needs at least one variant with a SKU."))
        # Checked before anything is written, so a bad file costs no half-saved product.
        for form in self.uploads():
            upload = form.cleaned_data["image"]
            try:
                validate_image(upload)
            except ImageRejectedError as error:
                form.add_error("image", error.message)
            upload.seek(0)
        return (
            valid and not self.variants.total_error_count() and all(not form.errors for form in self.new_images.forms)
        )

    def uploads(self) -> list[Form]:
        """The rows of new images with a file."""
        return [form for form in self.new_images.forms if form.is_valid() and form.cleaned_data.get("image")]

    def add_service_error(self, error: CatalogError | ValidationError) -> None:
        """Put a service's refusal on the field it is about: a variant's SKU, the price, or the whole form."""
        kept = self.variants.kept_forms()
        if isinstance(error, ValidationError):
            problems = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
        else:
            problems = error.errors or {None: [error.message]}
        for name, messages_ in problems.items():
            match = VARIANT_FIELD.match(name or "")
            if match and int(match[1]) < len(kept):
                variant_form = kept[int(match[1])]
                variant_form.add_error(error_field(variant_form, match[2], field_names=FORM_FIELD_NAMES), messages_)
            elif name == "sku":  # a product without options: its one variant's SKU
                (kept or self.variants.forms)[0].add_error("sku", messages_)
            elif name == "variants":
                self.variants.non_form_errors().extend(messages_)
            else:
                self.form.add_error(error_field(self.form, name, field_names=FORM_FIELD_NAMES), messages_)


class ProductFormView(StoreViewMixin, TemplateView):
    """A product with its variants and images; creates one, or edits ``self.product``."""

    template_name = "catalog/store/product_form.html"
    product: Product | None = None

    def load(self) -> None:
        """Set ``self.product`` from the URL (edit views)."""

    def forms(self, data: Any = None, files: Any = None) -> ProductForms:
        store = self.request.store
        categories = selectors.category_rows(store=store)
        attributes = list(selectors.attributes_with_values(store=store))
        product = self.product
        initial: dict[str, Any] = {}
        variants: list[dict[str, Any]] = []
        images: list[dict[str, Any]] = []
        if product is not None:
            initial = self.initial(product)
            variants = [
                {
                    "id": variant.pk,
                    "sku": variant.sku,
                    **{f"option_{value.attribute_id}": value.pk for value in variant.option_values.all()},
                    "price": variant.price_cents,
                    "compare_at_price": variant.compare_at_price_cents,
                }
                for variant in selectors.product_variants(store=store, product=product)
            ]
            images = [
                {
                    "id": image.pk,
                    "alt_text": getattr(image, f"alt_text_{get_language()}") or "",
                    "position": image.position,
                    "image": image,
                }
                for image in selectors.product_images(store=store, product=product)
            ]
        variant_formset = VariantFormSet(
            data, initial=variants, prefix="variants", form_kwargs={"attributes": attributes}
        )
        # A product without options has one variant: no empty row to add a second.
        variant_formset.extra = 0 if variants and not initial["option_attributes"] else 1
        image_formset = ImageEditFormSet(data, initial=images, prefix="images")
        for form, entry in zip(image_formset.forms, images, strict=False):
            form.picture = entry["image"]
        return ProductForms(
            form=ProductForm(
                data,
                initial=initial,
                currency=product.currency if product else store.currency,
                category_rows=categories,
                attributes=attributes,
            ),
            variants=variant_formset,
            new_images=ImageUploadFormSet(data, files, prefix="new_images"),
            images=image_formset,
        )

    @staticmethod
    def initial(product: Product) -> dict[str, Any]:
        initial = {name: getattr(product, name) for name in ("slug", "status", "tax_class", "is_featured")}
        for column in ("title", "description"):
            for code, _name in LANGUAGES:
                initial[f"{column}_{code}"] = getattr(product, f"{column}_{code}") or ""
        initial.update(
            price=product.price_cents,
            compare_at_price=product.compare_at_price_cents,
            categories=[category.pk for category in product.categories.all()],
            option_attributes=[attribute.pk for attribute in product.option_attributes.all()],
        )
        return initial

    def get_context_data(self, forms: ProductForms | None = None, **kwargs: Any) -> dict[str, Any]:
        forms = forms or self.forms()
        return {
            **super().get_context_data(**kwargs),
            "forms": forms,
            "form": forms.form,
            "product": self.product,
            "can_edit": self.product is None or can(self.request, EDIT_PRODUCT),
            "can_delete": self.product is not None and can(self.request, DELETE_PRODUCT),
        }

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.load()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        self.load()
        forms = self.forms(request.POST, request.FILES)
        if forms.is_valid():
            try:
                with transaction.atomic():
                    product = self.save(forms)
            except (DuplicateSkuError, ValidationError) as error:
                forms.add_service_error(error)
            except ImageRejectedError:
                pass  # already on the image's row
            except CatalogError as error:
                forms.add_service_error(error)
            else:
                messages.success(request, _("Product “%(product)s” saved.") % {"product": product.title})
                return redirect(store_url(request, "store:catalog:product_update", pk=product.pk))
        # Refused (a field error, a rejected upload, a rule): the form again with its errors, as a 400 like the API's.
        return self.render_to_response(self.get_context_data(forms=forms, not_saved=True), status=400)

    def save(self, forms: ProductForms) -> Product:
        """Product, variants, then images: the caller's transaction makes it all or nothing."""
        store, actor = self.request.store, self.request.user
        data = forms.form.cleaned_data
        variants = [
            services.VariantInput(
                id=form.cleaned_data["id"],
                sku=form.cleaned_data["sku"],
                price_cents=form.cleaned_data["price"],
                compare_at_price_cents=form.cleaned_data["compare_at_price"],
                option_values=form.option_values(data["option_attributes"]),
                position=position,
            )
            for position, form in enumerate(forms.variants.kept_forms())
        ]
        common = {
            "store": store,
            "actor": actor,
            "values": forms.form.values(),
            "categories": list(data["categories"]),
            "option_attributes": list(data["option_attributes"]),
            "variants": variants,
        }
        if self.product is None:
            product = services.product_create(**common)
        else:
            product = services.product_update(product=self.product, **common)
        existing = {image.pk: image for image in product.images.all()}
        for form in forms.images.forms:
            image = existing.get(form.cleaned_data.get("id"))
            if image is None:
                continue
            if forms.images._should_delete_form(form):
                services.product_image_delete(store=store, actor=actor, image=image)
            elif form.has_changed():
                values = {**form.alt_text_values(), "position": form.cleaned_data["position"]}
                services.product_image_update(store=store, actor=actor, image=image, values=values)
        for form in forms.uploads():
            try:
                services.product_image_add(
                    store=store,
                    actor=actor,
                    product=product,
                    upload=form.cleaned_data["image"],
                    values=form.alt_text_values(),
                )
            except ImageRejectedError as error:
                form.add_error("image", error.message)
                raise
        return product


class ProductCreateView(ProductFormView):
    """A new product."""

    permission_required = CREATE_PRODUCT


class ProductUpdateView(ProductFormView):
    """Edit a product (``catalog.view_product`` may look; saving needs ``catalog.edit_product``)."""

    model = Product
    permission_required = VIEW_PRODUCT
    edit_permission_required = EDIT_PRODUCT

    def load(self) -> None:
        self.product = get_object_or_404(selectors.products(store=self.request.store), pk=self.kwargs["pk"])


class ProductDeleteView(StoreViewMixin, TemplateView):
    """Delete a product, after a confirmation page."""

    model = Product
    permission_required = DELETE_PRODUCT
    template_name = "catalog/store/product_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        products = selectors.products_with_variant_count(store=self.request.store)
        product = get_object_or_404(products, pk=kwargs["pk"])
        return {**super().get_context_data(**kwargs), "product": product}

    def post(self, request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        product = get_object_or_404(selectors.products(store=request.store), pk=pk)
        try:
            services.product_delete(store=request.store, actor=request.user, product=product)
        except CatalogError as error:
            messages.error(request, error.message)
            return redirect(store_url(request, "store:catalog:product_update", pk=pk))
        messages.success(request, _("Product “%(product)s” deleted.") % {"product": product.title})
        return redirect(store_url(request, "store:catalog:product_list"))


# --- Categories ------------------------------------------------------------


class CategoryListView(StoreViewMixin, TemplateView):
    """The category tree, indented, with how many products each holds (one query)."""

    permission_required = VIEW_PRODUCT
    template_name = "catalog/store/category_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        counts = selectors.category_product_counts(store=self.request.store)
        rows = selectors.category_rows(store=self.request.store)
        for category, _depth in rows:
            category.product_count = counts.get(category.pk, 0)
        return {
            **super().get_context_data(**kwargs),
            "rows": rows,
            "can_manage": can(self.request, MANAGE_CATEGORIES),
        }


class CategoryFormView(StoreViewMixin, TemplateView):
    """The category form; creates one, or edits ``self.category``."""

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
        return CategoryForm(data, initial=initial, parent_rows=parents)

    def get_context_data(self, form: CategoryForm | None = None, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "form": form or self.get_form(), "category": self.category}

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.load()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
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

    model = Category
    permission_required = MANAGE_CATEGORIES
    template_name = "catalog/store/category_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        store = self.request.store
        category = get_object_or_404(selectors.categories_with_product_count(store=store), pk=kwargs["pk"])
        children = selectors.subcategory_count(store=store, category=category)
        return {**super().get_context_data(**kwargs), "category": category, "subcategory_count": children}

    def post(self, request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        category = get_object_or_404(selectors.categories(store=request.store), pk=pk)
        try:
            services.category_delete(store=request.store, actor=request.user, category=category)
        except CatalogError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Category “%(category)s” deleted.") % {"category": category.name})
        return redirect(store_url(request, "store:catalog:category_list"))


# --- Attributes ------------------------------------------------------------


class AttributeListView(StoreViewMixin, TemplateView):
    """The attributes products vary by, with their values."""

    permission_required = VIEW_PRODUCT
    template_name = "catalog/store/attribute_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "attributes": selectors.attributes_with_values(store=self.request.store),
            "can_manage": can(self.request, MANAGE_ATTRIBUTES),
        }


class AttributeFormView(StoreViewMixin, TemplateView):
    """An attribute with its values inline; creates one, or edits ``self.attribute``."""

    permission_required = MANAGE_ATTRIBUTES
    template_name = "catalog/store/attribute_form.html"
    attribute: Attribute | None = None

    def load(self) -> None:
        """Set ``self.attribute`` from the URL (edit views)."""

    def get_forms(self, data: Any = None) -> tuple[AttributeForm, Any]:
        attribute = self.attribute
        initial: dict[str, Any] = {}
        values: list[dict[str, Any]] = []
        if attribute is not None:
            initial = {"slug": attribute.slug, "position": attribute.position}
            initial.update({f"name_{code}": getattr(attribute, f"name_{code}") or "" for code, _n in LANGUAGES})
            for value in attribute.values.all():
                row = {"id": value.pk, "slug": value.slug, "position": value.position}
                row.update({f"value_{code}": getattr(value, f"value_{code}") or "" for code, _n in LANGUAGES})
                values.append(row)
        return AttributeForm(data, initial=initial), AttributeValueFormSet(data, initial=values, prefix="values")

    def get_context_data(self, forms: tuple[AttributeForm, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        form, formset = forms or self.get_forms()
        return {**super().get_context_data(**kwargs), "form": form, "formset": formset, "attribute": self.attribute}

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.load()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        self.load()
        form, formset = self.get_forms(request.POST)
        if form.is_valid() and formset.is_valid():
            try:
                with transaction.atomic():
                    attribute = self.save(form, formset)
            except ValidationError as error:
                add_service_error(form, error)
            except CatalogError as error:
                if error.message not in form.non_field_errors():
                    add_service_error(form, error)
            else:
                messages.success(request, _("Attribute “%(attribute)s” saved.") % {"attribute": attribute.name})
                return redirect(store_url(request, "store:catalog:attribute_list"))
        return self.render_to_response(self.get_context_data(forms=(form, formset)))

    def save(self, form: AttributeForm, formset: Any) -> Attribute:
        store, actor = self.request.store, self.request.user
        if self.attribute is None:
            attribute = services.attribute_create(store=store, actor=actor, values=form.values())
        else:
            attribute = services.attribute_update(
                store=store, actor=actor, attribute=self.attribute, values=form.values()
            )
        existing = {value.pk: value for value in attribute.values.all()}
        for value_form in formset.forms:
            if not value_form.has_changed() and not value_form.cleaned_data.get("id"):
                continue
            value = existing.get(value_form.cleaned_data.get("id"))
            try:
                self.save_value(attribute, value, value_form, delete=formset._should_delete_form(value_form))
            except (ValidationError, CatalogError) as error:
                add_service_error(value_form, error)
                raise
        return attribute

    def save_value(self, attribute: Attribute, value: AttributeValue | None, form: Form, *, delete: bool) -> None:
        store, actor = self.request.store, self.request.user
        if value is None:
            if not delete:
                services.attribute_value_create(store=store, actor=actor, attribute=attribute, values=form.values())
        elif delete:
            services.attribute_value_delete(store=store, actor=actor, attribute_value=value)
        elif form.has_changed():
            services.attribute_value_update(store=store, actor=actor, attribute_value=value, values=form.values())


class AttributeCreateView(AttributeFormView):
    """A new attribute."""


class AttributeUpdateView(AttributeFormView):
    model = Attribute

    def load(self) -> None:
        self.attribute = get_object_or_404(selectors.attributes(store=self.request.store), pk=self.kwargs["pk"])


class AttributeDeleteView(StoreViewMixin, TemplateView):
    """Delete an attribute no product uses, after a confirmation page."""

    model = Attribute
    permission_required = MANAGE_ATTRIBUTES
    template_name = "catalog/store/attribute_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        attributes = selectors.attributes_with_value_count(store=self.request.store)
        attribute = get_object_or_404(attributes, pk=kwargs["pk"])
        return {**super().get_context_data(**kwargs), "attribute": attribute}

    def post(self, request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        attribute = get_object_or_404(selectors.attributes(store=request.store), pk=pk)
        try:
            services.attribute_delete(store=request.store, actor=request.user, attribute=attribute)
        except (AttributeInUseError, CatalogError) as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Attribute “%(attribute)s” deleted.") % {"attribute": attribute.name})
        return redirect(store_url(request, "store:catalog:attribute_list"))


urlpatterns = [
    path("products/", ProductListView.as_view(), name="product_list"),
    path("products/bulk/", ProductBulkView.as_view(), name="product_bulk"),
    path("products/new/", ProductCreateView.as_view(), name="product_create"),
    path("products/<int:pk>/", ProductUpdateView.as_view(), name="product_update"),
    path("products/<int:pk>/delete/", ProductDeleteView.as_view(), name="product_delete"),
    path("categories/", CategoryListView.as_view(), name="category_list"),
    path("categories/new/", CategoryCreateView.as_view(), name="category_create"),
    path("categories/<int:pk>/", CategoryUpdateView.as_view(), name="category_update"),
    path("categories/<int:pk>/delete/", CategoryDeleteView.as_view(), name="category_delete"),
    path("attributes/", AttributeListView.as_view(), name="attribute_list"),
    path("attributes/new/", AttributeCreateView.as_view(), name="attribute_create"),
    path("attributes/<int:pk>/", AttributeUpdateView.as_view(), name="attribute_update"),
    path("attributes/<int:pk>/delete/", AttributeDeleteView.as_view(), name="attribute_delete"),
]

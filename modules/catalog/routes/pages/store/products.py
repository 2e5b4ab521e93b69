"""The catalogue's products in the store dashboard: the list, bulk actions, the form, deletion.

The list searches, filters, sorts and pages; the form edits a product with
its variants and images, saved together or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View
from modeltranslation.utils import get_language

from modules.tenancy.interface import StoreRequest
from orion.forms import error_field
from orion.views import StoreViewMixin, can, store_url

from .... import selectors, services
from ....exceptions import CatalogError, DuplicateSkuError, ImageRejectedError
from ....filters import ProductFilter
from ....forms import (
    FORM_FIELD_NAMES,
    LANGUAGES,
    PER_PAGE_CHOICES,
    BulkActionForm,
    ImageEditFormSet,
    ImageUploadForm,
    ImageUploadFormSet,
    ProductForm,
    VariantFormSet,
)
from ....images import validate_image
from ....models import Product, ProductImage, ProductStatus
from ._common import CREATE_PRODUCT, DELETE_PRODUCT, EDIT_PRODUCT, VIEW_PRODUCT

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
            # first_thumbnail, available_stock, tracks_stock: the selector's annotations.
            thumbnail_url=storage.url(product.first_thumbnail) if product.first_thumbnail else "",  # type: ignore[attr-defined]
            available=product.available_stock if product.tracks_stock else None,  # type: ignore[attr-defined]
        )
        for product in products
    ]


def per_page(request: StoreRequest) -> int:
    value = request.GET.get("per_page", "")
    return int(value) if value.isdigit() and int(value) in PER_PAGE_CHOICES else PER_PAGE_CHOICES[0]


class ProductListView(StoreViewMixin, TemplateView):
    """Products with search, filters, sorting and pages of 25, 50 or 100; bulk actions on the ticked rows.

    A page costs the same queries whatever its size: the page (with stock
    and thumbnail annotated by the selector), its count, then variants and
    categories prefetched.
    """

    request: StoreRequest

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

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = store_url(request, "store:catalog:product_list")
        form = BulkActionForm(request.POST)
        if not form.is_valid():
            for problems in form.errors.values():
                messages.error(request, " ".join(str(problem) for problem in problems))
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

    def uploads(self) -> list[ImageUploadForm]:
        """The rows of new images with a file."""
        return [form for form in self.new_images.forms if form.is_valid() and form.cleaned_data.get("image")]

    def add_service_error(self, error: CatalogError | ValidationError) -> None:
        """Put a service's refusal on the field it is about: a variant's SKU, the price, or the whole form."""
        kept = self.variants.kept_forms()
        if isinstance(error, ValidationError):
            problems: Mapping[Any, Any] = (
                error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
            )
        else:
            problems = error.errors if error.errors else {None: [error.message]}
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

    request: StoreRequest

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
            form.picture = entry["image"]  # type: ignore[attr-defined]  # shown next to the form
        return ProductForms(
            form=ProductForm(
                data,
                initial=initial,
                store=store,
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

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
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
        common: dict[str, Any] = {
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

    request: StoreRequest

    model = Product
    permission_required = DELETE_PRODUCT
    template_name = "catalog/store/product_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        products = selectors.products_with_variant_count(store=self.request.store)
        product = get_object_or_404(products, pk=kwargs["pk"])
        return {**super().get_context_data(**kwargs), "product": product}

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        product = get_object_or_404(selectors.products(store=request.store), pk=pk)
        try:
            services.product_delete(store=request.store, actor=request.user, product=product)
        except CatalogError as error:
            messages.error(request, error.message)
            return redirect(store_url(request, "store:catalog:product_update", pk=pk))
        messages.success(request, _("Product “%(product)s” deleted.") % {"product": product.title})
        return redirect(store_url(request, "store:catalog:product_list"))


urlpatterns = [
    path("products/", ProductListView.as_view(), name="product_list"),
    path("products/bulk/", ProductBulkView.as_view(), name="product_bulk"),
    path("products/new/", ProductCreateView.as_view(), name="product_create"),
    path("products/<int:pk>/", ProductUpdateView.as_view(), name="product_update"),
    path("products/<int:pk>/delete/", ProductDeleteView.as_view(), name="product_delete"),
]

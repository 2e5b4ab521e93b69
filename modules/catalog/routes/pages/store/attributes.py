"""The catalogue's attributes in the store dashboard: the list, the form with the values inline, deletion."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from modules.tenancy.interface import StoreRequest
from orion.forms import add_service_error
from orion.views import StoreViewMixin, can, store_url

from .... import selectors, services
from ....exceptions import AttributeInUseError, CatalogError
from ....forms import LANGUAGES, AttributeForm, AttributeValueForm, AttributeValueFormSet
from ....models import Attribute, AttributeValue
from ._common import MANAGE_ATTRIBUTES, VIEW_PRODUCT


class AttributeListView(StoreViewMixin, TemplateView):
    """The attributes products vary by, with their values."""

    request: StoreRequest

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

    request: StoreRequest

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

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
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

    def save_value(
        self, attribute: Attribute, value: AttributeValue | None, form: AttributeValueForm, *, delete: bool
    ) -> None:
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

    request: StoreRequest

    model = Attribute
    permission_required = MANAGE_ATTRIBUTES
    template_name = "catalog/store/attribute_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        attributes = selectors.attributes_with_value_count(store=self.request.store)
        attribute = get_object_or_404(attributes, pk=kwargs["pk"])
        return {**super().get_context_data(**kwargs), "attribute": attribute}

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        attribute = get_object_or_404(selectors.attributes(store=request.store), pk=pk)
        try:
            services.attribute_delete(store=request.store, actor=request.user, attribute=attribute)
        except (AttributeInUseError, CatalogError) as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Attribute “%(attribute)s” deleted.") % {"attribute": attribute.name})
        return redirect(store_url(request, "store:catalog:attribute_list"))


urlpatterns = [
    path("attributes/", AttributeListView.as_view(), name="attribute_list"),
    path("attributes/new/", AttributeCreateView.as_view(), name="attribute_create"),
    path("attributes/<int:pk>/", AttributeUpdateView.as_view(), name="attribute_update"),
    path("attributes/<int:pk>/delete/", AttributeDeleteView.as_view(), name="attribute_delete"),
]

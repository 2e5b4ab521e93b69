"""Forms of the catalogue's store pages: they validate input; the services decide and write.

Prices are typed as amounts in the store's currency (``12.50``, or ``12,50``
in German) and cleaned to integer cents. Translated model fields are edited
per language (``title_en``, ``title_de``, ...); English is the fallback
language, so only its columns can be required.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_language

from orion.types import StoreRef, StrOrPromise

from . import selectors
from .models import Attribute, Category, ProductStatus, TaxClass

LANGUAGES: tuple[tuple[str, StrOrPromise], ...] = tuple(settings.LANGUAGES)
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
PER_PAGE_CHOICES = (25, 50, 100)


def translated_fields(
    form: forms.Form, name: str, field_class: type[forms.Field], *, label: StrOrPromise, **kwargs: Any
) -> list[str]:
    """Add ``<name>_<lang>`` for every language, required only in the default one; returns the names."""
    required = kwargs.pop("required", False)
    names = []
    for code, language in LANGUAGES:
        field_name = f"{name}_{code}"
        form.fields[field_name] = field_class(
            label=f"{label} ({language})", required=required and code == DEFAULT_LANGUAGE, **kwargs
        )
        names.append(field_name)
    return names


class TranslatedForm(forms.Form):
    """A form with per-language fields (``translated_fields``), shown grouped by language."""

    translated: tuple[str, ...] = ()

    def languages(self) -> list[dict[str, Any]]:
        """Per language, its code, name and the bound fields in it (the template's tabs)."""
        return [
            {"code": code, "name": name, "fields": [self[f"{base}_{code}"] for base in self.translated]}
            for code, name in LANGUAGES
        ]

    def translated_values(self) -> dict[str, Any]:
        return {
            f"{base}_{code}": self.cleaned_data[f"{base}_{code}"] for base in self.translated for code, _n in LANGUAGES
        }


class MoneyField(forms.DecimalField):
    """An amount in the store's currency, typed with up to two decimals and cleaned to integer cents."""

    default_error_messages = {"negative": _("The amount cannot be negative.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("localize", True)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def clean(self, value: Any) -> int | None:
        amount = super().clean(value)
        if amount is None:
            return None
        if amount < 0:
            raise ValidationError(self.error_messages["negative"], code="negative")
        return int(amount * 100)

    def prepare_value(self, value: Any) -> Any:
        # Initial values are cents; bound values are what was typed and stay as they are.
        if isinstance(value, int) and not isinstance(value, bool):
            value = (Decimal(value) / 100).quantize(Decimal("0.01"))
        return super().prepare_value(value)


def category_choices(rows: Iterable[tuple[Category, int]]) -> list[tuple[int, str]]:
    """``(category, depth)`` rows in tree order -> choices indented by depth."""
    return [(category.pk, "\u2003" * depth + str(category.name)) for category, depth in rows]


# Model fields whose form field is named otherwise, for ``orion.forms.add_service_error(field_names=...)``.
FORM_FIELD_NAMES = {"price_cents": "price", "compare_at_price_cents": "compare_at_price"}


# --- Products --------------------------------------------------------------


class ProductForm(TranslatedForm):
    """A product's own fields; variants and images come in formsets beside it."""

    translated = ("title", "description")

    slug = forms.SlugField(
        label=_("Slug"),
        max_length=200,
        required=False,
        help_text=_("The product's web address; made from the title when empty."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=ProductStatus.choices, initial=ProductStatus.DRAFT)
    price = MoneyField(label=_("Price"))
    compare_at_price = MoneyField(
        label=_("Compare-at price"), required=False, help_text=_("The former price, shown struck through.")
    )
    tax_class = forms.ChoiceField(label=_("Tax class"), choices=TaxClass.choices, initial=TaxClass.STANDARD)
    is_featured = forms.BooleanField(label=_("Featured"), required=False, help_text=_("Shown on the shop's home page."))

    def __init__(
        self,
        *args: Any,
        store: StoreRef,
        currency: str,
        category_rows: Sequence[tuple[Category, int]],
        attributes: Sequence[Attribute],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        translated_fields(self, "title", forms.CharField, label=_("Title"), max_length=200, required=True)
        translated_fields(
            self,
            "description",
            forms.CharField,
            label=_("Description"),
            widget=forms.Textarea(attrs={"rows": 6, "class": "rich-text"}),
        )
        for name in ("price", "compare_at_price"):
            self.fields[name].label = f"{self.fields[name].label} ({currency})"
        categories: forms.ModelMultipleChoiceField[Category] = forms.ModelMultipleChoiceField(
            label=_("Categories"), queryset=selectors.categories(store=store), required=False
        )
        self.fields["categories"] = categories
        categories.choices = category_choices(category_rows)
        categories.widget.attrs["size"] = min(max(len(category_rows), 3), 12)
        options: forms.ModelMultipleChoiceField[Attribute] = forms.ModelMultipleChoiceField(
            label=_("Options"),
            queryset=selectors.attributes(store=store),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The attributes the variants differ by, such as size or colour."),
        )
        self.fields["option_attributes"] = options
        options.choices = [(attribute.pk, str(attribute.name)) for attribute in attributes]

    def values(self) -> dict[str, Any]:
        """The ``values`` a product service takes."""
        data = self.cleaned_data
        values = self.translated_values()
        values.update(
            slug=data["slug"],
            status=data["status"],
            price_cents=data["price"],
            compare_at_price_cents=data["compare_at_price"],
            tax_class=data["tax_class"],
            is_featured=data["is_featured"],
        )
        return values


class VariantForm(forms.Form):
    """One variant: its SKU, a value of each option (``option_<attribute id>``), and prices if not the product's."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    sku = forms.CharField(label=_("SKU"), max_length=64)
    price = MoneyField(label=_("Price"), required=False, help_text=_("Empty: the product's price."))
    compare_at_price = MoneyField(label=_("Compare-at price"), required=False)

    def __init__(self, *args: Any, attributes: Sequence[Attribute], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for attribute in attributes:
            field = forms.TypedChoiceField(
                label=str(attribute.name),
                coerce=int,
                empty_value=None,
                required=False,
                choices=[("", "—"), *((value.pk, str(value.value)) for value in attribute.values.all())],
            )
            field.attribute_id = attribute.pk  # type: ignore[attr-defined]  # which attribute the field chooses for
            self.fields[f"option_{attribute.pk}"] = field

    def options(self) -> list[forms.BoundField]:
        """A select per attribute of the store; the page shows those of the product's options."""
        return [self[name] for name in self.fields if name.startswith("option_")]

    def option_values(self, attributes: Iterable[Attribute]) -> tuple[int, ...]:
        """The chosen value ids of ``attributes`` (the product's options; other selects are ignored)."""
        chosen = (self.cleaned_data.get(f"option_{attribute.pk}") for attribute in attributes)
        return tuple(value for value in chosen if value is not None)

    def clean_sku(self) -> str:
        sku: str = self.cleaned_data["sku"].strip()
        return sku


class BaseVariantFormSet(forms.BaseFormSet[VariantForm]):
    """The product's variants; the service checks SKUs and options against each other and the store."""

    def kept_forms(self) -> list[VariantForm]:
        """Rows with a SKU not marked for deletion: every existing variant's, changed or not, and the filled new ones.

        The list is the product's full new set of variants (the service deletes the others),
        so an existing variant left as it was must stay in it.
        """
        return [
            form
            for index, form in enumerate(self.forms)
            if (index < self.initial_form_count() or form.has_changed())
            and not self._should_delete_form(form)  # type: ignore[attr-defined]  # Django's, not in the stubs
            and form.cleaned_data.get("sku")
        ]


VariantFormSet = forms.formset_factory(VariantForm, formset=BaseVariantFormSet, extra=1, can_delete=True)


class AltTextForm(forms.Form):
    """An image's alt text in the language the page is shown in (other languages fall back to English)."""

    alt_text = forms.CharField(
        label=_("Alt text"), max_length=200, required=False, help_text=_("Describes the image for screen readers.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = get_language()
        self.fields["alt_text"].label = _("Alt text (%(language)s)") % {"language": dict(LANGUAGES)[self.language]}

    def alt_text_values(self) -> dict[str, str]:
        return {f"alt_text_{self.language}": self.cleaned_data["alt_text"]}


class ImageUploadForm(AltTextForm):
    """A new image and its description; ``catalog.images`` checks the file (the view calls it)."""

    field_order = ["image", "alt_text"]

    image = forms.FileField(label=_("Image"), widget=forms.ClearableFileInput(attrs={"accept": "image/*"}))


ImageUploadFormSet = forms.formset_factory(ImageUploadForm, extra=3)


class ImageEditForm(AltTextForm):
    """An existing image: its description and place; ``DELETE`` removes it."""

    id = forms.IntegerField(widget=forms.HiddenInput)
    position = forms.IntegerField(label=_("Position"), min_value=0)


ImageEditFormSet = forms.formset_factory(ImageEditForm, extra=0, can_delete=True)


class BulkActionForm(forms.Form):
    """An action on the products ticked in the list."""

    ACTIONS = (("publish", _("Publish")), ("archive", _("Archive")), ("delete", _("Delete drafts")))

    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    ids = forms.TypedMultipleChoiceField(coerce=int, error_messages={"required": _("Tick at least one product.")})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Any id is acceptable here: the services act on the store's products among them and nothing else.
        ids = [value for value in self.data.getlist("ids") if value.isdigit()]  # type: ignore[attr-defined]  # a QueryDict
        self.fields["ids"].choices = [(value, value) for value in ids]  # type: ignore[attr-defined]  # a choice field


# --- Categories ------------------------------------------------------------


class CategoryForm(TranslatedForm):
    """A category: names and descriptions per language, its place in the tree, and visibility."""

    translated = ("name", "description")

    slug = forms.SlugField(
        label=_("Slug"), max_length=100, required=False, help_text=_("Made from the name when empty.")
    )
    position = forms.IntegerField(label=_("Position"), min_value=0, initial=0)
    is_active = forms.BooleanField(label=_("Visible in the shop"), required=False, initial=True)

    def __init__(self, *args: Any, store: StoreRef, parent_rows: Sequence[tuple[Category, int]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_fields(self, "name", forms.CharField, label=_("Name"), max_length=100, required=True)
        translated_fields(
            self, "description", forms.CharField, label=_("Description"), widget=forms.Textarea(attrs={"rows": 3})
        )
        parent: forms.ModelChoiceField[Category] = forms.ModelChoiceField(
            label=_("Parent"),
            queryset=selectors.categories(store=store),
            required=False,
            empty_label=_("— none (top level) —"),
        )
        self.fields["parent"] = parent
        parent.choices = [("", parent.empty_label), *category_choices(parent_rows)]
        self.allowed_parents = {category.pk for category, _depth in parent_rows}

    def clean_parent(self) -> Category | None:
        parent: Category | None = self.cleaned_data["parent"]
        if parent is not None and parent.pk not in self.allowed_parents:
            raise ValidationError(_("A category cannot be placed under itself or one of its subcategories."))
        return parent

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **self.translated_values(),
            "slug": data["slug"],
            "position": data["position"],
            "is_active": data["is_active"],
        }


# --- Attributes ------------------------------------------------------------


class AttributeForm(TranslatedForm):
    """An attribute such as size or colour: its name per language, code and place."""

    translated = ("name",)

    slug = forms.SlugField(
        label=_("Code"), max_length=100, required=False, help_text=_("Made from the name when empty.")
    )
    position = forms.IntegerField(label=_("Position"), min_value=0, initial=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_fields(self, "name", forms.CharField, label=_("Name"), max_length=100, required=True)

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {**self.translated_values(), "slug": data["slug"], "position": data["position"]}


class AttributeValueForm(TranslatedForm):
    """One value of an attribute ("M", "red") per language; ``DELETE`` removes it."""

    translated = ("value",)

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    slug = forms.SlugField(label=_("Code"), max_length=100, required=False)
    position = forms.IntegerField(label=_("Position"), min_value=0, initial=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translated_fields(self, "value", forms.CharField, label=_("Value"), max_length=100, required=True)

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {**self.translated_values(), "slug": data["slug"], "position": data["position"]}


AttributeValueFormSet = forms.formset_factory(AttributeValueForm, extra=3, can_delete=True)

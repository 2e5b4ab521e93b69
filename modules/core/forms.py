"""Forms of the core module's store pages.

Plain forms, not model forms: a model form writes into the instance while
it validates, and the store of a request is shared with the tenant cache.
The views pass the cleaned data to the services.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.forms import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modules.tenancy.interface import Store
from orion.types import StrOrPromise


def _model_field(name: str, **kwargs: Any) -> forms.Field:
    """The form field Django derives from a Store field (max length, choices, email check)."""
    # ``name`` is an editable, concrete field of Store: never a relation's other side, never without a form field.
    return Store._meta.get_field(name).formfield(**kwargs)  # type: ignore[union-attr, return-value]


def translated_names(field: str) -> list[str]:
    """``tagline`` -> ``["tagline_en", "tagline_de", ...]`` in the order of LANGUAGES."""
    return [f"{field}_{code}" for code, _name in settings.LANGUAGES]


class StoreSettingsForm(forms.Form):
    """The store's name, contact email, and tagline and description in each language."""

    name = _model_field("name")
    contact_email = _model_field("contact_email", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tagline_length = Store._meta.get_field("tagline").max_length
        for code, language in settings.LANGUAGES:
            self.fields[f"tagline_{code}"] = forms.CharField(
                label=_("Tagline (%(language)s)") % {"language": language},
                max_length=tagline_length,
                required=False,
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": language},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
            )

    @classmethod
    def initial_for(cls, store: Store) -> dict[str, Any]:
        names = ["name", "contact_email", *translated_names("tagline"), *translated_names("description")]
        return {name: getattr(store, name) or "" for name in names}

    def languages(self) -> list[tuple[StrOrPromise, BoundField, BoundField]]:
        """(language name, tagline field, description field) per language, for the template."""
        return [(name, self[f"tagline_{code}"], self[f"description_{code}"]) for code, name in settings.LANGUAGES]


class StoreLocalisationForm(forms.Form):
    """The store's default language and currency (``core.manage_localisation``)."""

    default_language = _model_field("default_language")
    currency = _model_field("currency")

    @classmethod
    def initial_for(cls, store: Store) -> dict[str, Any]:
        return {"default_language": store.default_language, "currency": store.currency}


class ProfileForm(forms.Form):
    """The user's own name and preferred language (kept in the language cookie)."""

    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)


class ApiKeyCreateForm(forms.Form):
    """A new API key: a name to recognise it by, and an optional last day of validity."""

    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("What the key is for, for example “ERP sync”."))
    expires_on = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The key stops working at the end of this day. Leave empty for a key that does not expire."),
    )

    def clean_expires_on(self) -> datetime.date | None:
        day = self.cleaned_data.get("expires_on")
        if day is not None and day < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day."))
        return day

    def expires_at(self) -> datetime.datetime | None:
        """The end of the chosen day in the current time zone."""
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))

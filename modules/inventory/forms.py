"""Forms of the inventory pages: they validate input; the services decide and write.

Location choices are the given store's (``selectors.locations``), so a form
offers (and accepts) only that store's locations.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from orion.types import StoreRef, StrOrPromise

from . import selectors
from .models import StockLocation
from .models.stock import MovementReason


def location_field(
    label: StrOrPromise, *, store: StoreRef, active_only: bool = True
) -> forms.ModelChoiceField[StockLocation]:
    """The store's locations; inactive ones take no new stock, so only a transfer's source may be one."""
    locations = selectors.locations(store=store, active_only=active_only)
    return forms.ModelChoiceField(label=label, queryset=locations, empty_label=None)


class StockAdjustForm(forms.Form):
    """Stock received, written off or counted at one location.

    "Add" and "remove" record a change; "count" records the quantity found,
    and the movement is the difference to the recorded level.
    """

    MODE_ADD, MODE_REMOVE, MODE_COUNT = "add", "remove", "count"
    MODES = [
        (MODE_ADD, _("Add to the stock")),
        (MODE_REMOVE, _("Remove from the stock")),
        (MODE_COUNT, _("Set the counted quantity")),
    ]
    # Sales and transfers are recorded by orders and by the transfer form, not by hand.
    REASONS = [
        choice for choice in MovementReason.choices if choice[0] not in (MovementReason.SOLD, MovementReason.TRANSFER)
    ]

    mode = forms.ChoiceField(label=_("What to do"), choices=MODES, initial=MODE_ADD, widget=forms.RadioSelect)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=0, max_value=1_000_000)
    reason = forms.ChoiceField(label=_("Reason"), choices=REASONS, initial=MovementReason.RECEIVED)
    reference = forms.CharField(
        label=_("Reference"), max_length=100, required=False, help_text=_("Delivery note, count sheet, ...")
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args: Any, store: StoreRef, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {"location": location_field(_("Location"), store=store), **self.fields}

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns
        if cleaned.get("mode") in (self.MODE_ADD, self.MODE_REMOVE) and cleaned.get("quantity") == 0:
            self.add_error("quantity", _("Enter a quantity of at least 1."))
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        """The keyword arguments of ``services.stock_adjust`` this form stands for."""
        data = self.cleaned_data
        amount: dict[str, int]
        if data["mode"] == self.MODE_COUNT:
            amount = {"count": data["quantity"]}
        else:
            amount = {"delta": data["quantity"] if data["mode"] == self.MODE_ADD else -data["quantity"]}
        return {
            "location": data["location"],
            "reason": data["reason"],
            "reference": data["reference"],
            "note": data["note"],
            **amount,
        }


class StockTransferForm(forms.Form):
    """Move units of an item from one location to another."""

    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=1_000_000)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args: Any, store: StoreRef, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {
            "source": location_field(_("From"), store=store, active_only=False),
            "destination": location_field(_("To"), store=store),
            **self.fields,
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns
        source, destination = cleaned.get("source"), cleaned.get("destination")
        if source is not None and source == destination:
            self.add_error("destination", _("Choose a location other than the one the stock leaves."))
        return cleaned


class LowStockThresholdForm(forms.Form):
    low_stock_threshold = forms.IntegerField(
        label=_("Low-stock threshold"),
        min_value=0,
        max_value=1_000_000,
        required=False,
        help_text=_("Warn when the available quantity falls to this number or below. Empty: never warn."),
    )


class StockLocationForm(forms.ModelForm[StockLocation]):
    """A location's fields; the services save it (``location_create`` / ``location_update``)."""

    class Meta:
        model = StockLocation
        fields = ["name", "code", "address", "is_active", "position"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"is_active": _("Inactive locations keep their history but take no new stock.")}

    def __init__(self, *args: Any, store: StoreRef, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.store = store

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].lower()
        if selectors.location_code_taken(store=self.store, code=code, exclude=self.instance):
            raise ValidationError(_("Another location of this store already has this code."))
        return code

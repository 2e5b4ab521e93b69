"""``orion.forms.add_service_error``: a service's refusal lands on the field it is about."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from orion.exceptions import OrionError
from orion.forms import add_service_error, error_field


class PriceForm(forms.Form):
    sku = forms.CharField()
    price = forms.IntegerField()


def bound() -> PriceForm:
    form = PriceForm({"sku": "TENT-1", "price": "1250"})
    assert form.is_valid()
    return form


class ShortOfStock(OrionError):
    code = "insufficient_stock"
    default_message = "Not enough stock."


# --- error_field -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("sku", "sku", id="a field of the form"),
        pytest.param("price_cents", "price", id="a model field renamed by the mapping"),
        pytest.param("slug", None, id="no such field: the form's"),
        pytest.param(None, None, id="no name: the form's"),
        pytest.param(NON_FIELD_ERRORS, None, id="django's non-field key: the form's"),
    ],
)
def test_error_field_names_the_form_field_or_none(name, expected):
    assert error_field(bound(), name, field_names={"price_cents": "price"}) == expected


# --- ValidationError (a model's full_clean() in a service) ------------------------


def test_a_validation_error_dict_goes_on_its_fields():
    form = bound()

    add_service_error(form, ValidationError({"sku": ["Taken."], "slug": ["Bad slug."]}))

    assert form.errors["sku"] == ["Taken."]
    assert form.non_field_errors() == ["Bad slug."]
    assert "sku" not in form.cleaned_data


def test_a_validation_error_dict_is_mapped_to_the_forms_field_names():
    form = bound()

    add_service_error(form, ValidationError({"price_cents": ["Too high."]}), field_names={"price_cents": "price"})

    assert form.errors["price"] == ["Too high."]
    assert not form.non_field_errors()


def test_without_the_mapping_a_model_field_name_goes_on_the_form():
    form = bound()

    add_service_error(form, ValidationError({"price_cents": ["Too high."]}))

    assert form.non_field_errors() == ["Too high."]


def test_a_validation_error_list_goes_on_the_form():
    form = bound()

    add_service_error(form, ValidationError(["First.", "Second."]))

    assert form.non_field_errors() == ["First.", "Second."]


# --- OrionError (a service's refusal with a stable code) --------------------------


def test_an_orion_error_without_errors_shows_its_message_on_the_form():
    form = bound()

    add_service_error(form, ShortOfStock())

    assert form.non_field_errors() == ["Not enough stock."]
    assert not any(form.errors.get(name) for name in form.fields)


def test_an_orion_errors_field_keys_go_on_the_fields_and_the_message_is_not_repeated():
    form = bound()

    add_service_error(form, OrionError("SKU taken.", errors={"sku": ["SKU taken."]}))

    assert form.errors["sku"] == ["SKU taken."]
    assert not form.non_field_errors()


def test_an_orion_errors_other_keys_are_details_after_the_message():
    form = bound()

    add_service_error(form, ShortOfStock(errors={"TENT-1": ["2 available"], "TENT-2": ["none available"]}))

    assert form.non_field_errors() == ["Not enough stock. 2 available none available"]


def test_an_orion_error_with_field_and_detail_keys_shows_both():
    form = bound()

    add_service_error(form, ShortOfStock(errors={"price": ["Too low."], "TENT-2": ["none available"]}))

    assert form.errors["price"] == ["Too low."]
    assert form.non_field_errors() == ["Not enough stock. none available"]


def test_an_orion_errors_keys_are_mapped_to_the_forms_field_names():
    form = bound()

    add_service_error(
        form, OrionError("Too high.", errors={"price_cents": ["Too high."]}), field_names={"price_cents": "price"}
    )

    assert form.errors["price"] == ["Too high."]
    assert not form.non_field_errors()


def test_a_single_problem_given_as_a_string_is_one_problem():
    form = bound()

    add_service_error(form, OrionError("Refused.", errors={"sku": "Taken."}))

    assert form.errors["sku"] == ["Taken."]

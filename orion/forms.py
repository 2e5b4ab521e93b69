"""A service's refusal shown on the form that asked for it.

Views validate input with a form and call a service; the service refuses
with an ``OrionError`` (a stable code, a message, and ``errors`` keyed by
field or by detail) or, from a model's ``full_clean()``, a Django
``ValidationError``. ``add_service_error`` puts either on the form, each
problem on the field it is about, so every page answers a refusal alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from orion.exceptions import OrionError


def error_field(form: forms.BaseForm, name: str | None, *, field_names: Mapping[str, str] | None = None) -> str | None:
    """The form field a problem named ``name`` belongs on, ``None`` for the form as a whole.

    ``field_names`` maps a model's field names to the form's where they differ
    (``{"price_cents": "price"}``); a name the form has no field for is the form's.
    """
    if name is None or name == NON_FIELD_ERRORS:
        return None
    name = (field_names or {}).get(name, name)
    return name if name in form.fields else None


def add_service_error(
    form: forms.BaseForm, error: OrionError | ValidationError, *, field_names: Mapping[str, str] | None = None
) -> None:
    """Show a service's refusal on ``form``.

    - ``ValidationError`` with a dict: each field's problems on that field
      (through ``field_names``), the others on the form; with a list: on the form.
    - ``OrionError``: its ``errors`` whose key names a field go on that field;
      the other keys are details (the SKUs short of stock, ...), shown after the
      message as one error of the form. The message is shown unless every
      problem found its field (then it would say the same thing twice).
    """
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            for name, problems in error.error_dict.items():
                form.add_error(error_field(form, name, field_names=field_names), problems)
        else:
            form.add_error(None, error)
        return
    details: list[str] = []
    placed = False
    for name, found in (error.errors or {}).items():
        listed: list[str] = [found] if isinstance(found, str) else list(found)
        field = error_field(form, name, field_names=field_names)
        if field is None:
            details.extend(str(problem) for problem in listed)
        else:
            form.add_error(field, listed)
            placed = True
    if details or not placed:
        form.add_error(None, " ".join([error.message, *details]))

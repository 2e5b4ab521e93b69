"""What the catalog's services share: translated columns, slugs, related-object lookups."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def columns(field: str) -> list[str]:
    """The per-language columns of a translated field: ``title_en``, ``title_de``, ..."""
    return [f"{field}_{code}" for code in LANGUAGES]


def apply_values(instance: models.Model, values: dict[str, Any], allowed: Iterable[str]) -> list[str]:
    """Set ``values`` on ``instance``; returns the names set. An unknown name is a programming error."""
    allowed = set(allowed)
    unknown = set(values) - allowed
    if unknown:
        raise TypeError(f"{type(instance).__name__} has no editable field(s) {sorted(unknown)}")
    for name, value in values.items():
        setattr(instance, name, value)
    return list(values)


def require_default_language(instance: models.Model, field: str) -> None:
    """The default language's column of a translated field must be filled: it is every other language's fallback."""
    column = f"{field}_{DEFAULT_LANGUAGE}"
    if not (getattr(instance, column) or "").strip():
        raise ValidationError({column: [_("This field is required.")]})


def unique_slug(
    model: type[models.Model],
    *,
    wanted: str,
    source: str,
    fallback: str,
    exclude_pk: Any = None,
    **scope_filter: Any,
) -> str:
    """A slug unique among ``model`` rows matching ``scope_filter``.

    An explicit ``wanted`` slug must be free (else a field error); without one
    the slug comes from ``source`` with -2, -3, ... added until it is free.
    """
    max_length: int = model._meta.get_field("slug").max_length  # type: ignore[union-attr, assignment]  # a CharField
    taken_rows = model._base_manager.filter(**scope_filter).exclude(pk=exclude_pk)
    if wanted:
        if taken_rows.filter(slug=wanted).exists():
            raise ValidationError({"slug": [_("This slug is already used; choose another.")]})
        return wanted
    base = (slugify(source) or fallback)[: max_length - 6].strip("-") or fallback
    taken = set(taken_rows.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


MAX_ID = 2**63 - 1  # the largest primary key a database holds; bigger ids overflow SQLite's driver


def as_id(value: Any) -> int | None:
    """``value`` (an instance, int or digit string) as a primary key, or None if it cannot be one."""
    value = getattr(value, "pk", value)
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


def resolve(model: type[models.Model], items: Iterable[Any], *, field: str) -> list[Any]:
    """The ``model`` rows of the current store for ``items`` (instances or ids), in the given order.

    Goes through the scoped manager, so an id of another store's row is
    "not found": a field error, never a silent link across stores.
    """
    given = list(items)
    if not given:
        return []
    ids = [as_id(item) for item in given]
    # Every model read here has the store-scoped ``objects`` manager.
    found = model.objects.in_bulk([pk for pk in ids if pk is not None])  # type: ignore[attr-defined]
    missing = [getattr(item, "pk", item) for item, pk in zip(given, ids, strict=True) if pk not in found]
    if missing:
        raise ValidationError({field: [_("Unknown or not of this store: %(ids)s.") % {"ids": missing}]})
    return [found[pk] for pk in dict.fromkeys(ids)]


def on_commit(callback: Callable[[], Any]) -> None:
    transaction.on_commit(callback, robust=True)

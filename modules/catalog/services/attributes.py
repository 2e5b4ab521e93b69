"""Writes of option attributes (size, colour) and their values.

Slugs are unique per store (attributes) and per attribute (values). What
variants still use cannot be deleted: an attribute that is a product's
option, or a value a variant has (``AttributeInUseError`` says how many).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import ngettext

from modules.contracts.protocols import StoreRef
from modules.inventory import interface as inventory
from modules.tenancy.interface import Store
from orion.services import ensure_in_store, record_changed, record_created, record_deleted, snapshot, store_write

from ..exceptions import AttributeInUseError, AttributeNotFoundError
from ..models import Attribute, AttributeValue, Product, Variant
from ._common import DEFAULT_LANGUAGE, apply_values, columns, require_default_language, unique_slug
from .products import variant_name

ATTRIBUTE_FIELDS = frozenset({*columns("name"), "slug", "position"})
VALUE_FIELDS = frozenset({*columns("value"), "slug", "position"})
# What the audit trail keeps of attributes and their values.
AUDITED = (*columns("name"), "slug", "position")
AUDITED_VALUE = (*columns("value"), "slug", "position")



def _save_attribute(store: StoreRef, attribute: Attribute, values: dict[str, Any]) -> Attribute:
    require_default_language(attribute, "name")
    if "slug" in values or attribute.pk is None:
        attribute.slug = unique_slug(
            Attribute,
            wanted=values.get("slug") or "",
            source=getattr(attribute, f"name_{DEFAULT_LANGUAGE}"),
            fallback="attribute",
            exclude_pk=attribute.pk,
            store=store,
        )
    attribute.full_clean(exclude=["store"], validate_constraints=False)
    attribute.save()
    return attribute


@store_write(changes_shop=True)
def attribute_create(*, store: Store, actor: Any, values: dict[str, Any]) -> Attribute:
    """A new attribute (``name_en`` required; slug from it when empty)."""
    attribute = Attribute(store=store)
    apply_values(attribute, values, ATTRIBUTE_FIELDS)
    _save_attribute(store, attribute, values)
    record_created(attribute, "catalog.attribute.created", AUDITED)
    return attribute


@store_write(changes_shop=True)
def attribute_update(*, store: StoreRef, actor: Any, attribute: Attribute, values: dict[str, Any]) -> Attribute:
    ensure_in_store(attribute, store, AttributeNotFoundError)
    attribute = Attribute.objects.select_for_update().get(pk=attribute.pk)
    before = snapshot(attribute, AUDITED)
    apply_values(attribute, values, ATTRIBUTE_FIELDS)
    _save_attribute(store, attribute, values)
    record_changed(attribute, "catalog.attribute.updated", before=before)
    return attribute


@store_write(changes_shop=True)
def attribute_delete(*, store: StoreRef, actor: Any, attribute: Attribute) -> None:
    """Delete an attribute and its values; refused while a product has it as an option."""
    ensure_in_store(attribute, store, AttributeNotFoundError)
    used_by = Product.objects.filter(option_attributes=attribute).count()
    if used_by:
        raise AttributeInUseError(
            ngettext(
                "%(count)d product has this attribute as an option; remove it there first.",
                "%(count)d products have this attribute as an option; remove it there first.",
                used_by,
            )
            % {"count": used_by}
        )
    record_deleted(attribute, "catalog.attribute.deleted", AUDITED)
    Attribute.objects.filter(pk=attribute.pk).delete()


def _save_value(store: StoreRef, value: AttributeValue, values: dict[str, Any]) -> AttributeValue:
    require_default_language(value, "value")
    if "slug" in values or value.pk is None:
        value.slug = unique_slug(
            AttributeValue,
            wanted=values.get("slug") or "",
            source=getattr(value, f"value_{DEFAULT_LANGUAGE}"),
            fallback="value",
            exclude_pk=value.pk,
            attribute=value.attribute_id,
        )
    value.full_clean(exclude=["store", "attribute"], validate_constraints=False)
    value.save()
    return value


@store_write(changes_shop=True)
def attribute_value_create(*, store: Store, actor: Any, attribute: Attribute, values: dict[str, Any]) -> AttributeValue:
    """A new value of ``attribute`` (``value_en`` required; slug unique within the attribute)."""
    ensure_in_store(attribute, store, AttributeNotFoundError)
    value = AttributeValue(store=store, attribute=attribute)
    apply_values(value, values, VALUE_FIELDS)
    _save_value(store, value, values)
    record_created(value, "catalog.attribute_value.created", AUDITED_VALUE)
    return value


@store_write(changes_shop=True)
def attribute_value_update(
    *, store: StoreRef, actor: Any, attribute_value: AttributeValue, values: dict[str, Any]
) -> AttributeValue:
    ensure_in_store(attribute_value, store, AttributeNotFoundError)
    value = AttributeValue.objects.select_for_update().get(pk=attribute_value.pk)
    before = snapshot(value, AUDITED_VALUE)
    old_name = getattr(value, f"value_{DEFAULT_LANGUAGE}")
    apply_values(value, values, VALUE_FIELDS)
    value = _save_value(store, value, values)
    record_changed(value, "catalog.attribute_value.updated", before=before)
    if getattr(value, f"value_{DEFAULT_LANGUAGE}") != old_name:
        _rename_stock_items(store, value)
    return value


def _rename_stock_items(store: StoreRef, value: AttributeValue) -> None:
    """Stock items are named after their variant's options ("Shirt / M"): follow a renamed value."""
    variants = (
        Variant.objects.filter(option_values=value, stock_item__isnull=False)
        .select_related("product")
        .prefetch_related("option_values")
    )
    for variant in variants:
        name = variant_name(variant.product, variant.option_values.all())
        inventory.stock_item_update(store=store, item_id=variant.stock_item_id, name=name)  # type: ignore[arg-type]  # not null here


@store_write(changes_shop=True)
def attribute_value_delete(*, store: StoreRef, actor: Any, attribute_value: AttributeValue) -> None:
    """Delete a value; refused while a variant has it."""
    ensure_in_store(attribute_value, store, AttributeNotFoundError)
    used_by = Variant.objects.filter(option_values=attribute_value).count()
    if used_by:
        raise AttributeInUseError(
            ngettext(
                "%(count)d variant has this value; change or delete that variant first.",
                "%(count)d variants have this value; change or delete those variants first.",
                used_by,
            )
            % {"count": used_by}
        )
    record_deleted(attribute_value, "catalog.attribute_value.deleted", AUDITED_VALUE)
    AttributeValue.objects.filter(pk=attribute_value.pk).delete()

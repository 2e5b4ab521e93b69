"""Writes of the category tree.

A category's parent is a category of the same store, never the category
itself or one of its descendants (``CategoryCycleError``). Deleting a
category moves its subcategories up to its own parent, so nothing below it
is lost; its products simply leave it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store
from orion.services import ensure_in_store, record_changed, record_created, record_deleted, snapshot, store_write

from ..exceptions import CategoryCycleError, CategoryNotFoundError
from ..models import Category
from ..richtext import sanitize_html
from ._common import DEFAULT_LANGUAGE, apply_values, columns, require_default_language, unique_slug

CATEGORY_FIELDS = frozenset({*columns("name"), *columns("description"), "slug", "position", "is_active"})
# What the audit trail keeps of a category (descriptions are long: their change shows, not their text).
AUDITED = (*columns("name"), "slug", "parent", "position", "is_active")
UNCHANGED: Any = object()



def _check_parent(store: StoreRef, category: Category | None, parent: Any) -> Category | None:
    """The parent row (scoped), refusing another store's category and cycles."""
    if parent is None:
        return None
    parent_id = getattr(parent, "pk", parent)
    found = Category.objects.filter(pk=parent_id).first()
    if found is None:
        raise ValidationError({"parent": [_("Choose a category of this store.")]})
    if category is not None and category.pk is not None:
        parents = dict(Category.objects.values_list("pk", "parent_id"))
        node: Any = found.pk
        while node is not None:
            if node == category.pk:
                raise CategoryCycleError(errors={"parent": [str(CategoryCycleError.default_message)]})
            node = parents.get(node)
    return found


def _save(store: StoreRef, category: Category, values: dict[str, Any]) -> Category:
    for column in columns("description"):
        setattr(category, column, sanitize_html(getattr(category, column) or ""))
    require_default_language(category, "name")
    if "slug" in values or category.pk is None:
        category.slug = unique_slug(
            Category,
            wanted=values.get("slug") or "",
            source=getattr(category, f"name_{DEFAULT_LANGUAGE}"),
            fallback="category",
            exclude_pk=category.pk,
            store=store,
        )
    category.full_clean(exclude=["store", "parent"], validate_constraints=False)
    category.save()
    return category


@store_write(changes_shop=True)
def category_create(*, store: Store, actor: Any, values: dict[str, Any], parent: Any = None) -> Category:
    """A new category (``name_en`` required; slug from the English name when empty), under ``parent`` or at the top."""
    category = Category(store=store, parent=_check_parent(store, None, parent))
    apply_values(category, values, CATEGORY_FIELDS)
    _save(store, category, values)
    record_created(category, "catalog.category.created", AUDITED)
    return category


@store_write(changes_shop=True)
def category_update(
    *, store: StoreRef, actor: Any, category: Category, values: dict[str, Any], parent: Any = UNCHANGED
) -> Category:
    """Change a category; ``parent`` moves it (``None``: to the top), left out it stays where it is."""
    ensure_in_store(category, store, CategoryNotFoundError)
    category = Category.objects.select_for_update().get(pk=category.pk)
    before = snapshot(category, AUDITED)
    if parent is not UNCHANGED:
        category.parent = _check_parent(store, category, parent)
    apply_values(category, values, CATEGORY_FIELDS)
    _save(store, category, values)
    record_changed(category, "catalog.category.updated", before=before)
    return category


@store_write(changes_shop=True)
def category_delete(*, store: StoreRef, actor: Any, category: Category) -> None:
    """Delete a category; its subcategories move up to its parent, its products stay (outside it)."""
    ensure_in_store(category, store, CategoryNotFoundError)
    record_deleted(category, "catalog.category.deleted", AUDITED)
    Category.objects.filter(parent=category).update(parent=category.parent_id)
    Category.objects.filter(pk=category.pk).delete()

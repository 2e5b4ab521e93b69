"""Reads of the audit trail: a store's activity, and one object's history."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from orion.types import StoreRef

from .models import AuditEntry


def object_key(obj: Model) -> str:
    """How an object is named in an activity link: ``catalog.product:12``."""
    return f"{obj._meta.app_label}.{obj._meta.model_name}:{obj.pk}"


def store_activity(*, store: StoreRef, object: str = "", module: str = "") -> QuerySet[AuditEntry]:
    """The store's entries, newest first; ``object`` (an ``object_key``) or ``module`` narrows them.

    An ``object`` that names no model gives no entries rather than an error: it comes from a URL.
    """
    # A StoreRef is the model of settings.ORION_STORE_MODEL, which the foreign key names.
    entries = AuditEntry.objects.filter(store=store).select_related("content_type", "actor")  # type: ignore[misc]
    if module:
        entries = entries.filter(action__startswith=f"{module}.")
    if object:
        label, _, pk = object.partition(":")
        app_label, _, model = label.partition(".")
        try:
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
        except ContentType.DoesNotExist:
            return entries.none()
        entries = entries.filter(content_type=content_type, object_id=pk)
    return entries


def object_history(obj: Model, *, limit: int = 5) -> list[AuditEntry]:
    """The latest entries about ``obj`` (a row of a store), newest first."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    entries = AuditEntry.objects.filter(store_id=obj.store_id, content_type=content_type, object_id=str(obj.pk))  # type: ignore[attr-defined]
    return list(entries.select_related("content_type", "actor")[:limit])


def entries_about(model: type[Model], object_id: Any, *, limit: int = 100) -> QuerySet[AuditEntry]:
    """The latest entries about one object, whatever its store (for Django admin, which confines by platform)."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    entries = AuditEntry.objects.filter(content_type=content_type, object_id=str(object_id))
    return entries.select_related("content_type")[:limit]

"""The service idiom: how every write of a module's store data runs.

A module's write is a keyword-only function decorated with ``@store_write``::

    @store_write(changes_shop=True)
    def product_update(*, store: StoreRef, actor: Actor, product: Product, values: dict[str, Any]) -> Product:
        before = snapshot(product, AUDITED_FIELDS)
        ...
        record_changed(product, "catalog.product.updated", before=before)
        return product

``store_write`` gives the function, in one place:

* the store's tenant scope (django-scopes), whatever scope the caller has
  open, so another store's row is "not found";
* one transaction: a refused write leaves nothing behind, audit entries
  included;
* the acting user: ``actor`` when given, else the actor of the write that
  called this one (catalog creating stock items through inventory's
  interface), else nobody (a task, the system);
* the storefront page cache dropped once per outer write when any write
  inside it declared ``changes_shop``: a product with N variants bumps the
  store's content version once, not once per stock item.

Writes nest: a store write called inside another of the same store joins it
(a savepoint, the same actor, entries and cache bump of the outer one); when
it fails and the outer write carries on, its entries are dropped with its
savepoint.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, overload

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django_scopes import scope

from orion.audit.models import AuditEntry
from orion.page_cache import store_content_changed

if TYPE_CHECKING:
    from orion.accounts.models import User
    from orion.types import Actor, StoreRef

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class StoreWrite:
    """The outer store write in progress: whose it is and what it has collected."""

    store: StoreRef
    actor: Actor
    changes_shop: bool = False
    entries: list[AuditEntry] = field(default_factory=list)

    @property
    def user(self) -> User | None:
        """The actor as a saved user, or ``None`` (anonymous, a task)."""
        return self.actor if self.actor is not None and self.actor.pk else None


_current: ContextVar[StoreWrite | None] = ContextVar("orion_store_write", default=None)


def current_write() -> StoreWrite:
    """The store write in progress; calling this outside one is a programming error."""
    write = _current.get()
    if write is None:
        raise RuntimeError("No store write in progress: decorate the service with @orion.services.store_write.")
    return write


@overload
def store_write(func: Callable[P, R], /) -> Callable[P, R]: ...


@overload
def store_write(
    *, changes_shop: bool = False, actor: str = "actor", store_from: str | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]: ...


def store_write(
    func: Any = None, /, *, changes_shop: bool = False, actor: str = "actor", store_from: str | None = None
) -> Any:
    """Run a service in its store's scope and transaction, with its actor, audit entries and cache bump.

    ``changes_shop`` marks a write shoppers may see (products, prices, stock):
    the store's cached storefront pages are dropped once the outer write is done.
    ``actor`` names the keyword argument holding the acting user, for a service
    whose actor is its subject (``user`` of ``api_token_create``).
    ``store_from`` names the keyword argument whose ``.store`` is the store, for
    a service that takes a row of the store rather than ``store=``
    (``store_from="membership"`` of ``membership_remove(*, membership, actor)``).
    """
    actor_argument = actor

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(service)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            # Every store write takes store=, or the row of the store that store_from names.
            holder: Any = kwargs["store"] if store_from is None else kwargs[store_from]
            store: StoreRef = holder if store_from is None else holder.store
            outer = _current.get()
            if outer is not None and outer.store.pk == store.pk:
                outer.changes_shop |= changes_shop
                kept = len(outer.entries)
                try:
                    with transaction.atomic():
                        return service(*args, **kwargs)
                except BaseException:
                    del outer.entries[kept:]  # its savepoint rolled back, its entries go too
                    raise
            acting: Actor = kwargs.get(actor_argument)  # type: ignore[assignment]  # it holds the acting user
            write = StoreWrite(store=store, actor=acting if acting is not None else getattr(outer, "actor", None))
            write.changes_shop = changes_shop
            token = _current.set(write)
            try:
                with transaction.atomic(), scope(store=store):
                    result = service(*args, **kwargs)
                    if write.entries:
                        AuditEntry.objects.bulk_create(write.entries)
                    if write.changes_shop:
                        store_content_changed(store)
            finally:
                _current.reset(token)
            return result

        return wrapper

    return decorate(func) if func is not None else decorate


def ensure_in_store(obj: Any, store: StoreRef, not_found: type[Exception]) -> None:
    """Refuse a row of another store as ``not_found``: rows handed to a service may come from unscoped reads."""
    if obj.store_id != store.pk:
        raise not_found()


# --- The audit trail ----------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A field value as the audit trail keeps it: related rows by id, files by name, the rest as is."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of ``fields`` of ``obj`` now (foreign keys by id), to compare after the change."""
    values = {}
    for name in fields:
        model_field = obj._meta.get_field(name)
        attribute = name
        if isinstance(model_field, models.Field) and model_field.is_relation and model_field.many_to_one:
            attribute = model_field.attname
        values[name] = _plain(getattr(obj, attribute))
    return values


def _entry(obj: models.Model, action: str, changes: dict[str, list[Any]], object_repr: str | None = None) -> AuditEntry:
    write = current_write()
    user = write.user
    return AuditEntry(
        store=write.store,  # type: ignore[misc]  # a StoreRef is the model of settings.ORION_STORE_MODEL
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=(str(obj) if object_repr is None else object_repr)[:200],
        action=action,
        actor=user,
        actor_label=(getattr(user, "email", "") or str(user))[:254] if user is not None else "",
        changes=changes,
    )


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for the fields whose value differs; a missing or empty value is ``None``."""
    changes = {}
    for name in dict.fromkeys([*before, *after]):
        old, new = before.get(name), after.get(name)
        old, new = (None if old == "" else old), (None if new == "" else new)
        if old != new:
            changes[name] = [old, new]
    return changes


def record(
    obj: models.Model, action: str, changes: dict[str, list[Any]] | None = None, *, object_repr: str | None = None
) -> None:
    """Record ``action`` on ``obj`` in the current write, with explicit ``{field: [before, after]}`` changes.

    ``object_repr`` is the text the entry names the object by, when ``str(obj)`` is not it
    (a team member by their email rather than "email (role)").
    """
    current_write().entries.append(_entry(obj, action, changes or {}, object_repr))


def record_created(obj: models.Model, action: str, fields: Iterable[str], *, on: models.Model | None = None) -> None:
    """Record a new ``obj`` with the values of ``fields`` it has; ``on`` files it under another object
    (an image under its product)."""
    record(on or obj, action, changes_between({}, snapshot(obj, fields)))


def record_changed(obj: models.Model, action: str, *, before: dict[str, Any], on: models.Model | None = None) -> bool:
    """Record the fields of ``before`` (a ``snapshot``) whose value differs now; True when one did."""
    changes = changes_between(before, snapshot(obj, before))
    if changes:
        record(on or obj, action, changes)
    return bool(changes)


def record_deleted(obj: models.Model, action: str, fields: Iterable[str], *, on: models.Model | None = None) -> None:
    """Record ``obj`` as deleted, with the values of ``fields`` it had; call it before the delete."""
    record(on or obj, action, changes_between(snapshot(obj, fields), {}))

"""Celery tasks that respect module gating.

Declare a module's tasks with ``@module_task`` and pass ``platform_id``: when
the module is off for that platform the task does nothing and says so in the
log (a task queued before the module was disabled must not run after).

Pass ``store_id`` instead for work on one store: the task then runs inside
that store's tenant scope (django-scopes), like a request does, and is
skipped when the store no longer exists. A task given neither has no scope,
and a query on a store-scoped model in it raises.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ParamSpec, Protocol, TypeVar, overload

from celery import Task, shared_task
from django.apps import apps
from django_scopes import scope

from . import state
from .apps import ModuleAppConfig

logger = logging.getLogger("orion.modules")

P = ParamSpec("P")
R = TypeVar("R", covariant=True)

SKIPPED = "skipped:module_disabled"
SKIPPED_NO_STORE = "skipped:store_missing"


class TaskFunction(Protocol[P, R]):
    """A task as its callers see it (celery ships no type information)."""

    name: str

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...

    def delay(self, *args: P.args, **kwargs: P.kwargs) -> Any: ...

    def apply_async(self, *args: Any, **kwargs: Any) -> Any: ...


class ModuleTask(Task):  # type: ignore[misc]  # celery ships no type information
    abstract = True

    @property
    def module_code(self) -> str | None:
        config = apps.get_containing_app_config(self.run.__module__)
        return config.label if isinstance(config, ModuleAppConfig) else None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        platform_id, store = kwargs.get("platform_id"), None
        if kwargs.get("store_id") is not None:
            store = state.store_model().objects.filter(pk=kwargs["store_id"]).first()
            if store is None:
                logger.info("Task %s skipped: store %s does not exist", self.name, kwargs["store_id"])
                return SKIPPED_NO_STORE
            platform_id = store.platform_id
        code = self.module_code
        if platform_id is not None and code is not None and not state.is_enabled(platform_id, code):
            logger.info("Task %s skipped: module '%s' is disabled for platform %s", self.name, code, platform_id)
            return SKIPPED
        if store is None:
            return super().__call__(*args, **kwargs)
        with scope(store=store):
            return super().__call__(*args, **kwargs)


@overload
def module_task(func: Callable[P, R], /) -> TaskFunction[P, R]: ...


@overload
def module_task(**options: Any) -> Callable[[Callable[P, R]], TaskFunction[P, R]]: ...


def module_task(*args: Any, **options: Any) -> Any:
    """``@module_task`` / ``@module_task(bind=True, ...)``: a shared task gated by module."""
    options.setdefault("base", ModuleTask)
    if args and callable(args[0]):
        return shared_task(base=options.pop("base"), **options)(args[0])
    return shared_task(*args, **options)

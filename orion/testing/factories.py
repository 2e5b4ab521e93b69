"""factory_boy building blocks for every module's ``tests/factories.py``, and the framework's own factories.

Conventions (see docs/developer/testing.md):

* each module has ``modules/<code>/tests/factories.py`` with one factory per
  model; platforms, stores, users and teams come from the tenancy module's
  (``StoreFactory`` is the store/platform factory every module shares);
* a row that is only valid when a service makes it (a product with its
  variants and stock items, a store with its built-in roles) is made by that
  service: derive from :class:`ServiceFactory` and override ``_create``;
* plain rows of a store's data derive from :class:`ScopedModelFactory`, which
  saves without opening a tenant scope;
* a model that deliberately has no factory is listed in the module's
  ``FACTORY_EXEMPT = {"<app_label>.<Model>": "<reason>"}``.

``tests/test_model_coverage.py`` collects the factories with
:func:`factories_by_model` and fails for a model of an installed module (or of
the framework) that has neither a factory nor an exemption.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import factory
from django.apps import AppConfig, apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models

PASSWORD = "correct horse battery staple"


class ScopedModelFactory(factory.django.DjangoModelFactory):
    """Saves through the unscoped base manager: tests create store rows without opening a scope."""

    class Meta:
        abstract = True

    @classmethod
    def _get_manager(cls, model_class: type[models.Model]) -> Any:
        return model_class._base_manager


class ServiceFactory(factory.Factory):
    """A factory whose rows a module's service makes: subclasses override ``_create``.

    ``build()`` gives an unsaved instance from the declarations, as with any
    factory; ``create()`` (the default strategy) calls ``_create(model_class,
    **values)``, which calls the service and returns what it made.
    """

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover - always overridden
        raise NotImplementedError(f"{cls.__name__} must make its rows through a service (override _create)")


# --- The framework's own models --------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    """A user who logs in with ``email`` and :data:`PASSWORD` (``create_user``, so the password is hashed)."""

    class Meta:
        model = "accounts.User"

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    full_name = ""

    @classmethod
    def _create(cls, model_class: type, *, email: str, password: str = PASSWORD, **fields: Any) -> Any:
        return get_user_model().objects.create_user(email, password, **fields)


class AuditEntryFactory(ScopedModelFactory):
    """An entry of a store's audit trail; ``store`` is always passed in.

    Services write the real ones (``orion.services.record``) inside a store
    write; this makes a row directly, about ``subject`` (the store itself unless given).
    """

    class Meta:
        model = "audit.AuditEntry"
        exclude = ("subject",)

    subject = factory.SelfAttribute("store")
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.subject))
    object_id = factory.LazyAttribute(lambda o: str(o.subject.pk))
    object_repr = factory.LazyAttribute(lambda o: str(o.subject)[:200])
    action = "tests.object.updated"
    actor = None
    actor_label = ""
    changes = factory.LazyFunction(dict)


def _first_optional_module() -> str:
    from orion.modules import registry

    optional = sorted(code for code, definition in registry.MODULES.items() if definition.tier.value == "optional")
    return optional[0]


class PlatformModuleFactory(factory.django.DjangoModelFactory):
    """A module switched on for a platform, as a bare row; ``platform`` is always passed in.

    Tests that mean "enable a module" use the ``enable`` fixture, which goes
    through ``orion.modules.services`` (requirements, audit trail, events).
    """

    class Meta:
        model = "orion_modules.PlatformModule"
        django_get_or_create = ("platform", "module_code")

    module_code = factory.LazyFunction(_first_optional_module)
    is_enabled = True


class ModuleAuditEntryFactory(factory.django.DjangoModelFactory):
    """One entry of the module audit trail; ``platform`` is always passed in."""

    class Meta:
        model = "orion_modules.ModuleAuditEntry"

    module_code = factory.LazyFunction(_first_optional_module)
    action = "module.enabled"
    cause = "test"
    batch = factory.LazyFunction(uuid.uuid4)


# --- Finding every factory ------------------------------------------------------

#: Apps of the framework (``orion/``): their factories are the ones above.
FRAMEWORK_FACTORIES = "orion.testing.factories"

#: Framework models made only by the framework itself, never by a test, with the reason.
FACTORY_EXEMPT: dict[str, str] = {}


def covered_apps() -> list[AppConfig]:
    """The apps whose models need factories: Orion's modules and the framework's own apps."""
    from orion.modules.apps import ModuleAppConfig

    return [
        config
        for config in apps.get_app_configs()
        if isinstance(config, ModuleAppConfig) or config.name.startswith("orion.")
    ]


def factories_module(config: AppConfig) -> ModuleType | None:
    """``<app>.tests.factories`` of a module (``None`` when it has none); this file for the framework's apps."""
    name = FRAMEWORK_FACTORIES if config.name.startswith("orion.") else f"{config.name}.tests.factories"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and name.startswith(exc.name):
            return None
        raise


def _factories_in(module: ModuleType) -> Iterator[type[factory.base.BaseFactory]]:
    for value in vars(module).values():
        if (
            isinstance(value, type)
            and value.__module__ == module.__name__  # defined here, not imported from another module's
            and issubclass(value, factory.base.BaseFactory)
            and not value._meta.abstract
            and value._meta.model is not None
        ):
            yield value


def _label(model: Any) -> str:
    if isinstance(model, str):
        return apps.get_model(model)._meta.label
    return model._meta.label


def factories_by_model() -> dict[str, list[type[factory.base.BaseFactory]]]:
    """``{"catalog.Product": [ProductFactory, ...]}`` over every covered app's factories module."""
    found: dict[str, list[type[factory.base.BaseFactory]]] = {}
    seen: set[type] = set()
    for config in covered_apps():
        module = factories_module(config)
        if module is None:
            continue
        for candidate in _factories_in(module):
            if candidate in seen:
                continue
            seen.add(candidate)
            found.setdefault(_label(candidate._meta.model), []).append(candidate)
    return found


def factory_exemptions() -> dict[str, str]:
    """Every ``FACTORY_EXEMPT`` entry of the covered apps' factories modules."""
    exempt: dict[str, str] = {}
    for config in covered_apps():
        module = factories_module(config)
        exempt.update(getattr(module, "FACTORY_EXEMPT", {}) if module else {})
    return exempt

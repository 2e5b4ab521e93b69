"""Every model has a factory and every store-scoped model an isolation seed (NetBox's test_model_test_coverage).

Factories live in ``modules/<code>/tests/factories.py`` (the framework's in
``orion/testing/factories.py``), seeds in ``modules/<code>/tests/isolation.py``;
both are found from the installed apps, so this file names no module. A model
left out on purpose is listed with a reason in the module's own file:
``FACTORY_EXEMPT = {"app.Model": "why"}`` in its factories module,
``exempt("app.Model", "why")`` in its isolation module.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django_scopes import scopes_disabled

from orion.testing.factories import covered_apps, factories_by_model, factory_exemptions
from orion.testing.isolation import collect_seeds, scoped_models, seed_exemptions

# Apps that are not held to the rule, with the reason.
NOT_COVERED = {
    "tests.testmodules.": "test-only modules that exercise the module API (tests/testmodules); they define no models",
}


def _covered_models() -> list[type]:
    return [
        model
        for config in covered_apps()
        if not config.name.startswith(tuple(NOT_COVERED))
        for model in config.get_models()
    ]


def test_the_dummy_modules_really_have_no_models():
    """The exception above stays honest: a dummy module with a model would need a factory like any other."""
    dummies = [config for config in covered_apps() if config.name.startswith(tuple(NOT_COVERED))]
    assert dummies and not [model for config in dummies for model in config.get_models()]


def _missing(found: dict, exempt: dict, models: list[type]) -> list[str]:
    return [model._meta.label for model in models if model._meta.label not in found and model._meta.label not in exempt]


def test_the_rule_reports_a_model_without_a_factory_unless_it_is_exempted():
    models = _covered_models()
    labels = [model._meta.label for model in models]

    assert _missing({}, {}, models) == labels
    assert _missing({}, {labels[0]: "a reason"}, models) == labels[1:]
    assert "tests.testmodules.dummy" not in {model._meta.app_config.name for model in models}


def test_every_model_of_an_installed_module_has_a_factory():
    missing = _missing(factories_by_model(), factory_exemptions(), _covered_models())
    assert not missing, (
        f"Add a factory for {missing} to the module's tests/factories.py (the framework's: orion/testing/factories.py)"
        ' or list it there in FACTORY_EXEMPT = {"app.Model": "reason"}'
    )


def test_every_exemption_gives_a_reason_and_names_a_model_without_a_factory():
    factories = factories_by_model()
    for label, reason in {**factory_exemptions(), **seed_exemptions()}.items():
        assert isinstance(reason, str) and reason.strip(), f"The exemption of {label} needs a reason"
        assert apps.get_model(label), label
    stale = [label for label in factory_exemptions() if label in factories]
    assert not stale, f"{stale} have factories now: remove their FACTORY_EXEMPT entries"


def test_every_store_scoped_model_has_an_isolation_seed():
    seeds = collect_seeds()
    missing = _missing(seeds, seed_exemptions(), scoped_models())
    assert not missing, (
        f"Add an isolation seed for {missing}: @orion.testing.isolation.seed in the module's tests/isolation.py"
        ' (or exempt("app.Model", "reason") there)'
    )
    scoped = {model._meta.label for model in scoped_models()}
    assert not [label for label in seeds if label not in scoped], "a seed names a model that is not store-scoped"


FACTORIES = sorted(
    ((label, factory) for label, found in factories_by_model().items() for factory in found),
    key=lambda pair: (pair[0], pair[1].__name__),
)


@pytest.mark.parametrize(("label", "factory"), FACTORIES, ids=[f"{label}-{f.__name__}" for label, f in FACTORIES])
def test_each_factory_makes_a_valid_row_with_no_arguments_but_its_tenant(label, factory, store, settings, tmp_path):
    """A factory needs at most the store (or platform) it belongs to; what it makes is saved and valid."""
    settings.MEDIA_ROOT = tmp_path
    model = factory._meta.get_model_class()
    fields = {field.name for field in model._meta.get_fields()}
    declared = set(factory._meta.declarations)
    tenant = {}
    if "store" in fields and "store" not in declared:
        tenant["store"] = store
    elif "platform" in fields and "platform" not in declared:
        tenant["platform"] = store.platform

    made = factory(**tenant)

    assert isinstance(made, model) and made.pk is not None
    with scopes_disabled():
        assert model._base_manager.filter(pk=made.pk).exists()
        made.full_clean(validate_unique=False, validate_constraints=False)

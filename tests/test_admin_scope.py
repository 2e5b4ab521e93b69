"""Every admin of a platform's or a store's rows is confined by ``orion.admin_scope``.

Read from the admin site's registry, so that a module's new admin is covered
without editing this test: an admin of a model with a ``store`` or
``platform`` field that does not derive from ``PlatformScopedAdmin`` (or an
inline of a scoped admin that is not a ``PlatformScopedInline``) would show
every platform's rows to a platform admin.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from orion.admin_scope import ALL_ACTIONS, PlatformScopedAdmin, PlatformScopedInline, user_choices
from orion.modules import state

SCOPING_FIELDS = {"store", "platform"}


def registered():
    """Every (model, model admin) of the admin site, in a stable order."""
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def has_tenant_field(model):
    return model is state.platform_model() or bool(SCOPING_FIELDS & {field.name for field in model._meta.get_fields()})


def platform_reached(model, path):
    """The model ``path`` leads to from ``model``, following its relations as ``platform_id_of`` does."""
    *hops, last = path.split("__")
    for hop in hops:
        model = model._meta.get_field(hop).related_model
    return model if last == "pk" else model._meta.get_field(last).related_model


def scoped_admins():
    return [model_admin for _model, model_admin in registered() if isinstance(model_admin, PlatformScopedAdmin)]


def inlines_of_scoped_admins():
    return [
        (model_admin, inline_class(model_admin.model, admin.site))
        for model_admin in scoped_admins()
        for inline_class in model_admin.inlines
    ]


def test_every_admin_of_a_store_or_platform_model_is_platform_scoped():
    unscoped = [
        f"{model._meta.label}: {type(model_admin).__name__}"
        for model, model_admin in registered()
        if has_tenant_field(model) and not isinstance(model_admin, PlatformScopedAdmin)
    ]

    assert unscoped == [], "derive these from orion.admin_scope.PlatformScopedAdmin"
    assert len(scoped_admins()) >= 10  # the walk found the admins of tenancy, inventory, catalog and orion.modules


def test_every_inline_of_a_scoped_admin_is_platform_scoped():
    unscoped = [
        f"{type(model_admin).__name__}.{type(inline).__name__}"
        for model_admin, inline in inlines_of_scoped_admins()
        if not isinstance(inline, PlatformScopedInline)
    ]

    assert unscoped == [], "derive these from orion.admin_scope.PlatformScopedInline"


def test_every_platform_path_leads_to_the_platform():
    platform = state.platform_model()

    wrong = [
        f"{type(model_admin).__name__}: {model_admin.platform_path}"
        for model_admin in scoped_admins()
        if platform_reached(model_admin.model, model_admin.platform_path) is not platform
    ] + [
        f"{type(inline).__name__}: {inline.object_platform_path()}"
        for model_admin, inline in inlines_of_scoped_admins()
        if platform_reached(model_admin.model, inline.object_platform_path()) is not platform
    ]

    assert wrong == []


def test_platform_admin_actions_are_known_actions():
    declared = [model_admin for model_admin in scoped_admins()] + [
        inline for _model_admin, inline in inlines_of_scoped_admins()
    ]

    unknown = {
        f"{type(model_admin).__name__}: {action}"
        for model_admin in declared
        for action in model_admin.platform_admin_actions
        if action not in ALL_ACTIONS
    }

    assert unknown == set()


# --- user choices come from the setting ---------------------------------------------------


def users_named_carol(platform_ids):
    return get_user_model().objects.filter(email="carol@example.com")


@pytest.mark.django_db
def test_user_choices_are_the_answer_of_the_function_the_setting_names(settings):
    carol = get_user_model().objects.create_user(email="carol@example.com", password="x")
    get_user_model().objects.create_user(email="dave@example.com", password="x")
    settings.ORION_ADMIN_USER_CHOICES = f"{__name__}.users_named_carol"

    assert list(user_choices({1})) == [carol]


@pytest.mark.django_db
def test_without_the_setting_a_confined_admin_is_offered_no_user(settings):
    get_user_model().objects.create_user(email="carol@example.com", password="x")
    settings.ORION_ADMIN_USER_CHOICES = None

    assert list(user_choices({1})) == []

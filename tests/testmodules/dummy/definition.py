"""A test-only module that uses every part of the module API."""

from django import forms

from orion.modules.definition import (
    ConfigField,
    FrontendType,
    HealthResult,
    MenuItem,
    ModuleDefinition,
    ModuleTier,
    PermissionDefinition,
)

# Tests flip these to make the hooks fail, and read CALLS to see what ran.
FAIL_ON = set()
CALLS: list[tuple[str, str]] = []


def on_enable(platform):
    CALLS.append(("enable", platform.code))
    if "enable" in FAIL_ON:
        raise RuntimeError("dummy refuses to start")


def on_disable(platform):
    CALLS.append(("disable", platform.code))
    if "disable" in FAIL_ON:
        raise RuntimeError("dummy refuses to stop")


def store_context(request, platform):
    return {"dummy_greeting": f"hello from dummy on {platform.code}"}


def broken_context(request, platform):
    raise RuntimeError("this provider is broken")


class DummySettings(forms.Form):
    greeting = forms.CharField(max_length=20, initial="hi")
    retries = forms.IntegerField(min_value=0, max_value=5, initial=1)


dummy_module = ModuleDefinition(
    code="dummy",
    name="Dummy",
    description="Exercises the module API in tests.",
    version="1.4.0",
    tier=ModuleTier.OPTIONAL,
    features=("dummy_feature",),
    permissions=(PermissionDefinition(id="dummy.view_thing", label="View things"),),
    menu_items={
        FrontendType.STORE: (
            MenuItem(id="dummy.things", label="Things", url_name="dummy:thing_list", permission="dummy.view_thing"),
            MenuItem(id="dummy.public", label="Open things", url_name="dummy:thing_list"),
            MenuItem(id="dummy.later", label="Not routed yet", url_name="dummy:missing"),
        ),
    },
    context_providers={FrontendType.STORE: store_context, FrontendType.PLATFORM: broken_context},
    template_slots={"test.slot": "dummy/store/slot.html", "test.broken": "dummy/store/missing.html"},
    on_enable=on_enable,
    on_disable=on_disable,
    health_check=lambda: HealthResult(healthy=True, message="dummy ok"),
    config_prefix="DUMMY_",
    config={"page_size": ConfigField(int, default=25, help="items per page")},
    settings_form=DummySettings,
)

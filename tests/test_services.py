"""Enabling and disabling modules per platform: plans, cascades, audit, atomicity."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orion.modules import registry, services, signals, state
from orion.modules.models import ModuleAuditEntry, PlatformModule
from tests.testmodules.dummy import definition as dummy


@pytest.fixture(autouse=True)
def _reset_dummy():
    dummy.FAIL_ON.clear()
    dummy.CALLS.clear()
    yield
    dummy.FAIL_ON.clear()


def test_enable_turns_on_requirements_first_and_records_why(platform, django_user_model):
    actor = django_user_model.objects.create_user("ops@example.com", "pw-123456!")

    plan = services.enable_module(platform=platform, code="dummy_addon", actor=actor, via="test")

    assert [(c.module, c.cause, c.because_of) for c in plan.changes] == [
        ("dummy", "requirement", ("dummy_addon",)),
        ("dummy_addon", "explicit", ()),
    ]
    assert state.enabled_modules(platform) >= {"dummy", "dummy_addon"}
    rows = {r.module_code: r.reason for r in PlatformModule.objects.filter(platform=platform)}
    assert rows == {"dummy": "requirement", "dummy_addon": "explicit"}
    audit = list(ModuleAuditEntry.objects.order_by("id").values_list("module_code", "action", "cause", "triggered_by"))
    assert audit == [
        ("dummy", "module.enabled", "required by dummy_addon", "dummy_addon"),
        ("dummy_addon", "module.enabled", "explicit", ""),
    ]
    assert ModuleAuditEntry.objects.filter(actor=actor).count() == 2
    assert len({e.batch for e in ModuleAuditEntry.objects.all()}) == 1


def test_module_states_explain_each_module(platform, enable):
    enable("dummy_addon")

    states = {s.code: s for s in services.module_states(platform)}

    assert states["tenancy"].reason == "core" and states["tenancy"].enabled
    assert states["dummy_addon"].reason_text == "enabled explicitly"
    assert states["dummy"].reason_text == "required by dummy_addon"
    assert not states["dummy_addon"].required_by


def test_disable_takes_dependents_first_and_keeps_data(platform, enable):
    enable("dummy_addon")
    services.configure_module(platform=platform, code="dummy", values={"greeting": "moin", "retries": 2})

    plan = services.disable_module(platform=platform, code="dummy")

    assert [(c.module, c.cause) for c in plan.changes] == [("dummy_addon", "dependent"), ("dummy", "explicit")]
    assert plan.to_dict()["data_kept"] is True
    assert not state.is_enabled(platform, "dummy")
    assert not state.is_enabled(platform, "dummy_addon")
    row = PlatformModule.objects.get(platform=platform, module_code="dummy")
    assert row.settings == {"greeting": "moin", "retries": 2}
    assert dummy.CALLS == [("enable", "main"), ("disable", "main")]


def test_core_modules_cannot_be_disabled(platform):
    with pytest.raises(services.CoreModuleError):
        services.disable_module(platform=platform, code="tenancy")


def test_unknown_module_is_a_clear_error(platform):
    with pytest.raises(services.UnknownModuleError, match="Unknown module 'ghost'"):
        services.plan_enable(platform, "ghost")


def test_a_failing_hook_leaves_nothing_half_done(platform):
    dummy.FAIL_ON.add("enable")

    with pytest.raises(services.ModuleHookError, match="dummy refuses to start"):
        services.enable_module(platform=platform, code="dummy_addon")

    assert not PlatformModule.objects.exists()
    assert not ModuleAuditEntry.objects.exists()
    assert not state.is_enabled(platform, "dummy")


def test_a_failing_disable_hook_keeps_everything_enabled(platform, enable):
    enable("dummy_addon")
    dummy.FAIL_ON.add("disable")

    with pytest.raises(services.ModuleHookError):
        services.disable_module(platform=platform, code="dummy")

    assert state.is_enabled(platform, "dummy") and state.is_enabled(platform, "dummy_addon")


def test_plan_is_computed_without_applying(platform):
    plan = services.plan_enable(platform, "dummy_addon")

    data = plan.to_dict()
    assert [c["module"] for c in data["changes"]] == ["dummy", "dummy_addon"]
    assert data["changes"][0]["hooks"] == ["dummy.on_enable"]
    assert "/store/<slug:store_code>/dummy/" in data["changes"][0]["routes"]
    assert "/api/v1/store/dummy/" in data["changes"][0]["routes"]
    assert data["changes"][0]["menus"]
    assert not PlatformModule.objects.exists()


def test_explicitly_enabling_a_requirement_records_it(platform, enable):
    enable("dummy_addon")
    enable("dummy")
    services.disable_module(platform=platform, code="dummy_addon")

    states = {s.code: s for s in services.module_states(platform)}
    assert states["dummy"].reason_text == "enabled explicitly"


def test_enabling_twice_is_a_noop(platform, enable):
    enable("dummy")

    plan = services.enable_module(platform=platform, code="dummy")

    assert plan.is_noop and "already enabled" in plan.notes[0]


def test_events_are_sent_after_commit(platform, django_capture_on_commit_callbacks):
    received = []

    def listener(sender, platform, cause, **kwargs):
        received.append((sender, cause))

    signals.module_enabled.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.enable_module(platform=platform, code="dummy_addon")
    finally:
        signals.module_enabled.disconnect(listener)

    assert received == [("dummy", "required by dummy_addon"), ("dummy_addon", "explicit")]


def test_settings_are_validated_by_the_module_form(platform):
    with pytest.raises(services.InvalidModuleSettingsError) as error:
        services.configure_module(platform=platform, code="dummy", values={"greeting": "x" * 30, "retries": 9})

    assert set(error.value.errors) == {"greeting", "retries"}
    assert not PlatformModule.objects.exists()
    assert services.get_module_settings(platform, "dummy") == {"greeting": "hi", "retries": 1}


def test_config_change_is_audited_and_signalled(platform, django_capture_on_commit_callbacks):
    seen = []
    signals.module_config_changed.connect(lambda sender, old, new, **kw: seen.append((old, new)), weak=False,
                                          dispatch_uid="t")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.configure_module(platform=platform, code="dummy", values={"greeting": "moin", "retries": 3})
    finally:
        signals.module_config_changed.disconnect(dispatch_uid="t")

    assert seen == [({}, {"greeting": "moin", "retries": 3})]
    entry = ModuleAuditEntry.objects.get()
    assert entry.action == "module.config_changed" and entry.details == {"changed": ["greeting", "retries"]}


def test_states_are_per_platform(platform, other_platform, enable):
    enable("dummy")

    assert state.is_enabled(platform, "dummy")
    assert not state.is_enabled(other_platform, "dummy")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.tuples(st.booleans(), st.sampled_from(sorted(registry.MODULES) or ["dummy"])), max_size=12))
def test_any_sequence_of_calls_keeps_the_platform_consistent(platform, ops):
    """Property: after any enable/disable sequence, requirements and core modules are on."""
    PlatformModule.objects.filter(platform=platform).delete()
    state.invalidate()
    for turn_on, code in ops:
        try:
            if turn_on:
                services.enable_module(platform=platform, code=code)
            else:
                services.disable_module(platform=platform, code=code)
        except services.CoreModuleError:
            assert registry.is_core_module(code)

        enabled = state.enabled_modules(platform)
        assert registry.get_core_module_codes() <= enabled
        for code_on in enabled:
            assert set(registry.MODULES[code_on].required_codes) <= enabled

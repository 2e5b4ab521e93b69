"""The operators' commands: enable/disable (with --dry-run and --json), list, graph."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from orion.modules import state
from orion.modules.models import ModuleAuditEntry


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_enable_prints_the_cascade_and_applies_it(platform):
    output = run("enable_module", "dummy_addon", "--platform", "main")

    assert "1. enable dummy (required by dummy_addon)" in output
    assert "2. enable dummy_addon (requested)" in output
    assert "hooks: dummy.on_enable" in output
    assert state.is_enabled(platform, "dummy_addon")
    assert ModuleAuditEntry.objects.filter(actor_label="cli").count() == 2


def test_dry_run_changes_nothing(platform):
    output = run("enable_module", "dummy_addon", "--platform", "main", "--dry-run")

    assert "Dry run: nothing was changed." in output
    assert not state.is_enabled(platform, "dummy")


def test_disable_plan_as_json(platform, enable):
    enable("dummy_addon")

    plan = json.loads(run("disable_module", "dummy", "--platform", "main", "--dry-run", "--json"))

    assert [c["module"] for c in plan["changes"]] == ["dummy_addon", "dummy"]
    assert plan["changes"][0]["cause"] == "dependent" and plan["changes"][0]["because_of"] == ["dummy"]
    assert plan["data_kept"] is True and plan["applied"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("enable_module", "ghost", "--platform", "main"), "Unknown module 'ghost'"),
        (("enable_module", "dummy", "--platform", "nope"), "Unknown platform 'nope'. Known platforms: main."),
        (("disable_module", "tenancy", "--platform", "main"), "core module and cannot be disabled. [core_module]"),
    ],
    ids=["unknown-module", "unknown-platform", "core-module"],
)
def test_errors_are_clear(platform, args, message):
    with pytest.raises(CommandError) as error:
        call_command(*args, stdout=StringIO())

    assert message in str(error.value)


def test_errors_exit_non_zero(platform):
    with pytest.raises(SystemExit) as exit_:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", "disable_module", "tenancy", "--platform", "main"])

    assert exit_.value.code != 0


def test_list_modules_explains_why_each_is_on(platform, enable):
    enable("dummy_addon")

    table = run("list_modules", "--platform", "main")
    report = json.loads(run("list_modules", "--json"))

    assert "required by dummy_addon" in table and "enabled explicitly" in table
    states = {m["code"]: m for m in report["platforms"]["main"]}
    assert states["dummy"]["required_by"] == ["dummy_addon"]
    assert states["tenancy"]["reason"] == "core"


def test_module_graph_formats():
    mermaid = run("module_graph")
    dot = run("module_graph", "--format", "dot")

    assert mermaid.startswith("graph TD") and "dummy_addon -->|>=1.2,<2| dummy" in mermaid
    assert '"dummy_addon" -> "dummy" [label=">=1.2,<2"];' in dot

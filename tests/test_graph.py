"""The dependency graph: validation, ordering, and enable/disable invariants."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orion.modules import graph
from orion.modules.definition import ModuleDefinition, ModuleTier


def mod(code, *requires, tier=ModuleTier.OPTIONAL, version="1.0.0"):
    return ModuleDefinition(code=code, name=code, tier=tier, requires=requires, version=version)


def modules(*defs):
    return {d.code: d for d in defs}


def test_a_cycle_is_spelled_out():
    problems = graph.find_problems(modules(mod("a", "b"), mod("b", "c"), mod("c", "a")))

    assert [p.message for p in problems] == ["Dependency cycle: a -> b -> c -> a."]


def test_unknown_requirement_is_named():
    problems = graph.find_problems(modules(mod("a", "ghost")))

    assert problems[0].kind == "unknown"
    assert "'a' requires unknown module 'ghost'" in problems[0].message


def test_core_may_not_require_optional():
    problems = graph.find_problems(modules(mod("core_one", "extra", tier=ModuleTier.CORE), mod("extra")))

    assert [p.kind for p in problems] == ["core_requires_non_core"]


@pytest.mark.parametrize(
    ("spec", "version", "ok"),
    [
        ("inv>=1.2,<2", "1.4.0", True),
        ("inv>=1.2,<2", "2.0.0", False),
        ("inv>=1.2,<2", "1.1.9", False),
        ("inv==1.0.*", "1.0.7", True),
        ("inv", "0.1", True),
    ],
    ids=["in-range", "too-new", "too-old", "wildcard", "no-range"],
)
def test_version_ranges_use_packaging_specifiers(spec, version, ok):
    problems = graph.find_problems(modules(mod("a", spec), mod("inv", version=version)))

    assert (problems == []) is ok
    if not ok:
        assert problems[0].kind == "version" and version in problems[0].message


def test_bad_requirement_syntax_is_reported():
    problems = graph.find_problems(modules(mod("a", "inv>>1")))

    assert problems[0].kind == "syntax"


def test_topological_order_puts_requirements_first():
    mods = modules(mod("checkout", "cart", "orders"), mod("cart", "inventory"), mod("orders"), mod("inventory"))

    order = graph.topological_order(mods, mods)

    assert order.index("inventory") < order.index("cart") < order.index("checkout")
    assert order.index("orders") < order.index("checkout")


def test_closures():
    mods = modules(mod("checkout", "cart"), mod("cart", "inventory"), mod("catalog", "inventory"), mod("inventory"))

    assert graph.requirements_of(mods, "checkout") == {"cart", "inventory"}
    assert graph.dependents_of(mods, "inventory") == {"cart", "catalog", "checkout"}


# --- property: any sequence of enable/disable keeps the graph consistent ----------


@st.composite
def dag_and_operations(draw):
    """A random acyclic graph (edges only to earlier modules) and random operations."""
    size = draw(st.integers(min_value=2, max_value=9))
    codes = [f"m{i}" for i in range(size)]
    core_count = draw(st.integers(min_value=0, max_value=2))
    defs = []
    for i, code in enumerate(codes):
        is_core = i < core_count
        pool = codes[:i] if not is_core else codes[: min(i, core_count)]
        requires = draw(st.lists(st.sampled_from(pool), unique=True, max_size=3)) if pool else []
        defs.append(mod(code, *requires, tier=ModuleTier.CORE if is_core else ModuleTier.OPTIONAL))
    ops = draw(st.lists(st.tuples(st.sampled_from(["enable", "disable"]), st.sampled_from(codes)), max_size=25))
    return modules(*defs), ops


@settings(max_examples=150, deadline=None)
@given(dag_and_operations())
def test_any_sequence_keeps_requirements_and_core_enabled(case):
    mods, ops = case
    enabled = {c for c, d in mods.items() if d.is_core}
    for action, code in ops:
        if action == "enable":
            enabled |= graph.requirements_of(mods, code) | {code}
        elif not mods[code].is_core:
            enabled -= graph.dependents_of(mods, code) | {code}

        assert all(c in enabled for c, d in mods.items() if d.is_core)
        for c in enabled:
            assert set(mods[c].required_codes) <= enabled

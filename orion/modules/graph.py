"""The dependency graph between modules: validation and ordering.

Pure functions over a ``{code: ModuleDefinition}`` mapping, so they can be
tested (and property-tested) without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .definition import ModuleDefinition, parse_requirement

Modules = Mapping[str, ModuleDefinition]


@dataclass(frozen=True)
class GraphProblem:
    code: str  # the module at fault
    kind: str  # unknown | cycle | core_requires_non_core | version | syntax
    message: str


def find_problems(modules: Modules) -> list[GraphProblem]:
    """Everything wrong with the graph, one problem per fault."""
    problems: list[GraphProblem] = []
    for code, definition in sorted(modules.items()):
        for spec in definition.requires:
            try:
                requirement = parse_requirement(spec)
            except ValueError as exc:
                problems.append(GraphProblem(code, "syntax", f"Module '{code}': {exc}."))
                continue
            target = modules.get(requirement.name)
            if target is None:
                problems.append(
                    GraphProblem(code, "unknown", f"Module '{code}' requires unknown module '{requirement.name}'.")
                )
                continue
            if definition.is_core and not target.is_core:
                problems.append(
                    GraphProblem(
                        code,
                        "core_requires_non_core",
                        f"Core module '{code}' requires {target.tier} module '{target.code}'; "
                        "core modules may only require core modules.",
                    )
                )
            version = target.parsed_version
            if requirement.specifier and (version is None or version not in requirement.specifier):
                problems.append(
                    GraphProblem(
                        code,
                        "version",
                        f"Module '{code}' requires '{spec}' but '{target.code}' is version {target.version}.",
                    )
                )
    for cycle in find_cycles(modules):
        problems.append(GraphProblem(cycle[0], "cycle", "Dependency cycle: " + " -> ".join(cycle) + "."))
    return problems


def find_cycles(modules: Modules) -> list[list[str]]:
    """Each elementary cycle found by depth-first search, as a closed path."""
    cycles: list[list[str]] = []
    seen_cycles: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []

    def visit(code: str) -> None:
        state[code] = 1
        stack.append(code)
        for dep in modules[code].required_codes:
            if dep not in modules:
                continue
            if state.get(dep) == 1:
                cycle = stack[stack.index(dep) :] + [dep]
                if frozenset(cycle) not in seen_cycles:
                    seen_cycles.add(frozenset(cycle))
                    cycles.append(cycle)
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[code] = 2

    for code in sorted(modules):
        if code not in state:
            visit(code)
    return cycles


def requirements_of(modules: Modules, code: str) -> set[str]:
    """Every module ``code`` needs, directly or not (not ``code`` itself)."""
    found: set[str] = set()
    pending = [code]
    while pending:
        for dep in modules[pending.pop()].required_codes:
            if dep in modules and dep not in found:
                found.add(dep)
                pending.append(dep)
    found.discard(code)
    return found


def dependents_of(modules: Modules, code: str) -> set[str]:
    """Every module that needs ``code``, directly or not."""
    reverse: dict[str, set[str]] = {c: set() for c in modules}
    for c, definition in modules.items():
        for dep in definition.required_codes:
            if dep in reverse:
                reverse[dep].add(c)
    found: set[str] = set()
    pending = [code]
    while pending:
        for dependent in reverse.get(pending.pop(), ()):
            if dependent not in found:
                found.add(dependent)
                pending.append(dependent)
    found.discard(code)
    return found


def direct_dependents(modules: Modules, code: str, among: Iterable[str]) -> list[str]:
    return sorted(c for c in among if c in modules and code in modules[c].required_codes)


def topological_order(modules: Modules, codes: Iterable[str]) -> list[str]:
    """``codes`` ordered so that every module comes after what it requires.

    Ties are broken alphabetically so plans are stable. Assumes no cycles
    (the system checks reject them before anything runs).
    """
    wanted = set(codes)
    ordered: list[str] = []
    done: set[str] = set()

    def visit(code: str) -> None:
        if code in done:
            return
        done.add(code)
        for dep in sorted(modules[code].required_codes):
            if dep in wanted and dep in modules:
                visit(dep)
        ordered.append(code)

    for code in sorted(wanted):
        visit(code)
    return ordered

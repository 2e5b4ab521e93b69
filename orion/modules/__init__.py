"""The module system: registry, dependency graph, per-platform state, gating.

Public entry points: ``registry`` (what is installed), ``state.is_enabled``
(the one gate), ``services`` (plan, enable, disable, configure) and
``definition`` (what a module declares).
"""

"""Signals the tenancy module sends (other modules may import this file).

Each is a ``ModuleSignal``: sent for a platform, it reaches only receivers of
modules enabled there, so a module left off a demo platform seeds nothing.
"""

from __future__ import annotations

from orion.modules.signals import ModuleSignal

demo_store_loaded = ModuleSignal()
"""Sent by ``manage.py load_demo`` for every demo store, on every run, once its team exists.

Receivers seed their module's demo data for the store (locations, products,
...) and must be idempotent: ``load_demo`` runs again on every ``make run``
and sends the signal again for stores that already have their data. It is
sent inside the command's transaction, after the platform's modules are
enabled. ``sender`` is ``"tenancy"``.

Arguments: ``platform`` (the store's platform) and ``store`` (the ``Store``).
"""

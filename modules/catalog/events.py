"""Signals the catalog module sends; receivers in modules disabled for the platform are skipped.

Both are sent after the transaction that changed the product commits, once
per product, with ``sender`` the string ``"catalog"``.
"""

from __future__ import annotations

from orion.modules.signals import ModuleSignal

product_published = ModuleSignal()
"""A product became active (shown in the shop).

Arguments: ``platform`` (the store's platform), ``store_id`` (int),
``product_id`` (int), ``first_time`` (bool: True the first time it is ever published).
"""

product_archived = ModuleSignal()
"""A product was archived (taken out of the shop, kept for order history).

Arguments: ``platform``, ``store_id`` (int), ``product_id`` (int).
"""

"""Signals the inventory module sends (other modules may import this file).

Each is a ``ModuleSignal``: sent for a platform, it reaches only receivers of
modules enabled there. They are sent after the transaction that caused them
commits, never for a change that rolled back.
"""

from __future__ import annotations

from orion.modules.signals import ModuleSignal

stock_low = ModuleSignal()
"""Sent when an item's available quantity falls from above its low-stock threshold to at or below it.

Once per crossing: an item that stays low sends nothing more until it has
risen above the threshold again. ``sender`` is ``"inventory"``.

Arguments: ``platform`` (the store's platform), ``store_id``, ``item_id``,
``sku``, ``available`` (on hand minus active reservations, after the change)
and ``threshold``.
"""

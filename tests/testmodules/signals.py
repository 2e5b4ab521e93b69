from orion.modules.signals import ModuleSignal

thing_happened = ModuleSignal()
"""Sent for a platform when a test thing happens. Arguments: platform."""

"""Module events, and `ModuleSignal`: a signal that respects module gating.

Module events (sent by the framework; ``sender`` is the module code):

- ``module_enabled(module, platform, cause, actor)``: after the enabling
  transaction commits, once per module turned on (a cascade sends several).
- ``module_disabled(module, platform, cause, actor)``: likewise on disable.
- ``module_config_changed(module, platform, old, new, actor)``: after per-platform
  settings change.
- ``module_startup(module)``: once per process, when the app registry is ready.
- ``module_shutdown(module)``: once per process, at interpreter exit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from asgiref.sync import async_to_sync
from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from . import state
from .apps import ModuleAppConfig

logger = logging.getLogger("orion.modules")

module_enabled = Signal()
module_disabled = Signal()
module_config_changed = Signal()
module_startup = Signal()
module_shutdown = Signal()


def receiver_module_code(receiver: Any) -> str | None:
    """The code of the module a receiver function belongs to, if any."""
    config = apps.get_containing_app_config(getattr(receiver, "__module__", "") or "")
    return config.label if isinstance(config, ModuleAppConfig) else None


class ModuleSignal(Signal):
    """A signal sent *for a platform*: only enabled modules' receivers run.

    Receivers outside any module (framework code) always run. Send with
    ``signal.send(sender=..., platform=platform, **kwargs)``.
    """

    def _receivers_for(self, sender: Any, platform: Any) -> list[Callable[..., Any]]:
        sync_receivers, async_receivers = self._live_receivers(sender)
        chosen = []
        for receiver in [*sync_receivers, *(async_to_sync(r) for r in async_receivers)]:
            code = receiver_module_code(getattr(receiver, "__wrapped__", receiver))
            if code is None or state.is_enabled(platform, code):
                chosen.append(receiver)
        return chosen

    def send(self, sender: Any, platform: Any = None, **named: Any) -> list[tuple[Any, Any]]:
        return [
            (receiver, receiver(signal=self, sender=sender, platform=platform, **named))
            for receiver in self._receivers_for(sender, platform)
        ]

    def send_robust(self, sender: Any, platform: Any = None, **named: Any) -> list[tuple[Any, Any]]:
        responses = []
        for receiver in self._receivers_for(sender, platform):
            try:
                responses.append((receiver, receiver(signal=self, sender=sender, platform=platform, **named)))
            except Exception as exc:
                logger.exception("Receiver %r of a module signal failed", receiver)
                responses.append((receiver, exc))
        return responses


def _invalidate_tenant_cache(**kwargs: Any) -> None:
    state.invalidate()


def connect_tenant_models() -> None:
    """Any change to a platform, domain or store re-resolves every tenant."""
    for setting in (
        "ORION_PLATFORM_MODEL",
        "ORION_PLATFORM_DOMAIN_MODEL",
        "ORION_STORE_MODEL",
        "ORION_STORE_DOMAIN_MODEL",
    ):
        model = apps.get_model(getattr(settings, setting))
        post_save.connect(_invalidate_tenant_cache, sender=model, dispatch_uid=f"orion-tenant-{setting}-save")
        post_delete.connect(_invalidate_tenant_cache, sender=model, dispatch_uid=f"orion-tenant-{setting}-del")

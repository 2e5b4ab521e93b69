"""Catalog's handlers of other modules' events: thin calls into its own code."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from modules.tenancy.events import demo_store_loaded
from modules.tenancy.interface import Store


@receiver(demo_store_loaded, dispatch_uid="catalog-demo-store")
def seed_demo_catalogue(*, store: Store, **kwargs: Any) -> None:
    # Imported here, not when apps.ready() imports this file: the services reach other modules'
    # models, and a deployment missing a required module must get the system check's message.
    from . import demo

    demo.seed_store(store=store)

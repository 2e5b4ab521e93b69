"""Celery tasks of the inventory module: thin wrappers around services.

``release_expired_reservations`` runs every minute (django-celery-beat; the
schedule is created by migration 0002, and can be changed in the admin).
It is given no ``platform_id``: it covers every store, also on platforms
that have since switched inventory off, since releasing a hold that has
expired is never wrong.
"""

from __future__ import annotations

from orion.modules.tasks import module_task

from . import services

RELEASE_EXPIRED_TASK = "inventory.release_expired_reservations"


@module_task(name=RELEASE_EXPIRED_TASK)
def release_expired_reservations() -> int:
    """Release every store's reservations that have expired; returns how many (0 on a second run)."""
    return services.reservations_release_expired()

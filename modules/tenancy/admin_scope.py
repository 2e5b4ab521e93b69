"""Tenancy's part of the admin confinement of ``orion.admin_scope``: who a platform admin may pick as a user.

Users are global, so a confined admin is never offered the whole user table.
``ORION_ADMIN_USER_CHOICES`` names ``confined_users`` (the framework cannot
name this module): the staff of the admin's platforms and the members of
their platforms' stores.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet


def confined_users(platform_ids: frozenset[Any]) -> QuerySet[Any]:
    """The users a confined admin may pick: staff of their platforms and members of their stores."""
    return (
        get_user_model()
        .objects.filter(
            Q(platform_staff__platform__in=platform_ids) | Q(store_memberships__store__platform__in=platform_ids)
        )
        .distinct()
    )

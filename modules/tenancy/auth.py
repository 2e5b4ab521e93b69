"""Answers ``user.has_perm(permission, store_or_platform)`` from store roles.

Listed in ``AUTHENTICATION_BACKENDS``; the framework asks through
``orion.permissions`` and never imports this. Answers are cached on the
user object, which Django builds afresh for every request.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend
from django_scopes import scopes_disabled

from orion.permissions import PLATFORM_ADMIN, STORE_ACCESS

from .models import Platform, PlatformStaff, Store, StoreMembership
from .roles import role_permissions


class StoreRoleBackend(BaseBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if not user_obj.is_active or user_obj.is_anonymous:
            return False
        if isinstance(obj, Store):
            granted = self._store_permissions(user_obj, obj)
            if granted is None:  # not a member
                return False
            return perm == STORE_ACCESS or perm in granted
        if isinstance(obj, Platform) and perm == PLATFORM_ADMIN:
            return obj.pk in self._platform_ids(user_obj)
        return False

    @staticmethod
    def _store_permissions(user_obj: Any, store: Store) -> frozenset[str] | None:
        cache = user_obj.__dict__.setdefault("_orion_store_permissions", {})
        if store.pk not in cache:
            with scopes_disabled():  # one (store, user) row at most: no ordering needed
                found = StoreMembership.objects.select_related("role").filter(
                    store_id=store.pk, user=user_obj, is_active=True
                )
                membership = next(iter(found.order_by()[:1]), None)
            cache[store.pk] = None if membership is None else role_permissions(membership.role)
        permissions: frozenset[str] | None = cache[store.pk]
        return permissions

    @staticmethod
    def _platform_ids(user_obj: Any) -> frozenset[int]:
        if "_orion_platform_ids" not in user_obj.__dict__:
            ids = PlatformStaff.objects.filter(user=user_obj).values_list("platform_id", flat=True)
            user_obj._orion_platform_ids = frozenset(ids)
        platform_ids: frozenset[int] = user_obj._orion_platform_ids
        return platform_ids

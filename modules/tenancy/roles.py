"""What each role grants: built-in roles follow the registry, custom roles list ids.

- owner: every permission any module declares;
- manager: every permission except those marked ``owner_only``;
- staff: the ``view_*`` permissions (read-only).

A permission of a module that is off for the platform is never held (see
``orion.permissions.has_store_permission``), so these sets need no platform.
"""

from __future__ import annotations

from orion.permissions import declared_permissions

from .models import StoreRole


def builtin_permissions(kind: str) -> frozenset[str]:
    declared = declared_permissions()
    if kind == StoreRole.Kind.OWNER:
        return frozenset(declared)
    if kind == StoreRole.Kind.MANAGER:
        return frozenset(pid for pid, permission in declared.items() if not permission.owner_only)
    if kind == StoreRole.Kind.STAFF:
        return frozenset(pid for pid in declared if pid.split(".", 1)[1].startswith("view_"))
    return frozenset()


def role_permissions(role: StoreRole) -> frozenset[str]:
    if role.is_builtin:
        return builtin_permissions(role.kind)
    declared = declared_permissions()
    return frozenset(pid for pid in role.permissions if pid in declared)

"""The one permission check: member of the store ∧ role grants it ∧ module enabled.

Store roles live in the tenancy module, which answers through Django's
authentication backends (``user.has_perm(permission, store)``); the
framework never names it. Every entry point asks here: the scoped view
bases (``orion.views``), the DRF permission class (``orion.api``), menus
(``orion.modules.context``) and the ``{% store_perm %}`` template tag.

Answers are cached on the user object, which lives for one request, so a
revoked role applies on the next request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

from orion.modules import registry, state

if TYPE_CHECKING:
    from orion.modules.definition import PermissionDefinition
    from orion.types import Actor, PlatformRef, StoreRef

# Held by every member of a store, whatever the role (see the tenancy backend).
STORE_ACCESS = "orion.access_store"
# Held by a platform's admins for that platform (``user.has_perm(PLATFORM_ADMIN, platform)``).
PLATFORM_ADMIN = "orion.administer_platform"


def is_member(user: Actor, store: StoreRef | None) -> bool:
    """Whether ``user`` is on ``store``'s team (superusers count as members of every store)."""
    return bool(
        store is not None
        and user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(STORE_ACCESS, store)  # type: ignore[arg-type]  # tenancy's Store: a model, as has_perm wants
    )


def module_of(permission: str) -> str:
    return permission.split(".", 1)[0]


def has_store_permission(
    user: Actor, store: StoreRef | None, permission: str | None, *, modules: frozenset[str] | None = None
) -> bool:
    """Whether ``user`` may use ``permission`` in ``store`` right now.

    ``None`` means "any member". A permission of a module that is off for
    the store's platform is held by nobody, owners included.
    TODO(issue: billing): and the store's tier has the feature.
    """
    if not is_member(user, store) or user is None or store is None:
        return False
    if permission is None:
        return True
    if not state.is_enabled(store.platform_id, module_of(permission), modules=modules):
        return False
    return user.has_perm(permission, store)  # type: ignore[arg-type]  # tenancy's Store: a model, as has_perm wants


def is_platform_admin(user: Actor, platform: PlatformRef | None) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_staff
        and user.has_perm(PLATFORM_ADMIN, platform)  # type: ignore[arg-type]  # tenancy's Platform: a model
    )


def declared_permissions(modules: frozenset[str] | None = None) -> dict[str, PermissionDefinition]:
    """Every permission declared by the given modules (all registered ones by default), by id."""
    return {
        permission.id: permission
        for code, definition in registry.MODULES.items()
        if modules is None or code in modules
        for permission in definition.permissions
    }


class RequiresStorePermission:
    """What a store view or API view asks for: ``permission_required`` to read,
    ``edit_permission_required`` (default: the same) to write; ``None`` admits any member."""

    permission_required: str | None = None
    edit_permission_required: str | None = None

    def required_permission(self, request: HttpRequest) -> str | None:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return self.permission_required
        return self.edit_permission_required or self.permission_required

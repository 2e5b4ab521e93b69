"""``{% store_perm "tenancy.manage_team" as can_manage %}``: the one permission check, in templates.

Same answer as the views and the API (``orion.permissions``): the user is on
the store's team, the role grants the permission and its module is enabled.
"""

from __future__ import annotations

from django import template

from orion.permissions import has_store_permission

register = template.Library()


@register.simple_tag(takes_context=True)
def store_perm(context: template.Context, permission: str) -> bool:
    request = context.get("request")
    if request is None:
        return False
    return has_store_permission(
        getattr(request, "user", None),
        getattr(request, "store", None),
        permission,
        modules=getattr(request, "modules", None),
    )

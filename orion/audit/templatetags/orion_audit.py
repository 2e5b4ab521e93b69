"""``{% audit_history obj activity_url %}``: the latest changes of a store's object, and a link to all of them.

``activity_url`` is the page listing a store's activity (the core module's), given by the template::

    {% url "store:core:activity_list" store_code=request.store.code as activity_url %}
    {% audit_history product activity_url %}
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.http import urlencode

from orion.audit.selectors import object_history, object_key

register = template.Library()


@register.inclusion_tag("partials/audit_history.html")
def audit_history(obj: Any, activity_url: str = "", limit: int = 5) -> dict[str, Any]:
    if obj is None or obj.pk is None:
        return {"entries": [], "all_url": None}
    return {
        "entries": object_history(obj, limit=limit),
        "all_url": f"{activity_url}?{urlencode({'object': object_key(obj)})}" if activity_url else None,
    }

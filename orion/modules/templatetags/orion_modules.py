"""Template tags: ``{% module_slot "name" %}`` renders what enabled modules put there.

A module fills a slot through ``ModuleDefinition.template_slots``
(``{"store.dashboard.widgets": "catalog/store/widget_stock.html"}``). A
template that fails is logged and replaced by a short notice, so one broken
module never breaks the page around it.
"""

from __future__ import annotations

import logging

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ..context import enabled_definitions

register = template.Library()
logger = logging.getLogger("orion.modules")


@register.simple_tag(takes_context=True)
def module_slot(context: template.Context, name: str) -> SafeString:
    request = context.get("request")
    if request is None:
        return mark_safe("")
    parts = []
    for definition in enabled_definitions(request):
        template_name = definition.template_slots.get(name)
        if not template_name:
            continue
        try:
            flat = context.flatten()  # its keys are names; django-stubs allows any hashable
            parts.append(render_to_string(template_name, flat, request=request))  # type: ignore[arg-type]
        except Exception:
            logger.exception("Slot '%s' of module '%s' failed to render", name, definition.code)
            parts.append(
                format_html(
                    '<div class="orion-slot-error" role="alert">{}</div>',
                    _("This section of module '%(code)s' could not be shown.") % {"code": definition.code},
                )
            )
    return mark_safe("".join(parts))

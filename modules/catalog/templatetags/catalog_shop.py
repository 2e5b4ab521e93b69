"""Template tags of the catalogue's storefront pages.

- ``{% shop_featured as products %}`` / ``{% shop_top_categories as categories %}``:
  what the home page's ``storefront.home`` slot shows;
- ``{{ product.card_thumbnail|media_url }}``: the URL of a stored file's name;
- ``{% page_query page=3 %}``: the current query string with other values, so
  pagination links keep the shopper's filters;
- ``{% json_ld data %}``: structured data for search engines, escaped like ``json_script``.
"""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .. import browsing

register = template.Library()

# The same escapes as django's json_script: "</script>" or "<!--" inside a value cannot end the element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def shop_featured(context: template.Context) -> list[Any]:
    return browsing.featured_products(store=context["request"].store)


@register.simple_tag(takes_context=True)
def shop_top_categories(context: template.Context) -> list[Any]:
    return browsing.top_level_categories(store=context["request"].store)


@register.filter
def media_url(name: str | None) -> str:
    """``"catalog/4/ab12.webp"`` -> its URL in the media storage; "" for no file."""
    return default_storage.url(name) if name else ""


@register.simple_tag(takes_context=True)
def page_query(context: template.Context, **changes: Any) -> str:
    """``?q=tent&page=2``: the request's query with ``changes`` applied (a ``None`` value removes the key)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def json_ld(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))

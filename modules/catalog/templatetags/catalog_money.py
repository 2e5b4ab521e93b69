"""``{{ product.price_cents|money:store.currency }}``: integer cents shown as a localized amount.

The formatting itself is ``catalog.formatting.format_money``.
"""

from __future__ import annotations

from django import template

from ..formatting import format_money

register = template.Library()


@register.filter
def money(cents: int | None, currency: str) -> str:
    return format_money(cents, currency)

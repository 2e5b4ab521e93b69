"""How the catalogue shows amounts: integer cents as a localized price.

The digits follow the active language's number format (``1,234.50`` in
English, ``1.234,50`` in German); where the symbol goes is a translatable
pattern, so each language places it its own way. The ``money`` template
filter (``templatetags/catalog_money``) and the storefront's product page
data (``browsing``) both format through here.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext

# Symbols of the currencies a store can use (tenancy's CURRENCIES); any other code is shown as itself.
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def format_money(cents: int | str | None, currency: str) -> str:
    """``1250, "EUR"`` -> ``"€12.50"`` (in English); ``""`` for no amount."""
    if cents is None or cents == "":
        return ""
    cents = int(cents)
    amount = number_format(Decimal(abs(cents)) / 100, decimal_pos=2, use_l10n=True, force_grouping=True)
    sign = "-" if cents < 0 else ""
    symbol = SYMBOLS.get(currency)
    if symbol is None:
        # Translators: a price with an ISO currency code, e.g. "12.50 CHF"; reorder for your language.
        text = gettext("%(amount)s %(currency)s") % {"amount": amount, "currency": currency}
    else:
        # Translators: a price with a currency symbol, e.g. "€12.50"; write "%(amount)s %(symbol)s" if it follows.
        text = gettext("%(symbol)s%(amount)s") % {"amount": amount, "symbol": symbol}
    return sign + text.replace(" ", "\u00a0")  # a price never breaks across lines

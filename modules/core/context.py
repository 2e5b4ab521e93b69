"""What core adds to every storefront page: the store's header and footer.

Templates read ``store_header`` and ``store_footer`` instead of walking
models, so the storefront layout stays the same whatever store it shows.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def _merchant_names(store: Any) -> dict[str, str]:
    # A fresh read: ``request.store`` comes from the tenant cache and is shared
    # between requests, so following ``store.merchant`` would pin a stale copy on it.
    from modules.tenancy.models import Merchant

    merchant = Merchant.objects.filter(pk=store.merchant_id).values("name", "legal_name").first() or {}
    return {"name": merchant.get("name", ""), "legal_name": merchant.get("legal_name") or merchant.get("name", "")}


def storefront_context(request: HttpRequest, platform: Any) -> dict[str, Any]:
    """``store_header`` (name, tagline in the active language) and ``store_footer`` (contact, merchant, platform)."""
    store = getattr(request, "store", None)
    if store is None:
        return {}
    merchant = _merchant_names(store)
    return {
        "store_header": {"name": store.name, "tagline": store.tagline, "code": store.code},
        "store_footer": {
            "contact_email": store.contact_email,
            "merchant_name": merchant["name"],
            "legal_name": merchant["legal_name"],
            "platform_name": getattr(platform, "name", ""),
        },
    }

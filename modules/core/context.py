"""What core adds to every storefront page: the store's header and footer.

Templates read ``store_header`` and ``store_footer`` instead of walking
models, so the storefront layout stays the same whatever store it shows.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from orion.types import PlatformRef


def storefront_context(request: HttpRequest, platform: PlatformRef | None) -> dict[str, Any]:
    """``store_header`` (name, tagline in the active language) and ``store_footer`` (contact, merchant, platform)."""
    store = getattr(request, "store", None)
    if store is None:
        return {}
    from modules.tenancy.interface import merchant_names  # models load after the registry

    merchant = merchant_names(store)
    return {
        "store_header": {"name": store.name, "tagline": store.tagline, "code": store.code},
        "store_footer": {
            "contact_email": store.contact_email,
            "merchant_name": merchant.name,
            "legal_name": merchant.legal_name,
            "platform_name": getattr(platform, "name", ""),
        },
    }

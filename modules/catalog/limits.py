"""The tier limit on active products: how many products a store may show in its shop at once.

The limit comes from whichever enabled module sets it (billing, from the
store's plan) through ``orion.limits.store_limit``; without one, from the
module's config ``CATALOG_ACTIVE_PRODUCT_LIMIT`` (500). ``None`` or 0 means
unlimited.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store
from orion.limits import store_limit, within_limit
from orion.modules.config import get_module_config

from .exceptions import ActiveProductLimitError
from .models import Product, ProductStatus

LIMIT_NAME = "catalog.active_products"


def active_product_limit(store: StoreRef) -> int | None:
    """The most active products ``store`` may have, or ``None`` for no limit."""
    limit = store_limit(store, LIMIT_NAME)
    if limit is None:
        limit = get_module_config("catalog")["active_product_limit"]
    return limit or None


def check_active_product_limit(*, store: Store, activating: int) -> None:
    """Refuse (``ActiveProductLimitError``) to make ``activating`` more products active beyond the limit.

    Call inside the transaction that activates them: the store's row is
    locked first, so two publishes at once are counted one after the other.
    """
    if activating <= 0:
        return
    limit = active_product_limit(store)
    if limit is None:
        return
    from modules.tenancy.interface import Store

    Store.objects.select_for_update().filter(pk=store.pk).values_list("pk", flat=True).get()
    active = Product.objects.filter(store=store, status=ProductStatus.ACTIVE).count()
    if within_limit(limit, active + activating):
        return
    message = ngettext(
        "Your plan allows %(limit)d active product and %(active)d is active.",
        "Your plan allows %(limit)d active products and %(active)d are active.",
        limit,
    ) % {"limit": limit, "active": active}
    hint = _("Archive products or upgrade your plan to publish more.")
    message = f"{message} {hint}"
    raise ActiveProductLimitError(message, errors={"status": [message]})

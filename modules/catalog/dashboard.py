"""The catalog's dashboard tiles: active products against the store's limit, and drafts (one query)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scope

from modules.contracts.protocols import Metric, StoreRef
from orion.http import StoreRequest
from orion.permissions import has_store_permission

from .limits import active_product_limit
from .models import Product, ProductStatus


class CatalogMetricsProvider:
    def get_metrics(self, store: StoreRef, request: StoreRequest) -> list[Metric]:
        if not has_store_permission(request.user, store, "catalog.view_product", modules=request.modules):
            return []
        with scope(store=store):
            counts = Product.objects.aggregate(
                active=Count("pk", filter=Q(status=ProductStatus.ACTIVE)),
                drafts=Count("pk", filter=Q(status=ProductStatus.DRAFT)),
            )
        limit = active_product_limit(store)
        url = reverse("store:catalog:product_list", kwargs={"store_code": store.code})
        active = f"{counts['active']} / {limit}" if limit else counts["active"]
        return [
            Metric(key="catalog.active_products", label=_("Active products"), value=active, url=url, order=20),
            Metric(
                key="catalog.draft_products",
                label=_("Draft products"),
                value=counts["drafts"],
                url=f"{url}?status=draft",
                order=21,
            ),
        ]

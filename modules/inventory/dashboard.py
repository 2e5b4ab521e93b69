"""Inventory's dashboard: tiles for low and sold-out items, and a card listing the lowest ones."""

from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scope

from modules.contracts.protocols import Metric, StoreRef, Widget
from orion.http import StoreRequest
from orion.permissions import has_store_permission

from .models import StockItem

LOW_STOCK_ROWS = 5


# At or below its threshold; sold out is at or below zero available.
LOW = Q(low_stock_threshold__isnull=False, on_hand__lte=F("reserved") + F("low_stock_threshold"))
SOLD_OUT = Q(on_hand__lte=F("reserved"))


def _tracked() -> QuerySet[StockItem]:
    return StockItem.objects.filter(is_active=True, track_stock=True)


def _may_view(store: StoreRef, request: StoreRequest) -> bool:
    return has_store_permission(request.user, store, "inventory.view_stock", modules=request.modules)


class InventoryDashboardProvider:
    def get_metrics(self, store: StoreRef, request: StoreRequest) -> list[Metric]:
        if not _may_view(store, request):
            return []
        with scope(store=store):
            counts = _tracked().aggregate(sold_out=Count("pk", filter=SOLD_OUT), low=Count("pk", filter=LOW))
        url = reverse("store:inventory:stock_list", kwargs={"store_code": store.code})
        return [
            Metric(
                key="inventory.low_stock",
                label=_("Low on stock"),
                value=counts["low"],
                url=f"{url}?low_only=1",
                order=30,
            ),
            Metric(key="inventory.sold_out", label=_("Sold out"), value=counts["sold_out"], url=url, order=31),
        ]

    def get_widgets(self, store: StoreRef, request: StoreRequest) -> list[Widget]:
        if not _may_view(store, request):
            return []
        with scope(store=store):
            rows = list(_tracked().filter(LOW).order_by(F("on_hand") - F("reserved"), "sku")[:LOW_STOCK_ROWS])
        if not rows:
            return []
        return [
            Widget(
                key="inventory.low_stock",
                title=_("Running low"),
                template="inventory/store/_widget_low_stock.html",
                context={"items": rows, "store_code": store.code},
                order=30,
            )
        ]

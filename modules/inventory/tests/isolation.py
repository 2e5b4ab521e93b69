"""Isolation seeds of the inventory module's store-scoped models (see ``orion.testing.isolation``)."""

from __future__ import annotations

from typing import Any

from orion.testing.isolation import seed

from .factories import (
    ReservationFactory,
    StockItemFactory,
    StockLevelFactory,
    StockLocationFactory,
    StockMovementFactory,
)


@seed("inventory.StockLocation")
def location(store: Any, tag: str) -> Any:
    return StockLocationFactory(store=store, name=f"{tag}-secret-location", code=f"{tag}-secret")


@seed("inventory.StockItem")
def stock_item(store: Any, tag: str) -> Any:
    return StockItemFactory(store=store, sku=f"{tag}-secret-item", name=f"{tag}-secret-item")


def _item_and_shelf(store: Any, tag: str) -> dict[str, Any]:
    return {
        "item": StockItemFactory(store=store, sku=f"{tag}-secret-levelled", name=f"{tag}-secret-levelled"),
        "location": StockLocationFactory(store=store, name=f"{tag}-secret-shelf", code=f"{tag}-secret-shelf"),
    }


@seed("inventory.StockLevel")
def stock_level(store: Any, tag: str) -> Any:
    return StockLevelFactory(store=store, quantity=5, **_item_and_shelf(store, tag))


@seed("inventory.StockMovement")
def stock_movement(store: Any, tag: str) -> Any:
    return StockMovementFactory(
        store=store, quantity=5, reference=f"{tag}-secret-delivery", **_item_and_shelf(store, f"{tag}-moved")
    )


@seed("inventory.Reservation")
def reservation(store: Any, tag: str) -> Any:
    item = StockItemFactory(store=store, sku=f"{tag}-secret-reserved", name=f"{tag}-secret-reserved")
    return ReservationFactory(store=store, item=item, quantity=1, reference=f"{tag}-secret-cart")

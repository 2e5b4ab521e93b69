"""factory_boy factories for the inventory module: locations, items, levels, movements and reservations.

Every row is made by the inventory services, so the figures on stock items
(``on_hand``, ``reserved``) and the movement ledger always agree:

* ``StockLocationFactory(store=store, code="main")`` (named after its code);
* ``StockItemFactory(store=store, sku="TEE-M", stock={main: 10})`` receives
  10 units at ``main`` and returns the item re-read;
* ``StockLevelFactory`` / ``StockMovementFactory`` receive ``quantity`` units
  of an item at a location and return the level / the movement;
* ``ReservationFactory(store=store, item=item, quantity=1)`` holds units.
"""

from __future__ import annotations

from typing import Any

import factory
from django_scopes import scopes_disabled

from modules.inventory import services
from modules.inventory.models import Reservation, StockItem, StockLevel, StockLocation, StockMovement
from modules.tenancy.tests.factories import StoreFactory
from orion.testing.factories import ServiceFactory


class StockLocationFactory(ServiceFactory):
    class Meta:
        model = StockLocation

    store = factory.SubFactory(StoreFactory)
    code = factory.Sequence(lambda n: f"location-{n}")
    name = factory.LazyAttribute(lambda o: o.code.title())
    actor = None

    @classmethod
    def _create(cls, model_class: type, **values: Any) -> StockLocation:
        return services.location_create(**values)


class StockItemFactory(ServiceFactory):
    """An item (``name`` is the SKU title-cased unless given), with ``stock={location: quantity}`` received."""

    class Meta:
        model = StockItem

    store = factory.SubFactory(StoreFactory)
    sku = factory.Sequence(lambda n: f"ITEM-{n}")
    name = factory.LazyAttribute(lambda o: o.sku.title())

    @classmethod
    def _create(cls, model_class: type, *, stock: dict[Any, int] | None = None, **values: Any) -> StockItem:
        item = services.stock_item_create(**values)
        for location, quantity in (stock or {}).items():
            services.stock_adjust(
                store=item.store, actor=None, item=item, location=location, reason="received", delta=quantity
            )
        return fresh(item)


def fresh(item: StockItem) -> StockItem:
    """The item re-read (its figures change in the database, not on the instance)."""
    with scopes_disabled():
        return StockItem.objects.get(pk=item.pk)


class StockMovementFactory(ServiceFactory):
    """``quantity`` units (5 unless given) of ``item`` received at ``location``: the ledger's movement."""

    class Meta:
        model = StockMovement

    store = factory.SubFactory(StoreFactory)
    item = factory.SubFactory(StockItemFactory, store=factory.SelfAttribute("..store"))
    location = factory.SubFactory(StockLocationFactory, store=factory.SelfAttribute("..store"))
    quantity = 5
    reason = "received"
    reference = ""
    actor = None

    @classmethod
    def _create(cls, model_class: type, *, quantity: int, **values: Any) -> StockMovement:
        return services.stock_adjust(delta=quantity, **values)


class StockLevelFactory(StockMovementFactory):
    """The level of ``item`` at ``location`` after ``quantity`` units (5 unless given) were received there."""

    class Meta:
        model = StockLevel

    @classmethod
    def _create(cls, model_class: type, **values: Any) -> StockLevel:
        movement = super()._create(StockMovement, **values)
        with scopes_disabled():
            return StockLevel.objects.get(item=movement.item, location=movement.location)


class ReservationFactory(ServiceFactory):
    """``quantity`` units of ``item`` held for ``reference``; the item has that much received unless it has stock."""

    class Meta:
        model = Reservation

    store = factory.SubFactory(StoreFactory)
    item = factory.SubFactory(StockItemFactory, store=factory.SelfAttribute("..store"))
    quantity = 1
    reference = factory.Sequence(lambda n: f"cart-{n}")

    @classmethod
    def _create(cls, model_class: type, **values: Any) -> Reservation:
        item = values["item"]
        if item.track_stock and fresh(item).available < values["quantity"]:
            StockMovementFactory(store=values["store"], item=item, quantity=values["quantity"])
        return services.reservation_create(**values)

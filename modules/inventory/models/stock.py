from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class StockItem(models.Model):
    """One thing that is counted: a product variant of the catalog, by its SKU.

    ``on_hand`` (the sum of the item's levels) and ``reserved`` (the sum of
    its active reservations) are kept by the services in the same transaction
    as the rows they summarise, so lists can filter on availability without
    aggregating; ``stock_rebuild`` recomputes them from the ledger.
    """

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="stock_items")
    sku = models.CharField(_("SKU"), max_length=64)
    name = models.CharField(_("name"), max_length=255, blank=True)
    track_stock = models.BooleanField(
        _("track stock"), default=True, help_text=_("Off for services and made-to-order goods: never sold out.")
    )
    low_stock_threshold = models.PositiveIntegerField(
        _("low-stock threshold"),
        null=True,
        blank=True,
        help_text=_("Warn when the available quantity falls to this number or below."),
    )
    on_hand = models.IntegerField(_("on hand"), default=0, editable=False)
    reserved = models.IntegerField(_("reserved"), default=0, editable=False)
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Off once its variant is deleted."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("stock item")
        verbose_name_plural = _("stock items")
        ordering = ["sku"]
        constraints = [
            models.UniqueConstraint(fields=["store", "sku"], name="inventory_item_sku_unique"),
            models.CheckConstraint(condition=models.Q(on_hand__gte=0), name="inventory_item_on_hand_not_negative"),
            models.CheckConstraint(condition=models.Q(reserved__gte=0), name="inventory_item_reserved_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.sku} {self.name}".strip()

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def is_low(self) -> bool:
        return self.track_stock and self.low_stock_threshold is not None and self.available <= self.low_stock_threshold


class StockLevel(models.Model):
    """How many units of an item are at one location; never below zero (a database constraint)."""

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(StockItem, on_delete=models.CASCADE, related_name="levels")
    location = models.ForeignKey("inventory.StockLocation", on_delete=models.PROTECT, related_name="levels")
    quantity = models.IntegerField(_("quantity"), default=0)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("stock level")
        verbose_name_plural = _("stock levels")
        ordering = ["item_id", "location_id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "location"], name="inventory_level_item_location_unique"),
            models.CheckConstraint(condition=models.Q(quantity__gte=0), name="inventory_level_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.item} @ {self.location}: {self.quantity}"


class MovementReason(models.TextChoices):
    RECEIVED = "received", _("Received")
    COUNT = "count", _("Stock count")
    CORRECTION = "correction", _("Correction")
    DAMAGED = "damaged", _("Damaged or lost")
    RETURNED = "returned", _("Returned by customer")
    TRANSFER = "transfer", _("Transfer between locations")
    SOLD = "sold", _("Sold")


class StockMovement(models.Model):
    """One change of a stock level: the append-only ledger levels can be rebuilt from.

    Rows are only ever inserted (``save`` refuses updates, ``delete``
    refuses); ``quantity_after`` is the level right after the change.
    """

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(StockItem, on_delete=models.PROTECT, related_name="movements")
    location = models.ForeignKey("inventory.StockLocation", on_delete=models.PROTECT, related_name="movements")
    delta = models.IntegerField(_("change"))
    quantity_after = models.IntegerField(_("quantity after"))
    reason = models.CharField(_("reason"), max_length=20, choices=MovementReason.choices)
    reference = models.CharField(_("reference"), max_length=100, blank=True, help_text=_("Order, delivery note, ..."))
    note = models.CharField(_("note"), max_length=255, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["store", "-created_at"], name="inventory_movement_recent")]

    def __str__(self) -> str:
        return f"{self.item.sku} {self.delta:+d} @ {self.location} ({self.get_reason_display()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Stock movements are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValueError("Stock movements are append-only.")


class ReservationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    RELEASED = "released", _("Released")
    CONSUMED = "consumed", _("Consumed")


class Reservation(models.Model):
    """Units of an item held for a cart or checkout until ``expires_at``.

    An active reservation counts against availability only while it has
    not expired; the periodic release task then marks it released.
    """

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(StockItem, on_delete=models.CASCADE, related_name="reservations")
    quantity = models.PositiveIntegerField(_("quantity"))
    reference = models.CharField(_("reference"), max_length=100, help_text=_("The cart or checkout holding it."))
    status = models.CharField(_("status"), max_length=10, choices=ReservationStatus.choices, default="active")
    expires_at = models.DateTimeField(_("expires"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("stock reservation")
        verbose_name_plural = _("stock reservations")
        ordering = ["expires_at", "id"]
        indexes = [models.Index(fields=["status", "expires_at"], name="inventory_reservation_due")]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="inventory_reservation_positive")
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.item.sku} for {self.reference}"

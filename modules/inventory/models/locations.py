from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class StockLocation(models.Model):
    """A warehouse, shop or shelf a store keeps stock in.

    Allocation takes stock from active locations in ``position`` order, so
    the first one is where orders are served from first.
    """

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="stock_locations")
    name = models.CharField(_("name"), max_length=100)
    code = models.SlugField(_("code"), max_length=50, help_text=_("Short name used in exports and the API."))
    address = models.TextField(_("address"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("stock location")
        verbose_name_plural = _("stock locations")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["store", "code"], name="inventory_location_code_unique")]

    def __str__(self) -> str:
        return self.name

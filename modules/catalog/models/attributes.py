from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Attribute(models.Model):
    """An option products vary by, such as size or colour, shared by the store's products."""

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("code"), max_length=100)
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["store", "slug"], name="catalog_attribute_slug_unique")]

    def __str__(self) -> str:
        return self.name


class AttributeValue(models.Model):
    """One value of an attribute ("M", "red") a variant can have."""

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    attribute = models.ForeignKey(Attribute, on_delete=models.CASCADE, related_name="values")
    value = models.CharField(_("value"), max_length=100)
    slug = models.SlugField(_("code"), max_length=100)
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("attribute value")
        verbose_name_plural = _("attribute values")
        ordering = ["attribute_id", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["attribute", "slug"], name="catalog_value_slug_unique")]

    def __str__(self) -> str:
        return f"{self.attribute.name}: {self.value}"

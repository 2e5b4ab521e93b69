from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Category(models.Model):
    """A node of the store's category tree (adjacency list).

    A store has tens to hundreds of categories, so the tree is read whole in
    one query and assembled in Python (``selectors.category_tree``); a
    category page lists the products of the category and its descendants.
    """

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("visible in the shop"), default=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["store", "slug"], name="catalog_category_slug_unique")]

    def __str__(self) -> str:
        return self.name

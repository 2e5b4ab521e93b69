"""Platforms, the domains they answer on, and their stores.

The framework reaches these through settings (``ORION_PLATFORM_MODEL``,
``ORION_PLATFORM_DOMAIN_MODEL``, ``ORION_STORE_MODEL``) and relies on the
fields named there: ``code`` and ``is_active`` on platforms and stores,
``domain`` and ``platform`` on domains.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

hostname_validator = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$",
    _("Enter a host name such as shop.example.com, in lower case, without a port or scheme."),
)


class Platform(models.Model):
    """One platform of the deployment: its own domains, modules and merchants."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        swappable = "ORION_PLATFORM_MODEL"
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PlatformDomain(models.Model):
    """A host name a platform answers on (without port)."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, unique=True, validators=[hostname_validator])
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        verbose_name = _("platform domain")
        verbose_name_plural = _("platform domains")
        ordering = ["-is_primary", "domain"]

    def __str__(self) -> str:
        return self.domain

    def clean(self) -> None:
        self.domain = (self.domain or "").strip().lower()
        if ":" in self.domain or "/" in self.domain:
            raise ValidationError({"domain": _("Give the host name only, without scheme, port or path.")})


class Store(models.Model):
    """A store run on a platform; its code appears in its URLs (/store/<code>/)."""

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="stores")
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("store")
        verbose_name_plural = _("stores")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["platform", "code"], name="unique_store_code_per_platform")]

    def __str__(self) -> str:
        return self.name

"""Platforms, the domains they answer on, and their staff."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

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
        from .stores import StoreDomain  # one host, one tenant: a store may already answer on it

        with scopes_disabled():
            if StoreDomain.objects.filter(domain__iexact=self.domain).exists():
                raise ValidationError({"domain": _("A store already uses this domain for its storefront.")})


class PlatformStaff(models.Model):
    """A platform admin: a staff user who administers one platform in Django admin.

    Superusers administer every platform; other staff users see only the
    platforms they are attached to here (see ``admin_scope.py``).
    """

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="platform_staff")

    class Meta:
        verbose_name = _("platform admin")
        verbose_name_plural = _("platform admins")
        constraints = [models.UniqueConstraint(fields=["platform", "user"], name="unique_platform_staff")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.platform}"

"""Merchants (the companies), their stores, and the domains a storefront answers on."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from .platforms import Platform, PlatformDomain, hostname_validator

CURRENCIES = [
    ("EUR", _("Euro (EUR)")),
    ("USD", _("US dollar (USD)")),
    ("GBP", _("Pound sterling (GBP)")),
    ("CHF", _("Swiss franc (CHF)")),
]


class Merchant(models.Model):
    """The company behind one or more stores on a platform."""

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="merchants")
    name = models.CharField(_("name"), max_length=150)
    legal_name = models.CharField(_("legal name"), max_length=200, blank=True)
    email = models.EmailField(_("contact email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("merchant")
        verbose_name_plural = _("merchants")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Store(models.Model):
    """A store run by a merchant on a platform; its code appears in its URLs."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        CLOSED = "closed", _("Closed")

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="stores")
    merchant = models.ForeignKey(Merchant, on_delete=models.PROTECT, related_name="stores")
    code = models.SlugField(
        _("code"), max_length=50, help_text=_("Lower-case letters, digits and hyphens; used in the store's addresses.")
    )
    name = models.CharField(_("name"), max_length=150)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    # Derived from status, stored so the framework can filter on it (see __init__).
    is_active = models.GeneratedField(
        expression=models.Case(
            models.When(status="active", then=models.Value(True)),
            default=models.Value(False),
            output_field=models.BooleanField(),
        ),
        output_field=models.BooleanField(),
        db_persist=True,
        verbose_name=_("active"),
    )
    default_language = models.CharField(
        _("default language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="EUR")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("store")
        verbose_name_plural = _("stores")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["platform", "code"], name="unique_store_code_per_platform")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.merchant_id and self.platform_id and self.merchant.platform_id != self.platform_id:
            raise ValidationError({"merchant": _("The merchant belongs to another platform.")})


class StoreDomain(models.Model):
    """A host name a storefront answers on: a subdomain of a platform domain, or the merchant's own."""

    class Kind(models.TextChoices):
        SUBDOMAIN = "subdomain", _("Platform subdomain")
        CUSTOM = "custom", _("Custom domain")

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, validators=[hostname_validator])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CUSTOM)
    is_primary = models.BooleanField(_("primary"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("store domain")
        verbose_name_plural = _("store domains")
        ordering = ["-is_primary", "domain"]
        constraints = [models.UniqueConstraint(Lower("domain"), name="unique_store_domain")]

    def __str__(self) -> str:
        return self.domain

    def clean(self) -> None:
        self.domain = (self.domain or "").strip().lower().rstrip(".")
        if PlatformDomain.objects.filter(domain__iexact=self.domain).exists():
            raise ValidationError({"domain": _("A platform answers on this domain; a store cannot use it.")})

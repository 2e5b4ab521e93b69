"""Per-platform module state and its audit trail.

The platform model is reached through ``settings.ORION_PLATFORM_MODEL`` so the
framework never names the module that defines it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import registry


class PlatformModule(models.Model):
    """Whether one module is on for one platform, and why.

    Core modules are on whatever this table says. A disabled module keeps its
    row (and its settings): disabling never deletes a module's data.
    """

    class Reason(models.TextChoices):
        EXPLICIT = "explicit", _("enabled explicitly")
        REQUIREMENT = "requirement", _("enabled as a requirement")

    platform = models.ForeignKey(
        settings.ORION_PLATFORM_MODEL, on_delete=models.CASCADE, related_name="module_states"
    )
    module_code = models.CharField(_("module"), max_length=64)
    is_enabled = models.BooleanField(_("enabled"), default=False)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices, default=Reason.EXPLICIT)
    settings = models.JSONField(_("settings"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("platform module")
        verbose_name_plural = _("platform modules")
        constraints = [
            models.UniqueConstraint(fields=["platform", "module_code"], name="unique_module_per_platform")
        ]
        indexes = [models.Index(fields=["platform", "is_enabled"])]

    def __str__(self) -> str:
        return f"{self.platform} / {self.module_code}"

    def clean(self) -> None:
        definition = registry.get_module(self.module_code)
        if definition is None:
            raise ValidationError({"module_code": _("Unknown module '%(code)s'.") % {"code": self.module_code}})
        if definition.settings_form is not None:
            form = definition.settings_form(data=self.settings)
            if not form.is_valid():
                raise ValidationError({"settings": [f"{k}: {' '.join(map(str, v))}" for k, v in form.errors.items()]})


class ModuleAuditEntry(models.Model):
    """One change of one module on one platform: who, when, what, and why.

    Entries written by one enable/disable call share a ``batch`` so a cascade
    can be read as a whole; ``triggered_by`` names the module the operator
    asked for when this change is a consequence of it.
    """

    class Action(models.TextChoices):
        ENABLED = "module.enabled", _("enabled")
        DISABLED = "module.disabled", _("disabled")
        CONFIG_CHANGED = "module.config_changed", _("settings changed")

    platform = models.ForeignKey(
        settings.ORION_PLATFORM_MODEL, on_delete=models.CASCADE, related_name="module_audit_entries"
    )
    module_code = models.CharField(_("module"), max_length=64)
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    cause = models.CharField(_("cause"), max_length=255, blank=True)
    triggered_by = models.CharField(_("triggered by"), max_length=64, blank=True)
    batch = models.UUIDField(_("batch"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("actor"), max_length=255, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("module audit entry")
        verbose_name_plural = _("module audit trail")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.platform} {self.module_code} {self.action}"

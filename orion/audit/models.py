"""One row per audited change of a store's data (pretix-style log entries, one table for every module)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class AuditEntry(models.Model):
    """What happened to one object of a store, by whom: append-only.

    ``action`` is ``<module>.<entity>.<past verb>`` (``catalog.product.updated``).
    ``changes`` maps the fields that matter to ``[before, after]``; a created
    object has ``None`` before, a deleted one ``None`` after. ``object_repr`` and
    ``actor_label`` are written out so the entry still reads right once the
    object or the user is gone.
    """

    store = models.ForeignKey(settings.ORION_STORE_MODEL, on_delete=models.CASCADE, related_name="audit_entries")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    action = models.CharField(_("action"), max_length=100)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("by"), max_length=254, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["store", "-created_at"], name="audit_store_recent"),
            models.Index(fields=["store", "content_type", "object_id"], name="audit_store_object"),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.object_repr}"

    @property
    def module(self) -> str:
        return self.action.split(".", 1)[0]

    @property
    def verb(self) -> str:
        """``created``, ``updated``, ``deleted``, ... (the action's last part)."""
        return self.action.rsplit(".", 1)[-1]

    @property
    def change_rows(self) -> list[tuple[str, object, object]]:
        """``(field, before, after)`` in field order, for templates."""
        return [(field, values[0], values[1]) for field, values in self.changes.items()]

"""One row per audited change of a store's data (pretix-style log entries, one table for every module)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
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
    def verb_label(self) -> str:
        """The action's verb in the reader's language ("changed"), or as written when it has no translation."""
        return str(VERBS.get(self.verb, self.verb.replace("_", " ")))

    @property
    def object_label(self) -> str:
        """What kind of object this is about, in the reader's language ("product")."""
        model = self.content_type.model_class()
        return str(model._meta.verbose_name) if model is not None else self.content_type.model

    @property
    def change_rows(self) -> list[tuple[str, object, object]]:
        """``(field label, before, after)`` in the order recorded, for templates.

        A model names values of its entries that are not for readers in ``audit_hidden_fields``.
        """
        model = self.content_type.model_class()
        rows = []
        # Kept for the module's own use (a built-in role's kind, to name it in the reader's language), not shown.
        hidden = set(getattr(model, "audit_hidden_fields", ()))
        for name, (before, after) in self.changes.items():
            if name in hidden:
                continue
            try:
                field = model._meta.get_field(name) if model is not None else None
            except FieldDoesNotExist:
                field = None
            label = getattr(field, "verbose_name", None)
            choices = dict(getattr(field, "flatchoices", None) or ())
            if choices:  # a status as the reader's language names it ("Active"), not its code
                before, after = choices.get(before, before), choices.get(after, after)
            # Not a field of its own (a product's variants, a store's domain): a label of the trail's.
            label = str(label or FIELD_LABELS.get(name, name.replace("_", " ")))
            if name.endswith(CENTS_SUFFIX):  # amounts are kept in cents and read as money: "price", 12.50
                label = label.split(" (", 1)[0]
                before, after = _money(before), _money(after)
            rows.append((label, _shown(before), _shown(after)))
        return rows


CENTS_SUFFIX = "_cents"


def _money(cents: object) -> object:
    """An amount in cents as the reader's locale writes it with two decimals (1250 -> "12.50" or "12,50")."""
    if isinstance(cents, int) and not isinstance(cents, bool):
        return number_format(Decimal(cents) / 100, decimal_pos=2)
    return cents


def _shown(value: object) -> object:
    """A recorded value as a reader sees it: lists joined, yes/no for flags; ``None`` stays (nothing there)."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or None
    return value


# Verbs of ``<module>.<entity>.<verb>`` actions, translated; an action with another verb shows it as written.
VERBS = {
    "created": _("created"),
    "updated": _("changed"),
    "deleted": _("deleted"),
    "retired": _("retired"),
    "revoked": _("revoked"),
    "added": _("added"),
    "removed": _("removed"),
    "made_primary": _("made primary"),
    "image_added": _("image added"),
    "image_updated": _("image changed"),
    "image_removed": _("image removed"),
    # A team's changes (tenancy); in a context of their own, as "joined" and "sent" also name dates of its rows.
    "joined": pgettext_lazy("audit action", "joined"),
    "role_changed": pgettext_lazy("audit action", "role changed"),
    "suspended": pgettext_lazy("audit action", "suspended"),
    "reactivated": pgettext_lazy("audit action", "reactivated"),
    "left": pgettext_lazy("audit action", "left"),
    "sent": pgettext_lazy("audit action", "sent"),
}
# Labels of recorded values that are not model fields.
FIELD_LABELS = {"variants": _("variants")}

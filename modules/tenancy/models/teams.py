"""Store teams: roles, memberships and invitations.

A role is a set of permission ids drawn from what modules declare. The
built-in roles compute theirs from the registry (see ``roles.py``), so a
module enabled later brings its permissions to owners and managers at once;
custom roles store a list.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from .stores import Store


class StoreRole(models.Model):
    """A named set of permissions in one store."""

    class Kind(models.TextChoices):
        OWNER = "owner", _("Owner")
        MANAGER = "manager", _("Manager")
        STAFF = "staff", _("Staff")
        CUSTOM = "custom", _("Custom")

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CUSTOM)
    name = models.CharField(_("name"), max_length=80)
    permissions = models.JSONField(_("permissions"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("store role")
        verbose_name_plural = _("store roles")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["store", "name"], name="unique_role_name_per_store"),
            models.UniqueConstraint(
                fields=["store", "kind"], condition=~models.Q(kind="custom"), name="one_builtin_role_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return str(self.display_name)

    @property
    def is_builtin(self) -> bool:
        return self.kind != self.Kind.CUSTOM

    @property
    def display_name(self) -> str:
        """Built-in roles in the reader's language; custom roles as their store named them."""
        return self.get_kind_display() if self.is_builtin else self.name


class StoreMembership(models.Model):
    """A user on a store's team, with one role; suspended members have no access."""

    # Its audit entries keep the role's kind to name a built-in role in the reader's language; not shown as a change.
    audit_hidden_fields = ("role_kind",)

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="store_memberships")
    role = models.ForeignKey(StoreRole, on_delete=models.PROTECT, related_name="memberships")
    # A suspended member keeps their place and role but has no access until reactivated.
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["store", "user"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class Invitation(models.Model):
    """An invitation by email to join a store's team; its token is single-use and expires.

    Only a SHA-256 hash of the token is stored: the token itself exists in
    the email alone.
    """

    audit_hidden_fields = ("role_kind",)  # as for a membership

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.ForeignKey(StoreRole, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()

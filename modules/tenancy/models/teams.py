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

from orion.types import StrOrPromise

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


class TeamEvent(models.Model):
    """What happened to a store's team, by whom: the team's audit trail (append-only).

    ``subject`` is written out (an email, a role name) so the entry still reads
    right after the member, invitation or role is gone.
    """

    class Action(models.TextChoices):
        MEMBER_JOINED = "tenancy.member.joined", _("Member joined")
        MEMBER_ROLE_CHANGED = "tenancy.member.role_changed", _("Member's role changed")
        MEMBER_SUSPENDED = "tenancy.member.suspended", _("Member suspended")
        MEMBER_REACTIVATED = "tenancy.member.reactivated", _("Member reactivated")
        MEMBER_REMOVED = "tenancy.member.removed", _("Member removed")
        MEMBER_LEFT = "tenancy.member.left", _("Member left")
        INVITATION_SENT = "tenancy.invitation.sent", _("Invitation sent")
        INVITATION_REVOKED = "tenancy.invitation.revoked", _("Invitation revoked")
        ROLE_CREATED = "tenancy.role.created", _("Role created")
        ROLE_UPDATED = "tenancy.role.updated", _("Role changed")
        ROLE_DELETED = "tenancy.role.deleted", _("Role deleted")

    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name="team_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=50, choices=Action.choices)
    subject = models.CharField(_("about"), max_length=254)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = ScopedManager(store="store")

    class Meta:
        verbose_name = _("team event")
        verbose_name_plural = _("team events")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.subject}"

    @property
    def sentence(self) -> str:
        """The entry as one sentence in the reader's language, for the team page."""
        template = _SENTENCES.get(self.action, _("%(actor)s: %(subject)s"))
        return str(template) % {
            "actor": self.actor.get_full_name() if self.actor else _("Someone"),
            "subject": self.subject,
            "role": self._role_text("role"),
            "before": self._role_text("before"),
        }

    def _role_text(self, key: str) -> str:
        kind = self.details.get(f"{key}_kind")
        if kind and kind != StoreRole.Kind.CUSTOM:
            return str(StoreRole.Kind(kind).label)
        text: str = self.details.get(key, "")
        return text


_SENTENCES: dict[str, StrOrPromise] = {
    TeamEvent.Action.MEMBER_JOINED: _("%(subject)s joined the team as %(role)s."),
    TeamEvent.Action.MEMBER_ROLE_CHANGED: _("%(actor)s changed the role of %(subject)s from %(before)s to %(role)s."),
    TeamEvent.Action.MEMBER_SUSPENDED: _("%(actor)s suspended %(subject)s."),
    TeamEvent.Action.MEMBER_REACTIVATED: _("%(actor)s reactivated %(subject)s."),
    TeamEvent.Action.MEMBER_REMOVED: _("%(actor)s removed %(subject)s from the team."),
    TeamEvent.Action.MEMBER_LEFT: _("%(subject)s left the team."),
    TeamEvent.Action.INVITATION_SENT: _("%(actor)s invited %(subject)s as %(role)s."),
    TeamEvent.Action.INVITATION_REVOKED: _("%(actor)s revoked the invitation of %(subject)s."),
    TeamEvent.Action.ROLE_CREATED: _("%(actor)s created the role %(subject)s."),
    TeamEvent.Action.ROLE_UPDATED: _("%(actor)s changed the role %(subject)s."),
    TeamEvent.Action.ROLE_DELETED: _("%(actor)s deleted the role %(subject)s."),
}

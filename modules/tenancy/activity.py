"""The team's changes in the store's audit trail: their action codes, and how the team page tells them.

Team services record them like every write (``orion.services.record``), about
the membership, role or invitation, named by its subject (an email, a role
name) so an entry still reads right once the row is gone. A role is kept in
``changes`` by name and kind (``{"role": ["Staff", "Manager"], "role_kind":
["staff", "manager"]}``), so built-in role names read translated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from orion.audit.models import AuditEntry
from orion.types import StrOrPromise

from .models import StoreRole

MEMBER_JOINED = "tenancy.member.joined"
MEMBER_ROLE_CHANGED = "tenancy.member.role_changed"
MEMBER_SUSPENDED = "tenancy.member.suspended"
MEMBER_REACTIVATED = "tenancy.member.reactivated"
MEMBER_REMOVED = "tenancy.member.removed"
MEMBER_LEFT = "tenancy.member.left"
INVITATION_SENT = "tenancy.invitation.sent"
INVITATION_REVOKED = "tenancy.invitation.revoked"
ROLE_CREATED = "tenancy.role.created"
ROLE_UPDATED = "tenancy.role.updated"
ROLE_DELETED = "tenancy.role.deleted"

_SENTENCES: dict[str, StrOrPromise] = {
    MEMBER_JOINED: _("%(subject)s joined the team as %(role)s."),
    MEMBER_ROLE_CHANGED: _("%(actor)s changed the role of %(subject)s from %(before)s to %(role)s."),
    MEMBER_SUSPENDED: _("%(actor)s suspended %(subject)s."),
    MEMBER_REACTIVATED: _("%(actor)s reactivated %(subject)s."),
    MEMBER_REMOVED: _("%(actor)s removed %(subject)s from the team."),
    MEMBER_LEFT: _("%(subject)s left the team."),
    INVITATION_SENT: _("%(actor)s invited %(subject)s as %(role)s."),
    INVITATION_REVOKED: _("%(actor)s revoked the invitation of %(subject)s."),
    ROLE_CREATED: _("%(actor)s created the role %(subject)s."),
    ROLE_UPDATED: _("%(actor)s changed the role %(subject)s."),
    ROLE_DELETED: _("%(actor)s deleted the role %(subject)s."),
}
# The actions of the team's trail (the team page, the store API's activity), of all the store's entries.
TEAM_ACTIONS = tuple(_SENTENCES)
# Their names, for the store API's schema.
ACTION_CHOICES: list[tuple[str, StrOrPromise]] = [
    (MEMBER_JOINED, _("Member joined")),
    (MEMBER_ROLE_CHANGED, _("Member's role changed")),
    (MEMBER_SUSPENDED, _("Member suspended")),
    (MEMBER_REACTIVATED, _("Member reactivated")),
    (MEMBER_REMOVED, _("Member removed")),
    (MEMBER_LEFT, _("Member left")),
    (INVITATION_SENT, _("Invitation sent")),
    (INVITATION_REVOKED, _("Invitation revoked")),
    (ROLE_CREATED, _("Role created")),
    (ROLE_UPDATED, _("Role changed")),
    (ROLE_DELETED, _("Role deleted")),
]


def role_changes(before: StoreRole | None, after: StoreRole | None) -> dict[str, list[Any]]:
    """A member's or invitation's role as the trail keeps it: its name, and its kind."""
    return {
        "role": [before.name if before else None, after.name if after else None],
        "role_kind": [before.kind if before else None, after.kind if after else None],
    }


def _role_text(entry: AuditEntry, index: int) -> str:
    """The recorded role before (0) or after (1): a built-in one in the reader's language."""
    names = entry.changes.get("role") or [None, None]
    kinds = entry.changes.get("role_kind") or [None, None]
    name, kind = names[index], kinds[index]
    if index == 1 and name is None:  # a member who left or was removed: the role they had
        name, kind = names[0], kinds[0]
    if kind and kind != StoreRole.Kind.CUSTOM and kind in StoreRole.Kind.values:
        return str(StoreRole.Kind(kind).label)
    return str(name or "")


def sentence(entry: AuditEntry) -> str:
    """A team entry as one sentence in the reader's language, for the team page and the API."""
    template = _SENTENCES.get(entry.action, _("%(actor)s: %(subject)s"))
    actor = entry.actor
    return str(template) % {
        "actor": actor.get_full_name() if actor is not None else _("Someone"),
        "subject": entry.object_repr,
        "role": _role_text(entry, 1),
        "before": _role_text(entry, 0),
    }


@dataclass(frozen=True)
class TeamEvent:
    """A team entry as the team page lists it."""

    entry: AuditEntry

    @property
    def created_at(self) -> datetime:
        return self.entry.created_at

    @property
    def sentence(self) -> str:
        return sentence(self.entry)

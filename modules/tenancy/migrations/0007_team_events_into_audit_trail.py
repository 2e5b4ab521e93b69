"""The team's events move into the store's audit trail (``audit.AuditEntry``), and ``TeamEvent`` goes.

Each event becomes an entry about the team member, role or invitation it was
about, as the team services file them now: the row found by its subject (an
email, a role name) in its store, or, when it is gone, an entry of that kind
with no object to link to (``object_id`` empty). It is named by its subject, with its details as
``{field: [before, after]}`` the way the team services record them now. Its
time is kept; the reverse moves the team's entries back.
"""

from django.db import migrations

BATCH = 500
ROLE_IN = {"tenancy.member.joined", "tenancy.invitation.sent"}
ROLE_OUT = {"tenancy.member.removed", "tenancy.member.left"}
ACTIVE = {"tenancy.member.suspended": [True, False], "tenancy.member.reactivated": [False, True]}
TEAM_ACTIONS = (
    *ROLE_IN,
    *ROLE_OUT,
    *ACTIVE,
    "tenancy.member.role_changed",
    "tenancy.invitation.revoked",
    "tenancy.role.created",
    "tenancy.role.updated",
    "tenancy.role.deleted",
)


def changes_from_details(action, subject, details):
    """A team event's ``details`` as ``{field: [before, after]}``."""
    details = details or {}
    role, kind = details.get("role"), details.get("role_kind")
    if action in ROLE_IN:
        return {"role": [None, role], "role_kind": [None, kind]}
    if action in ROLE_OUT:
        return {"role": [role, None], "role_kind": [kind, None]}
    if action == "tenancy.member.role_changed":
        return {"role": [details.get("before"), role], "role_kind": [details.get("before_kind"), kind]}
    if action in ACTIVE:
        return {"is_active": list(ACTIVE[action])}
    permissions = details.get("permissions")
    if action == "tenancy.role.created":
        return {"name": [None, subject], "permissions": [None, permissions]}
    if action == "tenancy.role.deleted":
        return {"name": [subject, None], "permissions": [permissions, None]}
    if action == "tenancy.role.updated":
        before = details.get("before") or {}
        changes = {"name": [before.get("name"), subject], "permissions": [before.get("permissions"), permissions]}
        return {name: values for name, values in changes.items() if values[0] != values[1]}
    return {}


def details_from_changes(action, changes):
    """The reverse of ``changes_from_details``, for moving entries back."""
    changes = changes or {}
    role, kind = changes.get("role") or [None, None], changes.get("role_kind") or [None, None]
    if action in ROLE_IN:
        return {"role": role[1], "role_kind": kind[1]}
    if action in ROLE_OUT:
        return {"role": role[0], "role_kind": kind[0]}
    if action == "tenancy.member.role_changed":
        return {"before": role[0], "before_kind": kind[0], "role": role[1], "role_kind": kind[1]}
    name, permissions = changes.get("name"), changes.get("permissions") or [None, None]
    if action == "tenancy.role.created":
        return {"permissions": permissions[1]}
    if action == "tenancy.role.deleted":
        return {"permissions": permissions[0]}
    if action == "tenancy.role.updated":
        details = {"permissions": permissions[1]}
        if name or changes.get("permissions"):
            details["before"] = {"name": name[0] if name else None, "permissions": permissions[0]}
        return details
    return {}


def _without_auto_now(model):
    """The model's ``created_at`` as given, not now (it is put back after)."""
    field = model._meta.get_field("created_at")
    field.auto_now_add = False
    return field


# The model an event of each kind was about, and how its subject finds the row.
SUBJECTS = {
    "tenancy.member.": ("storemembership", "StoreMembership", "user__email"),
    "tenancy.invitation.": ("invitation", "Invitation", "email"),
    "tenancy.role.": ("storerole", "StoreRole", "name"),
}


def _subject_of(apps, alias, event, content_types):
    """``(content type, object id)`` of the row ``event`` was about; the id is empty when the row is gone."""
    for prefix, (model_name, class_name, lookup) in SUBJECTS.items():
        if event.action.startswith(prefix):
            model = apps.get_model("tenancy", class_name)
            found = (
                model.objects.using(alias)
                .filter(store_id=event.store_id, **{lookup: event.subject})
                .order_by("-pk")
                .values_list("pk", flat=True)
                .first()
            )
            return content_types[model_name], "" if found is None else str(found)
    return content_types["store"], str(event.store_id)


def move_team_events(apps, schema_editor):
    """Every team event becomes an audit entry about its member, role or invitation, with its time, actor and action."""
    alias = schema_editor.connection.alias
    TeamEvent = apps.get_model("tenancy", "TeamEvent")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = {
        name: ContentType.objects.using(alias).get_or_create(app_label="tenancy", model=name)[0]
        for name in ("store", "storemembership", "invitation", "storerole")
    }
    field = _without_auto_now(AuditEntry)
    try:
        batch = []
        events = TeamEvent.objects.using(alias).select_related("actor").order_by("created_at", "pk")
        for event in events.iterator(chunk_size=BATCH):
            content_type, object_id = _subject_of(apps, alias, event, content_types)
            batch.append(
                AuditEntry(
                    store_id=event.store_id,
                    content_type=content_type,
                    object_id=object_id,
                    object_repr=event.subject[:200],
                    action=event.action,
                    actor_id=event.actor_id,
                    actor_label=(event.actor.email if event.actor is not None else "")[:254],
                    changes=changes_from_details(event.action, event.subject, event.details),
                    created_at=event.created_at,
                )
            )
            if len(batch) >= BATCH:
                AuditEntry.objects.using(alias).bulk_create(batch)
                batch = []
        AuditEntry.objects.using(alias).bulk_create(batch)
    finally:
        field.auto_now_add = True


def move_team_entries_back(apps, schema_editor):
    """The team's audit entries become team events again (and leave the audit trail)."""
    alias = schema_editor.connection.alias
    TeamEvent = apps.get_model("tenancy", "TeamEvent")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    field = _without_auto_now(TeamEvent)
    try:
        entries = AuditEntry.objects.using(alias).filter(action__in=TEAM_ACTIONS).order_by("created_at", "pk")
        TeamEvent.objects.using(alias).bulk_create(
            TeamEvent(
                store_id=entry.store_id,
                actor_id=entry.actor_id,
                action=entry.action,
                subject=entry.object_repr,
                details=details_from_changes(entry.action, entry.changes),
                created_at=entry.created_at,
            )
            for entry in entries.iterator(chunk_size=BATCH)
        )
        entries.delete()
    finally:
        field.auto_now_add = True


class Migration(migrations.Migration):
    dependencies = [
        ("tenancy", "0006_team_events"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(move_team_events, move_team_entries_back),
        migrations.DeleteModel(name="TeamEvent"),
    ]

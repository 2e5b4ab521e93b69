"""Django admin for the audit trail: read-only, confined to the platform admin's stores."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from orion.admin_scope import PlatformScopedAdmin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(PlatformScopedAdmin):
    """Who changed what in which store. Written only by services: nobody edits an entry."""

    platform_path = "store__platform"
    read_only = True
    list_display = ("created_at", "store", "action", "object_repr", "actor_label")
    list_filter = (("store", admin.RelatedOnlyFieldListFilter), "content_type")
    list_select_related = ("store", "content_type")
    search_fields = ("object_repr", "actor_label", "action", "object_id")
    date_hierarchy = "created_at"
    show_full_result_count = False  # the trail only grows: no second count of every entry on filtered pages
    fields = ("created_at", "store", "action", "content_type", "object_id", "object_repr", "actor", "actor_label")
    readonly_fields = (*fields, "changes_table")

    def get_fields(self, request: Any, obj: Any = None) -> Any:
        return (*self.fields, "changes_table")

    @admin.display(description=_("changes"))
    def changes_table(self, obj: AuditEntry) -> str:
        rows = format_html_join(
            "",
            "<tr><th>{}</th><td>{}</td><td>{}</td></tr>",
            ((label, before, after) for label, before, after in obj.change_rows),
        )
        return format_html("<table><tr><th></th><th>{}</th><th>{}</th></tr>{}</table>", _("before"), _("after"), rows)

"""Django admin for platforms (with their domains and modules), domains and stores.

Modules are never switched from the platform form itself: the "Modules"
section shows each module's state and why it is on, and links to the module
management page of ``orion.modules``, which shows the cascade before it is
applied.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import display_for_value
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orion.modules import services

from .models import Platform, PlatformDomain, Store


class PlatformDomainInline(admin.TabularInline):
    model = PlatformDomain
    extra = 0
    fields = ("domain", "is_primary")


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_active", "domain_list")
    list_filter = ("is_active",)
    search_fields = ("name", "code", "domains__domain")
    prepopulated_fields = {"code": ("name",)}
    readonly_fields = ("created_at", "modules_overview")
    fieldsets = (
        (None, {"fields": ("name", "code", "description", "is_active", "created_at")}),
        (gettext_lazy("Modules"), {"fields": ("modules_overview",)}),
    )
    inlines = (PlatformDomainInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("domains")

    @admin.display(description=gettext_lazy("domains"))
    def domain_list(self, obj: Platform) -> str:
        return ", ".join(domain.domain for domain in obj.domains.all())

    @admin.display(description=gettext_lazy("state on this platform"))
    def modules_overview(self, obj: Platform) -> str:
        if obj.pk is None:
            return _("Save the platform first; its modules can be enabled afterwards.")
        rows = format_html_join(
            "\n",
            '<tr id="module-{}"><td>{} ({})</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    module.code,
                    module.definition.name,
                    module.code,
                    module.definition.tier.value,
                    display_for_value(module.enabled, "", boolean=True),
                    module.reason_text,
                )
                for module in services.module_states(obj)
            ),
        )
        return format_html(
            '<table class="orion-platform-modules"><thead><tr>'
            "<th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
            "</tr></thead><tbody>{}</tbody></table>"
            '<p><a class="button" href="{}">{}</a></p>',
            _("Module"),
            _("Tier"),
            _("On"),
            _("Why"),
            rows,
            reverse("admin:orion_modules_platformmodule_manage", args=[obj.pk]),
            _("Enable or disable modules"),
        )


@admin.register(PlatformDomain)
class PlatformDomainAdmin(admin.ModelAdmin):
    list_display = ("domain", "platform", "is_primary")
    list_filter = ("is_primary", "platform")
    list_select_related = ("platform",)
    search_fields = ("domain", "platform__name", "platform__code")
    autocomplete_fields = ("platform",)


@admin.register(Store)
class StoreAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "platform", "is_active", "created_at")
    list_filter = ("platform", "is_active")
    list_select_related = ("platform",)
    search_fields = ("name", "code")
    autocomplete_fields = ("platform",)
    readonly_fields = ("created_at",)

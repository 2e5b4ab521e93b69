"""Django admin for module state: read-only records, and the views that change them.

Rows of ``PlatformModule`` and ``ModuleAuditEntry`` are never edited here
directly: every change goes through ``services`` so that the cascade is
planned, shown, applied atomically and audited. The custom views are

* ``manage/<platform_pk>/`` — every module of one platform, why it is on,
  an Enable / Disable button, and the platform's latest audit entries;
* ``confirm/<platform_pk>/<action>/<code>/`` — the plan (the whole cascade)
  on GET, applied on POST.

The platform model is reached through ``state.platform_model()``: the
framework never names the module that defines it.

Both admins are read-only ``orion.admin_scope.PlatformScopedAdmin``s:
platform admins see their platforms' module states and audit entries only,
and may manage their modules (the platform's own admin page links here).
Another platform's manage, confirm and settings pages are a 404 for them.
Superusers, and staff who administer no platform, keep Django's model
permissions.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orion.admin_scope import PlatformScopedAdmin, confined_platform_ids
from orion.exceptions import OrionError
from orion.permissions import is_platform_admin

from . import services, state
from .models import ModuleAuditEntry, PlatformModule

ACTIONS = ("enable", "disable")
AUDIT_ENTRIES_SHOWN = 20


def plan_signature(plan: services.ModulePlan) -> str:
    """The changes of a plan in order, to tell whether it changed between preview and confirmation."""
    return ",".join(f"{change.action}:{change.module}" for change in plan.changes)


@admin.register(PlatformModule)
class PlatformModuleAdmin(PlatformScopedAdmin):
    """Per-platform module state, read-only; changed only through the manage/confirm views."""

    read_only = True

    list_display = ("platform", "module_code", "is_enabled", "reason", "updated_at", "manage_link")
    list_filter = ("is_enabled", "reason", "module_code", ("platform", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("platform",)
    search_fields = ("module_code",)
    ordering = ("platform", "module_code")

    @admin.display(description=gettext_lazy("manage"))
    def manage_link(self, obj: PlatformModule) -> str:
        return format_html('<a href="{}">{}</a>', self._url("manage", obj.platform_id), _("Manage modules"))

    # --- custom views --------------------------------------------------------

    def get_urls(self) -> list[URLPattern]:
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        custom = [
            path("manage/<str:platform_pk>/", wrap(self.manage_view), name=f"{name}_manage"),
            path(
                "confirm/<str:platform_pk>/<str:action>/<str:code>/",
                wrap(self.confirm_view),
                name=f"{name}_confirm",
            ),
            path("settings/<str:platform_pk>/<str:code>/", wrap(self.settings_view), name=f"{name}_settings"),
        ]
        return custom + super().get_urls()

    def _url(self, view: str, *args: Any) -> str:
        return reverse(f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{view}", args=args)

    def _check_permission(self, request: HttpRequest, platform: Any) -> None:
        """Django's change permission on module states, or being an admin of this platform."""
        codename = get_permission_codename("change", self.opts)
        if not (
            request.user.has_perm(f"{self.opts.app_label}.{codename}") or is_platform_admin(request.user, platform)
        ):
            raise PermissionDenied

    @staticmethod
    def _get_platform(request: HttpRequest, platform_pk: str) -> Any:
        """The platform, if it exists and the user is not confined to other platforms."""
        model = state.platform_model()
        queryset = model.objects.all()
        ids = confined_platform_ids(request)
        if ids is not None:
            queryset = queryset.filter(pk__in=ids)
        try:
            return queryset.get(pk=unquote(platform_pk))
        except (model.DoesNotExist, ValidationError, ValueError):
            raise Http404(_("No platform with this id.")) from None

    def _platform_url(self, platform: Any, view: str, *args: Any) -> str | None:
        """A URL of the platform's own admin, when this admin site has one."""
        opts = platform._meta
        if not self.admin_site.is_registered(type(platform)):
            return None
        try:
            return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{view}", args=args)
        except NoReverseMatch:
            return None

    def _context(self, request: HttpRequest, platform: Any, title: str, **extra: Any) -> dict[str, Any]:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "platform": platform,
            "platform_opts": platform._meta,
            "platform_changelist_url": self._platform_url(platform, "changelist"),
            "platform_change_url": self._platform_url(platform, "change", platform.pk),
            "manage_url": self._url("manage", platform.pk),
            **extra,
        }

    def manage_view(self, request: HttpRequest, platform_pk: str) -> HttpResponse:
        platform = self._get_platform(request, platform_pk)
        self._check_permission(request, platform)
        rows = []
        for module in services.module_states(platform):
            definition = module.definition
            action = "" if definition.is_core else ("disable" if module.enabled else "enable")
            rows.append(
                {
                    "code": module.code,
                    "name": definition.name,
                    "description": definition.description,
                    "tier": definition.tier.value,
                    "version": definition.version,
                    "enabled": module.enabled,
                    "is_core": definition.is_core,
                    "reason_text": module.reason_text,
                    "action": action,
                    "action_url": self._url("confirm", platform.pk, action, module.code) if action else "",
                    "settings_url": self._url("settings", platform.pk, module.code) if definition.settings_form else "",
                }
            )
        audit_entries = ModuleAuditEntry.objects.filter(platform=platform)[:AUDIT_ENTRIES_SHOWN]
        audit_url = None
        if self.admin_site.is_registered(ModuleAuditEntry):
            audit_opts = ModuleAuditEntry._meta
            target = audit_opts.get_field("platform").target_field.name
            audit_url = (
                reverse(f"{self.admin_site.name}:{audit_opts.app_label}_{audit_opts.model_name}_changelist")
                + f"?platform__{target}__exact={platform.pk}"
            )
        context = self._context(
            request,
            platform,
            _("Modules of %(platform)s") % {"platform": platform},
            modules=rows,
            audit_entries=audit_entries,
            audit_url=audit_url,
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/orion_modules/manage.html", context)

    def confirm_view(self, request: HttpRequest, platform_pk: str, action: str, code: str) -> HttpResponse:
        platform = self._get_platform(request, platform_pk)
        self._check_permission(request, platform)
        if action not in ACTIONS:
            raise Http404(_("Unknown action '%(action)s'.") % {"action": action})
        manage_url = self._url("manage", platform.pk)
        planner = services.plan_enable if action == "enable" else services.plan_disable
        try:
            plan = planner(platform, code)
        except services.UnknownModuleError as exc:
            raise Http404(exc.message) from exc
        except OrionError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(manage_url)

        if request.method == "POST":
            if request.POST.get("plan") != plan_signature(plan):
                # The modules changed since the plan was shown: show the new one, apply nothing.
                messages.warning(
                    request, _("The modules of this platform changed since the plan was shown. Review it again.")
                )
                return self._render_confirm(request, platform, plan)
            apply = services.enable_module if action == "enable" else services.disable_module
            try:
                applied = apply(platform=platform, code=code, actor=request.user, via="admin")
            except OrionError as exc:
                messages.error(request, exc.message)
                return HttpResponseRedirect(manage_url)
            if applied.is_noop:
                messages.info(request, _("Nothing was changed: %(notes)s") % {"notes": " ".join(applied.notes)})
            else:
                modules = ", ".join(change.module for change in applied.changes)
                text = (
                    _("Enabled on %(platform)s: %(modules)s.")
                    if action == "enable"
                    else _("Disabled on %(platform)s: %(modules)s. Their data is kept.")
                )
                messages.success(request, text % {"platform": platform, "modules": modules})
            return HttpResponseRedirect(manage_url)
        return self._render_confirm(request, platform, plan)

    def settings_view(self, request: HttpRequest, platform_pk: str, code: str) -> HttpResponse:
        """The module's per-platform settings form; saved through ``services.configure_module``."""
        platform = self._get_platform(request, platform_pk)
        self._check_permission(request, platform)
        try:
            definition = services.get_definition(code)
        except services.UnknownModuleError as exc:
            raise Http404(exc.message) from exc
        if definition.settings_form is None:
            raise Http404(_("Module '%(code)s' has no settings.") % {"code": code})
        if request.method == "POST":
            form = definition.settings_form(data=request.POST)
            if form.is_valid():
                services.configure_module(
                    platform=platform, code=code, values=request.POST, actor=request.user, via="admin"
                )
                messages.success(
                    request,
                    _("Settings of %(module)s saved for %(platform)s.")
                    % {"module": definition.name, "platform": platform},
                )
                return HttpResponseRedirect(self._url("manage", platform.pk))
        else:
            form = definition.settings_form(initial=services.get_module_settings(platform, code))
        title = _("Settings of %(module)s on %(platform)s") % {"module": definition.name, "platform": platform}
        context = self._context(request, platform, title, form=form, target=definition)
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/orion_modules/settings.html", context)

    def _render_confirm(self, request: HttpRequest, platform: Any, plan: services.ModulePlan) -> HttpResponse:
        definition = services.get_definition(plan.target)
        changes = [
            {
                "step": step,
                "module": change.module,
                "name": services.get_definition(change.module).name,
                "action": change.action,
                "explicit": change.cause == "explicit",
                "why": change.why,
                "hooks": change.hooks,
                "routes": change.routes,
                "menus": change.menus,
            }
            for step, change in enumerate(plan.changes, 1)
        ]
        if plan.action == "enable":
            title = _("Enable %(module)s on %(platform)s") % {"module": definition.name, "platform": platform}
        else:
            title = _("Disable %(module)s on %(platform)s") % {"module": definition.name, "platform": platform}
        context = self._context(
            request,
            platform,
            title,
            plan=plan,
            target=definition,
            changes=changes,
            plan_signature=plan_signature(plan),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/orion_modules/confirm.html", context)


@admin.register(ModuleAuditEntry)
class ModuleAuditEntryAdmin(PlatformScopedAdmin):
    """The audit trail: who changed which module, when, and why. Never edited."""

    read_only = True

    list_display = ("created_at", "platform", "module_code", "action", "cause", "triggered_by", "actor_label")
    list_filter = ("action", "module_code", ("platform", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("platform",)
    search_fields = ("module_code", "cause", "triggered_by", "actor_label")
    date_hierarchy = "created_at"
    fields = (
        "created_at",
        "platform",
        "module_code",
        "action",
        "cause",
        "triggered_by",
        "batch",
        "actor",
        "actor_label",
        "details",
    )

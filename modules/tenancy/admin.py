"""Django admin for platforms, merchants, stores, store domains, teams, roles and invitations.

Who may do what (enforced by ``orion.admin_scope``, which says who sees what):

* superusers: everything;
* platform admins (``PlatformStaff``), on their own platforms only: view
  their platform (with its domains and modules); view, add, change and delete
  merchants, stores, store domains and custom roles; change members' roles
  and remove members (new members join by invitation); view invitations and
  revoke them. They never see another platform's rows, and may not create
  platforms or edit platform domains and platform admins;
* other staff: Django's model permissions.

Modules are never switched from the platform form itself: the "Modules"
section shows each module's state and why it is on, and links to the module
management page of ``orion.modules``, which shows the cascade before it is
applied. New stores are created through ``services.store_create`` (built-in
roles and a first owner come with them).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import display_for_value
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.admin import TranslationAdmin

from orion.admin_scope import ALL_ACTIONS, PlatformScopedAdmin, PlatformScopedInline, confined_platform_ids
from orion.modules import services as module_services
from orion.modules import state
from orion.permissions import declared_permissions

from . import roles, services
from .models import (
    Invitation,
    Merchant,
    Platform,
    PlatformDomain,
    PlatformStaff,
    Store,
    StoreDomain,
    StoreMembership,
    StoreRole,
)

RelatedOnly = admin.RelatedOnlyFieldListFilter


def role_label(role: StoreRole) -> str:
    """A role named with its store: every store has an "Owner"."""
    return f"{role.store} / {role}"


def limit_role_choices(field: Any) -> Any:
    field.queryset = field.queryset.select_related("store")
    field.label_from_instance = role_label
    return field


# --- Platforms ----------------------------------------------------------------


class PlatformDomainInline(PlatformScopedInline, admin.TabularInline[PlatformDomain, Platform]):
    model = PlatformDomain
    extra = 0
    fields = ("domain", "is_primary")
    platform_admin_actions = ("view",)


class PlatformStaffInline(PlatformScopedInline, admin.TabularInline[PlatformStaff, Platform]):
    model = PlatformStaff
    extra = 0
    autocomplete_fields = ("user",)
    platform_admin_actions = ()


@admin.register(Platform)
class PlatformAdmin(PlatformScopedAdmin):
    platform_path = "pk"
    platform_admin_actions = ("view",)
    list_display = ("name", "code", "is_active", "domain_list")
    list_filter = ("is_active",)
    search_fields = ("name", "code", "domains__domain")
    prepopulated_fields = {"code": ("name",)}
    readonly_fields = ("created_at", "modules_overview")
    fieldsets = (
        (None, {"fields": ("name", "code", "description", "is_active", "created_at")}),
        (gettext_lazy("Modules"), {"fields": ("modules_overview",)}),
    )
    inlines = (PlatformDomainInline, PlatformStaffInline)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Platform]:
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
                for module in module_services.module_states(obj)
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
class PlatformDomainAdmin(PlatformScopedAdmin):
    platform_admin_actions = ()
    list_display = ("domain", "platform", "is_primary")
    list_filter = ("is_primary", ("platform", RelatedOnly))
    list_select_related = ("platform",)
    search_fields = ("domain", "platform__name", "platform__code")
    autocomplete_fields = ("platform",)


@admin.register(PlatformStaff)
class PlatformStaffAdmin(PlatformScopedAdmin):
    platform_admin_actions = ()
    list_display = ("user", "platform")
    list_filter = (("platform", RelatedOnly),)
    list_select_related = ("platform", "user")
    search_fields = ("user__email", "user__full_name", "platform__name")
    autocomplete_fields = ("platform", "user")


# --- Merchants and stores -------------------------------------------------------


class MerchantStoreInline(PlatformScopedInline, admin.TabularInline[Store, Merchant]):
    """The merchant's stores, listed; they are edited on their own page."""

    model = Store
    extra = 0
    fields = ("name", "code", "status", "default_language", "currency")
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    platform_admin_actions = ("view",)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Merchant)
class MerchantAdmin(PlatformScopedAdmin):
    platform_admin_actions = ALL_ACTIONS
    list_display = ("name", "platform", "email", "vat_number", "is_active", "created_at")
    list_filter = (("platform", RelatedOnly), "is_active")
    list_select_related = ("platform",)
    search_fields = ("name", "legal_name", "email", "vat_number")
    autocomplete_fields = ("platform",)
    readonly_fields = ("created_at",)
    inlines = (MerchantStoreInline,)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # A merchant's stores live on its platform: it never moves.
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly + ("platform",) if obj is not None else readonly


class StoreDomainInline(PlatformScopedInline, admin.TabularInline[StoreDomain, Store]):
    model = StoreDomain
    extra = 0
    fields = ("domain", "kind", "is_primary")
    platform_admin_actions = ALL_ACTIONS


class StoreMembershipInline(PlatformScopedInline, admin.TabularInline[StoreMembership, Store]):
    """The team, listed; roles are changed on the member's own page."""

    model = StoreMembership
    extra = 0
    fields = ("user", "role", "is_active", "created_at")
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    platform_admin_actions = ("view",)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StoreRoleInline(PlatformScopedInline, admin.TabularInline[StoreRole, Store]):
    """The store's roles, listed; custom roles are edited on their own page."""

    model = StoreRole
    extra = 0
    fields = ("name", "kind", "permission_list")
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    platform_admin_actions = ("view",)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=gettext_lazy("permissions"))
    def permission_list(self, obj: StoreRole) -> str:
        return ", ".join(sorted(roles.role_permissions(obj)))


class StoreAddForm(forms.ModelForm[Store]):
    """A new store and its first owner, an existing account."""

    owner = forms.EmailField(
        label=gettext_lazy("owner's email"),
        help_text=gettext_lazy("An existing account; it becomes the store's first owner."),
    )

    class Meta:
        model = Store
        fields = ("platform", "merchant", "code", "name", "default_language", "currency")

    def clean_owner(self) -> Any:
        user = get_user_model().objects.filter(email__iexact=self.cleaned_data["owner"].strip()).first()
        if user is None:
            raise forms.ValidationError(_("No account uses this email address; the owner must sign up first."))
        return user


@admin.register(Store)
class StoreAdmin(PlatformScopedAdmin, TranslationAdmin[Store]):
    """Stores; created through ``services.store_create``, closed through their status.

    Deleting a store is refused while it has an owner (always): the admin
    never removes a store's last owner.
    """

    platform_admin_actions = ALL_ACTIONS

    list_display = ("name", "code", "merchant", "platform", "status", "default_language", "currency")
    list_filter = (
        ("platform", RelatedOnly),
        ("merchant", RelatedOnly),
        "status",
        "default_language",
        "currency",
    )
    list_select_related = ("platform", "merchant")
    search_fields = ("name", "code", "merchant__name", "contact_email")
    autocomplete_fields = ("platform", "merchant")
    readonly_fields = ("created_at",)
    fieldsets = (
        (None, {"fields": ("platform", "merchant", "code", "name", "status", "contact_email", "created_at")}),
        (gettext_lazy("Language and currency"), {"fields": ("default_language", "currency")}),
        (gettext_lazy("Texts shown to shoppers"), {"fields": ("tagline", "description")}),
    )
    add_fieldsets = (
        (None, {"fields": ("platform", "merchant", "code", "name", "default_language", "currency", "owner")}),
    )
    inlines = (StoreDomainInline, StoreMembershipInline, StoreRoleInline)

    def get_form(
        self, request: HttpRequest, obj: Any | None = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm[Any]]:
        if obj is None:
            kwargs["form"] = StoreAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_inlines(self, request: HttpRequest, obj: Any) -> Any:
        # A new store gets its roles and owner from the service; domains come after.
        return self.inlines if obj is not None else ()

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly + ("platform",) if obj is not None else readonly

    def save_model(self, request: HttpRequest, obj: Store, form: Any, change: bool) -> None:
        if change:
            changed = [name for name in form.changed_data if name in {f.name for f in obj._meta.concrete_fields}]
            services.store_update(store=obj, actor=request.user, **{name: getattr(obj, name) for name in changed})
            return
        store = services.store_create(
            platform=obj.platform,
            merchant=obj.merchant,
            code=obj.code,
            name=obj.name,
            owner=form.cleaned_data["owner"],
            default_language=obj.default_language,
            currency=obj.currency,
        )
        obj.pk, obj._state.adding, obj._state.db = store.pk, False, store._state.db


@admin.register(StoreDomain)
class StoreDomainAdmin(PlatformScopedAdmin):
    platform_path = "store__platform"
    platform_admin_actions = ALL_ACTIONS
    list_display = ("domain", "store", "kind", "is_primary", "created_at")
    list_filter = (("store__platform", RelatedOnly), ("store", RelatedOnly), "kind", "is_primary")
    list_select_related = ("store",)
    search_fields = ("domain", "store__name", "store__code")
    autocomplete_fields = ("store",)


# --- Teams ---------------------------------------------------------------------


def permission_choices() -> list[tuple[str, str]]:
    return [(pid, f"{permission.label} ({pid})") for pid, permission in sorted(declared_permissions().items())]


class StoreRoleForm(forms.ModelForm[StoreRole]):
    """A custom role: its permissions are chosen from those the platform's modules declare."""

    permissions = forms.MultipleChoiceField(
        label=gettext_lazy("permissions"),
        choices=permission_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = StoreRole
        fields = ("store", "name", "permissions")

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what ModelForm.clean() returns
        store = cleaned.get("store") or (self.instance.store if self.instance.store_id else None)
        if store is not None and "permissions" in cleaned:
            available = declared_permissions(state.enabled_modules(store.platform_id))
            unknown = sorted(set(cleaned["permissions"]) - set(available))
            if unknown:
                self.add_error(
                    "permissions",
                    _("Not declared by a module enabled on the store's platform: %(ids)s")
                    % {"ids": ", ".join(unknown)},
                )
            else:
                cleaned["permissions"] = sorted(set(cleaned["permissions"]))
        return cleaned


@admin.register(StoreRole)
class StoreRoleAdmin(PlatformScopedAdmin):
    """Roles; built-in ones follow the registry and are read-only."""

    platform_path = "store__platform"
    platform_admin_actions = ALL_ACTIONS
    form = StoreRoleForm
    list_display = ("name", "store", "kind", "permission_list")
    list_filter = (("store__platform", RelatedOnly), ("store", RelatedOnly), "kind")
    list_select_related = ("store",)
    search_fields = ("name", "store__name", "store__code")
    autocomplete_fields = ("store",)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ("store", "name", "permissions")
        if self.has_change_permission(request, obj):
            return ("store", "name", "kind", "permissions")
        return ("store", "name", "kind", "permission_list")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("store", "kind", "permission_list") if obj is not None else ()

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not (obj is not None and obj.is_builtin) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not (obj is not None and obj.is_builtin) and super().has_delete_permission(request, obj)

    @admin.display(description=gettext_lazy("permissions"))
    def permission_list(self, obj: StoreRole) -> str:
        return format_html_join(", ", "<code>{}</code>", ((pid,) for pid in sorted(roles.role_permissions(obj))))


class StoreMembershipForm(forms.ModelForm[StoreMembership]):
    """The role must be one of the member's store, and a store keeps an owner."""

    class Meta:
        model = StoreMembership
        # The admin names the fields (roles cannot be queried outside a scope at import time).
        fields = ()

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what ModelForm.clean() returns
        instance = self.instance
        store = cleaned.get("store") or (instance.store if instance.store_id else None)
        role = cleaned.get("role")
        if store is None or role is None:
            return cleaned
        if role.store_id != store.pk:
            self.add_error("role", _("Choose a role of this store."))
        elif instance.pk and role.kind != StoreRole.Kind.OWNER and is_last_owner(instance):
            self.add_error("role", _("A store keeps at least one owner: make someone else owner first."))
        elif instance.pk and cleaned.get("is_active") is False and is_last_owner(instance):
            self.add_error("is_active", _("A store keeps at least one owner: make someone else owner first."))
        return cleaned


def is_last_owner(membership: StoreMembership) -> bool:
    """Whether this (saved) membership is its store's only active owner."""
    owners = StoreMembership.objects.filter(
        store_id=membership.store_id, role__kind=StoreRole.Kind.OWNER, is_active=True
    )
    return list(owners.values_list("pk", flat=True)) == [membership.pk]


@admin.register(StoreMembership)
class StoreMembershipAdmin(PlatformScopedAdmin):
    """Team members: a platform admin changes roles and removes members; people join by invitation."""

    platform_path = "store__platform"
    platform_admin_actions = ("view", "change", "delete")
    form = StoreMembershipForm
    list_display = ("user", "store", "role", "is_active", "created_at")
    list_filter = (("store__platform", RelatedOnly), ("store", RelatedOnly), "role__kind", "is_active")
    list_select_related = ("user", "store", "role")
    search_fields = ("user__email", "user__full_name", "store__name", "store__code")
    autocomplete_fields = ("store", "user")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("store", "user", "role", "is_active", "created_at") if obj is not None else ("store", "user", "role")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("store", "user", "created_at") if obj is not None else ()

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return limit_role_choices(field) if db_field.name == "role" else field

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not (obj is not None and is_last_owner(obj)) and super().has_delete_permission(request, obj)


@admin.register(Invitation)
class InvitationAdmin(PlatformScopedAdmin):
    """Invitations are sent from the store dashboard; here they are read, and revoked."""

    platform_path = "store__platform"
    platform_admin_actions = ("view",)
    read_only = True
    list_display = ("email", "store", "role", "invited_by", "created_at", "expires_at", "status")
    list_filter = (("store__platform", RelatedOnly), ("store", RelatedOnly))
    list_select_related = ("store", "role", "invited_by")
    search_fields = ("email", "store__name", "store__code")
    fields = (
        "email",
        "store",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    )
    readonly_fields = fields
    actions = ("revoke",)

    @admin.display(description=gettext_lazy("status"))
    def status(self, obj: Invitation) -> str:
        if obj.accepted_at:
            return _("accepted")
        if obj.revoked_at:
            return _("revoked")
        return _("pending") if obj.is_pending else _("expired")

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        if confined_platform_ids(request) is not None:
            return True
        return request.user.has_perm(f"{self.opts.app_label}.change_{self.opts.model_name}")

    @admin.action(description=gettext_lazy("Revoke the selected invitations"), permissions=("revoke",))
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        count = queryset.filter(accepted_at=None, revoked_at=None).update(revoked_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d invitation revoked.", "%(count)d invitations revoked.", count) % {"count": count},
            messages.SUCCESS,
        )

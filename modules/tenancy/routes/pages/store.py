"""Store dashboard pages of tenancy: the team and its invitations, roles, and domains.

Every view is a ``StoreViewMixin``: outsiders get a 404, members without the
permission a 403. Objects named by a pk in the URL are fetched through the
scoped managers, so another store's pk is a 404 too. Writes go through
``services``; their refusals come back as form errors or error messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from orion.forms import add_service_error
from orion.views import StoreViewMixin, can, store_url

from ... import selectors, services
from ...exceptions import TenancyError
from ...forms import DomainForm, InvitationForm, MemberRoleForm, RoleForm
from ...interface import StoreRequest
from ...models import Invitation, StoreDomain, StoreMembership, StoreRole

VIEW_TEAM = "tenancy.view_team"
MANAGE_TEAM = "tenancy.manage_team"
MANAGE_ROLES = "tenancy.manage_roles"
MANAGE_DOMAINS = "tenancy.manage_domains"


class ObjectActionView(StoreViewMixin, View):
    """A POST action on one object of the store; a GET finds the object (404 elsewhere) and goes back to the list.

    ``get_queryset`` is the store's objects of ``model`` (a selector); the pk in the URL picks one.
    """

    request: StoreRequest

    model: type
    list_name: str  # the full URL name of the list page

    def get_queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def get_object(self) -> Any:
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        self.get_object()
        return redirect(store_url(request, self.list_name))


# --- Team ------------------------------------------------------------------


@dataclass
class MemberRow:
    """A row of the team table; ``editable`` when the viewer may change or remove this member."""

    membership: StoreMembership
    editable: bool
    roles: list[StoreRole]
    error: str = ""


def member_row(request: StoreRequest, membership: StoreMembership, roles: list[StoreRole], error: str = "") -> MemberRow:
    editable = membership.user_id != request.user.pk and membership.role in roles and can(request, MANAGE_TEAM)
    return MemberRow(membership=membership, editable=editable, roles=roles, error=error)


class MemberListView(StoreViewMixin, TemplateView):
    """The team: members with their roles, open invitations, and the invitation form."""

    request: StoreRequest

    permission_required = VIEW_TEAM
    template_name = "tenancy/store/member_list.html"

    def get_context_data(self, invitation_form: InvitationForm | None = None, **kwargs: Any) -> dict[str, Any]:
        request, store = self.request, self.request.store
        can_manage = can(request, MANAGE_TEAM)
        roles = selectors.grantable_roles(store=store, actor=request.user) if can_manage else []
        if can_manage and invitation_form is None:
            invitation_form = InvitationForm(store=store, roles=roles)
        return {
            **super().get_context_data(**kwargs),
            "can_manage": can_manage,
            "rows": [member_row(request, m, roles) for m in selectors.store_members(store=store)],
            "invitations": selectors.pending_invitations(store=store),
            "events": selectors.recent_team_events(store=store),
            "invitation_form": invitation_form,
        }


class InvitationCreateView(MemberListView):
    """Invite someone by email; the invitation link goes out by email."""

    http_method_names = ["post"]
    edit_permission_required = MANAGE_TEAM

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        store = request.store
        form = InvitationForm(
            request.POST, store=store, roles=selectors.grantable_roles(store=store, actor=request.user)
        )
        if form.is_valid():
            try:
                invitation, _token = services.invitation_create(
                    store=store, actor=request.user, email=form.cleaned_data["email"], role=form.cleaned_data["role"]
                )
            except (TenancyError, ValidationError) as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
                return redirect(store_url(request, "store:tenancy:member_list"))
        return self.render_to_response(self.get_context_data(invitation_form=form), status=400)


class MemberRoleChangeView(ObjectActionView):
    """Change a member's role: htmx swaps the table row, a plain POST comes back to the team page."""

    model = StoreMembership
    list_name = "store:tenancy:member_list"
    permission_required = MANAGE_TEAM

    def get_queryset(self) -> QuerySet[StoreMembership]:
        return selectors.store_members(store=self.request.store)

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        membership = self.get_object()
        roles = selectors.grantable_roles(store=request.store, actor=request.user)
        form = MemberRoleForm(request.POST, store=request.store, roles=roles)
        error = ""
        if not form.is_valid():
            error = " ".join(str(message) for message in form.errors.get("role", [_("Choose a role.")]))
        else:
            try:
                services.membership_change_role(
                    membership=membership, actor=request.user, role=form.cleaned_data["role"]
                )
            except TenancyError as exc:
                error = exc.message
                membership.refresh_from_db()
        if request.htmx:
            row = member_row(request, membership, roles, error)
            # 200 even on a refusal: htmx swaps only successful responses, and the row shows the error.
            return render(request, "tenancy/store/_member_row.html", {"row": row})
        if error:
            messages.error(request, error)
        else:
            messages.success(
                request,
                _("%(user)s is now %(role)s.") % {"user": membership.user, "role": membership.role.display_name},
            )
        return redirect(store_url(request, "store:tenancy:member_list"))


class MemberActiveView(ObjectActionView):
    """Suspend a member (no access, place and role kept) or reactivate them; back to the team page."""

    model = StoreMembership
    list_name = "store:tenancy:member_list"
    permission_required = MANAGE_TEAM

    def get_queryset(self) -> QuerySet[StoreMembership]:
        return selectors.store_members(store=self.request.store)

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        membership = self.get_object()
        is_active = request.POST.get("is_active") == "1"
        try:
            services.membership_set_active(membership=membership, actor=request.user, is_active=is_active)
        except TenancyError as exc:
            messages.error(request, exc.message)
        else:
            message = _("%(user)s can use the store again.") if is_active else _("%(user)s is suspended.")
            messages.success(request, message % {"user": membership.user})
        return redirect(store_url(request, "store:tenancy:member_list"))


class MemberRemoveView(StoreViewMixin, TemplateView):
    """Remove a member from the team, after a confirmation page."""

    request: StoreRequest

    model = StoreMembership
    permission_required = MANAGE_TEAM
    template_name = "tenancy/store/member_remove.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        membership = get_object_or_404(selectors.store_members(store=self.request.store), pk=kwargs["pk"])
        return {**super().get_context_data(**kwargs), "membership": membership}

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        membership = get_object_or_404(selectors.store_members(store=request.store), pk=pk)
        try:
            services.membership_remove(membership=membership, actor=request.user)
        except TenancyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(user)s was removed from the team.") % {"user": membership.user})
        return redirect(store_url(request, "store:tenancy:member_list"))


class MembershipLeaveView(StoreViewMixin, TemplateView):
    """Leave the store's team (any member), after a confirmation page."""

    template_name = "tenancy/store/membership_leave.html"

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        membership = get_object_or_404(selectors.store_members(store=request.store), user=request.user)
        try:
            services.membership_remove(membership=membership, actor=request.user)
        except TenancyError as error:
            messages.error(request, error.message)
            return redirect(store_url(request, "store:tenancy:membership_leave"))
        messages.success(request, _("You left %(store)s.") % {"store": request.store.name})
        return redirect("public:tenancy:store_chooser")


class InvitationRevokeView(ObjectActionView):
    """Revoke an open invitation: its link stops working."""

    model = Invitation
    list_name = "store:tenancy:member_list"
    permission_required = MANAGE_TEAM

    def get_queryset(self) -> QuerySet[Invitation]:
        return selectors.store_invitations(store=self.request.store)

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        invitation = self.get_object()
        try:
            services.invitation_revoke(invitation=invitation, actor=request.user)
        except TenancyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
        return redirect(store_url(request, "store:tenancy:member_list"))


# --- Roles -----------------------------------------------------------------


class RoleListView(StoreViewMixin, TemplateView):
    """Built-in roles (read-only) and the store's custom roles."""

    request: StoreRequest

    permission_required = MANAGE_ROLES
    template_name = "tenancy/store/role_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        roles = [
            (role, selectors.effective_permission_count(role, self.request.modules))
            for role in selectors.store_roles(store=self.request.store)
        ]
        return {
            **super().get_context_data(**kwargs),
            "builtin_roles": [(role, count) for role, count in roles if role.is_builtin],
            "custom_roles": [(role, count) for role, count in roles if not role.is_builtin],
        }


class RoleFormView(StoreViewMixin, TemplateView):
    """The role form, with the enabled modules' permissions; creates a role, or edits ``self.role``."""

    request: StoreRequest

    permission_required = MANAGE_ROLES
    template_name = "tenancy/store/role_form.html"
    role: StoreRole | None = None

    def get_form(self, data: Any = None) -> RoleForm:
        others = selectors.store_roles(store=self.request.store)
        if self.role is not None:
            others = others.exclude(pk=self.role.pk)
            initial = {"name": self.role.name, "permissions": self.role.permissions}
        else:
            initial = {}
        return RoleForm(
            data,
            initial=initial,
            groups=selectors.permission_groups(self.request.modules),
            existing_names=others.values_list("name", flat=True),
        )

    def get_context_data(self, form: RoleForm | None = None, **kwargs: Any) -> dict[str, Any]:
        form = form or self.get_form()
        return {**super().get_context_data(**kwargs), "form": form, "selected": form.selected(), "role": self.role}

    def save(self, form: RoleForm) -> StoreRole:
        name, permissions = form.cleaned_data["name"], form.cleaned_data["permissions"]
        if self.role is None:
            return services.role_create(
                store=self.request.store, actor=self.request.user, name=name, permissions=permissions
            )
        return services.role_update(role=self.role, actor=self.request.user, name=name, permissions=permissions)

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                role = self.save(form)
            except (TenancyError, ValidationError) as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Role “%(role)s” saved.") % {"role": role.name})
                return redirect(store_url(request, "store:tenancy:role_list"))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RoleCreateView(RoleFormView):
    """A new custom role."""


class RoleEditView(RoleFormView):
    """Edit a custom role; built-in roles have no edit page (404)."""

    model = StoreRole

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.role = get_object_or_404(
            selectors.store_roles(store=self.request.store), pk=kwargs["pk"], kind=StoreRole.Kind.CUSTOM
        )
        return super().get(request, *args, **kwargs)

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        self.role = get_object_or_404(
            selectors.store_roles(store=request.store), pk=kwargs["pk"], kind=StoreRole.Kind.CUSTOM
        )
        return super().post(request, **kwargs)


class RoleDeleteView(ObjectActionView):
    """Delete a custom role that nobody uses."""

    model = StoreRole
    list_name = "store:tenancy:role_list"
    permission_required = MANAGE_ROLES

    def get_queryset(self) -> QuerySet[StoreRole]:
        return selectors.store_roles(store=self.request.store)

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        role = self.get_object()
        try:
            services.role_delete(role=role, actor=request.user)
        except TenancyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Role “%(role)s” deleted.") % {"role": role.name})
        return redirect(store_url(request, "store:tenancy:role_list"))


# --- Domains ---------------------------------------------------------------


class DomainListView(StoreViewMixin, TemplateView):
    """The domains the storefront answers on, and the form to connect one."""

    request: StoreRequest

    permission_required = MANAGE_DOMAINS
    template_name = "tenancy/store/domain_list.html"

    def get_context_data(self, form: DomainForm | None = None, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "domains": selectors.store_domains(store=self.request.store),
            "form": form or DomainForm(),
        }


class DomainCreateView(DomainListView):
    http_method_names = ["post"]

    def post(self, request: StoreRequest, **kwargs: Any) -> HttpResponse:
        form = DomainForm(request.POST)
        if form.is_valid():
            try:
                domain = services.store_domain_add(
                    store=request.store, actor=request.user, domain=form.cleaned_data["domain"]
                )
            except (TenancyError, ValidationError) as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("%(domain)s is connected.") % {"domain": domain.domain})
                return redirect(store_url(request, "store:tenancy:domain_list"))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class DomainMakePrimaryView(ObjectActionView):
    model = StoreDomain
    list_name = "store:tenancy:domain_list"
    permission_required = MANAGE_DOMAINS

    def get_queryset(self) -> QuerySet[StoreDomain]:
        return selectors.store_domains(store=self.request.store)

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponse:
        store_domain = self.get_object()
        try:
            services.store_domain_make_primary(store_domain=store_domain, actor=request.user)
        except TenancyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(domain)s is now the primary domain.") % {"domain": store_domain.domain})
        return redirect(store_url(request, "store:tenancy:domain_list"))


class DomainDeleteView(ObjectActionView):
    model = StoreDomain
    list_name = "store:tenancy:domain_list"
    permission_required = MANAGE_DOMAINS

    def get_queryset(self) -> QuerySet[StoreDomain]:
        return selectors.store_domains(store=self.request.store)

    def post(self, request: StoreRequest, pk: int, **kwargs: Any) -> HttpResponseRedirect:
        store_domain = self.get_object()
        try:
            services.store_domain_remove(store_domain=store_domain, actor=request.user)
        except TenancyError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(domain)s was disconnected.") % {"domain": store_domain.domain})
        return redirect(store_url(request, "store:tenancy:domain_list"))


urlpatterns = [
    path("team/", MemberListView.as_view(), name="member_list"),
    path("team/invite/", InvitationCreateView.as_view(), name="invitation_create"),
    path("team/leave/", MembershipLeaveView.as_view(), name="membership_leave"),
    path("team/<int:pk>/role/", MemberRoleChangeView.as_view(), name="member_role_change"),
    path("team/<int:pk>/active/", MemberActiveView.as_view(), name="member_active"),
    path("team/<int:pk>/remove/", MemberRemoveView.as_view(), name="member_remove"),
    path("team/invitations/<int:pk>/revoke/", InvitationRevokeView.as_view(), name="invitation_revoke"),
    path("roles/", RoleListView.as_view(), name="role_list"),
    path("roles/new/", RoleCreateView.as_view(), name="role_create"),
    path("roles/<int:pk>/edit/", RoleEditView.as_view(), name="role_edit"),
    path("roles/<int:pk>/delete/", RoleDeleteView.as_view(), name="role_delete"),
    path("domains/", DomainListView.as_view(), name="domain_list"),
    path("domains/new/", DomainCreateView.as_view(), name="domain_create"),
    path("domains/<int:pk>/primary/", DomainMakePrimaryView.as_view(), name="domain_make_primary"),
    path("domains/<int:pk>/delete/", DomainDeleteView.as_view(), name="domain_delete"),
]

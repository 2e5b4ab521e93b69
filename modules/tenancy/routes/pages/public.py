"""Public pages of tenancy: accepting an invitation, and choosing one of your stores.

Mounted at the platform's root. Outside a store no tenant scope is active:
the invitation is found by its token (``services.invitation_for_token``) and
the user's stores by an explicit cross-store selector.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from orion.views import PlatformViewMixin

from ... import selectors, services
from ...exceptions import AccountExistsError, InvitationInvalidError, InvitationWrongUserError, TenancyError
from ...forms import AccountForm
from ...interface import PlatformRequest
from ...models import Invitation, Store


def dashboard_url(store: Store) -> str:
    return reverse("store:core:dashboard_view", kwargs={"store_code": store.code})


class InvitationAcceptView(PlatformViewMixin, View):
    """The page an invitation email links to.

    Logged in as the invited address: an Accept button. Not logged in: a link
    to log in, or, when the address has no account yet, a short form that
    creates it and accepts in one step. Anything else: an error page, and
    nothing is written.
    """

    request: PlatformRequest

    template_name = "tenancy/public/invitation_accept.html"
    error_template_name = "tenancy/public/invitation_error.html"

    def invitation(self, request: PlatformRequest, token: str) -> Invitation:
        invitation = services.invitation_for_token(token)
        if invitation.store.platform_id != request.platform.pk:  # a token of another platform opens nothing here
            raise InvitationInvalidError()
        return invitation

    def get(self, request: PlatformRequest, token: str) -> HttpResponse:
        try:
            invitation = self.invitation(request, token)
        except TenancyError as error:
            return self.error_page(request, error)
        return self.page(request, invitation)

    def post(self, request: PlatformRequest, token: str) -> HttpResponse:
        try:
            invitation = self.invitation(request, token)
        except TenancyError as error:
            return self.error_page(request, error)
        if request.user.is_authenticated:
            try:
                membership = services.invitation_accept(token=token, user=request.user)
            except TenancyError as error:
                return self.error_page(request, error, invitation)
        else:
            form = AccountForm(request.POST, email=invitation.email)
            if not form.is_valid():
                return self.page(request, invitation, form=form, status=400)
            try:
                membership = services.invitation_signup(
                    token=token, full_name=form.cleaned_data["full_name"], password=form.cleaned_data["password"]
                )
            except AccountExistsError as error:
                form.add_error(None, error.message)
                return self.page(request, invitation, form=form, status=400)
            except TenancyError as error:
                return self.error_page(request, error, invitation)
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome to the team of %(store)s, as %(role)s.")
            % {"store": invitation.store.name, "role": invitation.role.display_name},
        )
        return redirect(dashboard_url(invitation.store))

    def page(
        self, request: HttpRequest, invitation: Invitation, *, form: AccountForm | None = None, status: int = 200
    ) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.email.lower() != invitation.email.lower():
            return self.error_page(request, InvitationWrongUserError(), invitation)
        has_account = get_user_model().objects.filter(email__iexact=invitation.email).exists()
        if not user.is_authenticated and not has_account and form is None:
            form = AccountForm(email=invitation.email)
        context = {
            "invitation": invitation,
            "store": invitation.store,
            "form": form,
            "accept_login_url": reverse("public:core:login") + "?" + urlencode({"next": request.get_full_path()}),
        }
        return render(request, self.template_name, context, status=status)

    def error_page(
        self, request: HttpRequest, error: TenancyError, invitation: Invitation | None = None
    ) -> HttpResponse:
        context = {"error": error, "invitation": invitation, "wrong_user": isinstance(error, InvitationWrongUserError)}
        return render(request, self.error_template_name, context, status=error.status)


class StoreChooserView(LoginRequiredMixin, PlatformViewMixin, TemplateView):
    """Where login lands: the user's stores on this platform; with exactly one, straight to it."""

    request: PlatformRequest

    template_name = "tenancy/public/store_chooser.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        memberships = selectors.stores_of_user(user=request.user, platform=self.request.platform)
        if len(memberships) == 1:
            return redirect(dashboard_url(memberships[0].store))
        entries = [(membership, dashboard_url(membership.store)) for membership in memberships]
        return self.render_to_response(self.get_context_data(entries=entries))


urlpatterns = [
    path("invitations/<str:token>/", InvitationAcceptView.as_view(), name="invitation_accept"),
    path("accounts/stores/", StoreChooserView.as_view(), name="store_chooser"),
]

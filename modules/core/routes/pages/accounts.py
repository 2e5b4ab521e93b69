"""Staff accounts on the platform site: login, logout, password change and reset.

Django's own views, with Orion's templates (``templates/registration/``).
Failed logins are throttled by django-axes (see settings: AXES_*).
"""

from __future__ import annotations

from typing import Any

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import path, reverse_lazy

from orion.accounts.forms import LoginForm, PasswordResetForm
from orion.http import PlatformRequest


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset request; the emailed link is on this request's host, in the platform's public scheme."""

    request: PlatformRequest  # the platform's public site

    success_url = reverse_lazy("public:core:password_reset_done")
    form_class = PasswordResetForm

    def form_valid(self, form: Any) -> HttpResponse:
        # Behind a TLS proxy request.is_secure() can be False: the scheme comes from the settings.
        self.extra_email_context = {
            "protocol": settings.ORION_PUBLIC_SCHEME,
            "platform_name": self.request.platform.name,
        }
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's new-password page; a new password also lifts the account's login lockout."""

    success_url = reverse_lazy("public:core:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        axes_reset(username=form.user.get_username())  # its failed logins are forgotten
        return response


urlpatterns = [
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("public:core:password_change_done")),
        name="password_change",
    ),
    path("accounts/password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/password/reset/", PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

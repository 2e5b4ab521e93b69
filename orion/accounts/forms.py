"""Staff account forms: login by email address, and password reset sent through Celery."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.template import loader
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form, labelled for email; one message whether the account exists or not.

    The field keeps Django's name ``username`` (django-axes reads it, see AXES_USERNAME_FORM_FIELD).
    """

    username = UsernameField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email address or the password is wrong."),
    }

    def clean_username(self) -> str:
        # Stored addresses have a lower-case domain (UserManager.normalize_email).
        return get_user_model().objects.normalize_email(self.cleaned_data["username"])


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, with the email rendered here and sent by Celery.

    The request then takes as long for an unknown address as for a known one
    (no hint that an account exists), and a slow mail server does not hold it.
    """

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        from .tasks import send_email

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = loader.render_to_string(html_email_template_name, context) if html_email_template_name else None
        send_email.delay(subject, body, [to_email], html)  # nothing was written: no commit to wait for

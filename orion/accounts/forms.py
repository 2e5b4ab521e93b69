"""The staff login form: an email address and a password."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UsernameField
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

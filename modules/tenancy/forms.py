"""Forms of the tenancy pages: they validate input; the services decide and write."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Store, StoreRole, hostname_validator
from .selectors import PermissionGroup, store_roles


def _role_field(store: Store, offered: Iterable[StoreRole]) -> forms.ModelChoiceField[StoreRole]:
    """Offers the roles the actor may grant, accepts any of the store's: the service says why not."""
    field: forms.ModelChoiceField[StoreRole] = forms.ModelChoiceField(label=_("Role"), queryset=store_roles(store=store), empty_label=None)
    field.choices = [(role.pk, role.display_name) for role in offered]
    return field


class InvitationForm(forms.Form):
    """Invite someone by email with one of the roles the actor may grant."""

    email = forms.EmailField(label=_("Email address"))

    def __init__(self, *args: Any, store: Store, roles: Iterable[StoreRole], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = list(roles)
        self.fields["role"] = _role_field(store, roles)
        # The least powerful built-in role is the safe default for someone new.
        staff = next((role for role in roles if role.kind == StoreRole.Kind.STAFF), None)
        self.fields["role"].initial = staff.pk if staff else None


class MemberRoleForm(forms.Form):
    """A member's new role, from the roles the actor may grant."""

    def __init__(self, *args: Any, store: Store, roles: Iterable[StoreRole], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"] = _role_field(store, roles)


class RoleForm(forms.Form):
    """A custom role: a name and the permissions of the platform's enabled modules."""

    name = forms.CharField(label=_("Name"), max_length=80)

    def __init__(self, *args: Any, groups: list[PermissionGroup], existing_names: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups = groups
        self.existing_names = {name.casefold() for name in existing_names}
        self.fields["permissions"] = forms.MultipleChoiceField(
            label=_("Permissions"),
            required=False,
            choices=[(p.id, p.label) for group in groups for p in group.permissions],
            widget=forms.CheckboxSelectMultiple,
        )

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if name.casefold() in self.existing_names:
            raise ValidationError(_("Another role of this store already has this name."))
        return name

    def selected(self) -> set[str]:
        """The permission ids to show ticked (the submitted ones, or the initial ones)."""
        if self.is_bound:
            return set(self.data.getlist("permissions"))  # type: ignore[attr-defined]  # the POST QueryDict
        return set(self.initial.get("permissions", ()))


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("Domain"),
        max_length=253,
        help_text=_("Your own host name, such as shop.example.com. Point its DNS to the platform first."),
    )

    def clean_domain(self) -> str:
        domain: str = self.cleaned_data["domain"].strip().lower().rstrip(".")
        hostname_validator(domain)
        if "." not in domain:
            raise ValidationError(_("Enter a full host name such as shop.example.com."))
        return domain


class AccountForm(forms.Form):
    """A new account for an invited address: the email is the invitation's."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns
        password = cleaned.get("password")
        if password:
            user = get_user_model()(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned

"""The platform's public site: home, pricing and merchant signup (plus the account pages)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, login, password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from modules.tenancy import interface as tenancy
from orion.modules import services
from orion.modules.definition import ModuleTier
from orion.views import PlatformViewMixin

from ... import selectors
from . import accounts

TIER_ORDER = {ModuleTier.OPTIONAL: 0, ModuleTier.CORE: 1}


def contact_email(platform: Any) -> str:
    """Where prospects write to: the platform's own address if it has one, else the deployment's."""
    return (
        getattr(platform, "contact_email", "")
        or getattr(settings, "ORION_CONTACT_EMAIL", "")
        or settings.DEFAULT_FROM_EMAIL
    )


class HomeView(PlatformViewMixin, TemplateView):
    """What the platform offers (its enabled modules), its stores, and the way in."""

    request: tenancy.PlatformRequest

    template_name = "core/public/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        platform = self.request.platform
        offers = sorted(
            (s for s in services.module_states(platform) if s.enabled and s.definition.tier in TIER_ORDER),
            key=lambda s: (TIER_ORDER[s.definition.tier], str(s.definition.name)),
        )
        stores = platform.stores.filter(is_active=True).order_by("name")
        return super().get_context_data(module_states=offers, stores=stores, **kwargs)


class PricingView(PlatformViewMixin, TemplateView):
    """Plans come from enabled modules' platform context (``pricing_plans``); without any, pricing is on request."""

    template_name = "core/public/pricing.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(contact_email=contact_email(self.request.platform), **kwargs)


class SignupForm(forms.Form):
    """A merchant, its first store and the owner's account, in one form."""

    company_name = forms.CharField(label=_("Company name"), max_length=150)
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    store_name = forms.CharField(label=_("Store name"), max_length=150)
    store_code = forms.SlugField(
        label=_("Store code"),
        max_length=50,
        help_text=_("Lower-case letters, digits and hyphens; used in your store's addresses."),
    )
    default_language = forms.ChoiceField(label=_("Store language"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, platform: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.platform = platform
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if language in dict(settings.LANGUAGES):
            self.fields["default_language"].initial = language

    def clean_email(self) -> str:
        email = get_user_model().objects.normalize_email(self.cleaned_data["email"]).strip()
        if selectors.email_taken(email=email):
            raise ValidationError(_("An account with this email already exists. Log in instead."), code="email_taken")
        return email

    def clean_store_code(self) -> str:
        code: str = self.cleaned_data["store_code"].lower()
        if tenancy.store_code_taken(platform=self.platform, code=code):
            raise ValidationError(tenancy.StoreCodeTakenError.default_message, code="store_code_taken")
        return code

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data  # what Form.clean() returns
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", ValidationError(_("The two passwords differ."), code="password_mismatch"))
        elif password1:
            user = get_user_model()(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password1, user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class SignupView(PlatformViewMixin, FormView[SignupForm]):
    """Create the merchant, store and owner (``merchant_signup``), log the owner in, open the dashboard."""

    request: tenancy.PlatformRequest

    template_name = "core/public/signup.html"
    form_class = SignupForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "platform": self.request.platform}

    def form_valid(self, form: SignupForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            store = tenancy.merchant_signup(
                platform=self.request.platform,
                company_name=data["company_name"],
                email=data["email"],
                full_name=data["full_name"],
                password=data["password1"],
                store_name=data["store_name"],
                store_code=data["store_code"],
                default_language=data["default_language"],
            )
        except tenancy.StoreCodeTakenError as error:  # taken since the form was checked
            form.add_error("store_code", error.message)
            return self.form_invalid(form)
        except IntegrityError:  # the email was taken since the form was checked
            form.add_error("email", _("An account with this email already exists. Log in instead."))
            return self.form_invalid(form)
        except ValidationError as error:  # a model rule, or the email taken since the form was checked
            errors = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
            for field, messages in errors.items():
                form.add_error(field if field in form.fields else None, messages)
            return self.form_invalid(form)
        user = selectors.user_by_email(email=data["email"])
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        return HttpResponseRedirect(reverse("store:core:dashboard_view", kwargs={"store_code": store.code}))


urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("pricing/", PricingView.as_view(), name="pricing"),
    path("signup/", SignupView.as_view(), name="signup"),
    *accounts.urlpatterns,
]

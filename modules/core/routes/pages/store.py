"""The store dashboard's core pages: dashboard, settings, profile and API keys.

Mounted at ``/store/<store_code>/core/`` (namespace ``store:core``). Every
view is a ``StoreViewMixin``: outsiders get a 404, members without the
permission a 403.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.generic import RedirectView, TemplateView, View

from modules.contracts.protocols import Widget
from modules.tenancy import interface as tenancy
from orion.forms import add_service_error
from orion.views import StoreViewMixin, can, store_link

from ... import selectors, services
from ...forms import ApiKeyCreateForm, ProfileForm, StoreLocalisationForm, StoreSettingsForm
from ...models import ApiToken
from .activity import ActivityListView

logger = logging.getLogger(__name__)

LOCALISATION_FORM = "localisation"


# --- Dashboard ---------------------------------------------------------------


@dataclass(frozen=True)
class RenderedWidget:
    widget: Widget
    html: SafeString


def render_widget(request: tenancy.StoreRequest, widget: Widget) -> RenderedWidget:
    """The widget's HTML, or a short notice in its place when its template fails."""
    try:
        html = mark_safe(render_to_string(widget.template, {**widget.context, "widget": widget}, request=request))
    except Exception:
        logger.exception("Dashboard widget '%s' failed to render", widget.key)
        html = format_html('<div class="orion-slot-error" role="alert">{}</div>', _("This widget could not be shown."))
    return RenderedWidget(widget=widget, html=html)


NEW_KEY_SESSION = "orion_new_api_key"


class DashboardView(StoreViewMixin, TemplateView):
    """Tiles and widgets from the enabled modules, and first steps for a new store."""

    request: tenancy.StoreRequest

    permission_required = "core.view_dashboard"
    template_name = "core/store/dashboard_view.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        request = self.request
        return super().get_context_data(
            metrics=selectors.dashboard_metrics(request),
            widgets=[render_widget(request, widget) for widget in selectors.dashboard_widgets(request)],
            getting_started=self.getting_started(),
            **kwargs,
        )

    def getting_started(self) -> list[dict[str, Any]]:
        """First steps the user may take, each with its page and whether it looks done."""
        request, store = self.request, self.request.store
        steps = [
            (
                "core.view_settings",
                "store:core:settings_edit",
                _("Describe your store: tagline, description and contact email"),
                bool(store.tagline and store.contact_email),
            ),
            ("tenancy.view_team", "store:tenancy:member_list", _("Invite your team"), False),
            ("core.manage_api_keys", "store:core:apikey_list", _("Connect other systems with an API key"), False),
            (None, "store:core:profile_edit", _("Add your name to your profile"), bool(request.user.full_name)),
        ]
        return [
            {"label": label, "url": url, "done": done}
            for permission, name, label, done in steps
            if (url := store_link(request, name, permission))
        ]


class StoreHomeView(StoreViewMixin, RedirectView):
    """``/store/<code>/core/`` leads to the dashboard."""

    pattern_name = "store:core:dashboard_view"


# --- Settings ----------------------------------------------------------------


class SettingsEditView(StoreViewMixin, TemplateView):
    """General settings (``core.edit_settings``) and, apart, language and currency
    (``core.manage_localisation``). Members with ``core.view_settings`` only read."""

    request: tenancy.StoreRequest

    permission_required = "core.view_settings"
    edit_permission_required = "core.edit_settings"
    template_name = "core/store/settings_edit.html"

    def required_permission(self, request: HttpRequest) -> str | None:
        if request.method == "POST" and request.POST.get("form") == LOCALISATION_FORM:
            return "core.manage_localisation"
        return super().required_permission(request)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        store = self.request.store
        kwargs.setdefault("form", StoreSettingsForm(initial=StoreSettingsForm.initial_for(store)))
        kwargs.setdefault("localisation_form", StoreLocalisationForm(initial=StoreLocalisationForm.initial_for(store)))
        can_edit, can_localise = (
            can(self.request, "core.edit_settings"),
            can(self.request, "core.manage_localisation"),
        )
        for field in kwargs["form"].fields.values() if not can_edit else ():
            field.disabled = True
        for field in kwargs["localisation_form"].fields.values() if not can_localise else ():
            field.disabled = True
        return super().get_context_data(can_edit=can_edit, can_localise=can_localise, **kwargs)

    def post(self, request: tenancy.StoreRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        localisation = request.POST.get("form") == LOCALISATION_FORM
        form_class = StoreLocalisationForm if localisation else StoreSettingsForm
        form = form_class(request.POST)
        if form.is_valid():
            try:  # store_update works on a fresh row: request.store is shared with the tenant cache
                tenancy.store_update(store=request.store, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The store's settings were saved."))
                return redirect(request.path)
        key = "localisation_form" if localisation else "form"
        return self.render_to_response(self.get_context_data(**{key: form}))


# --- Profile -----------------------------------------------------------------


class ProfileEditView(StoreViewMixin, TemplateView):
    """The user's name and preferred language; any member may edit their own."""

    request: tenancy.StoreRequest

    template_name = "core/store/profile_edit.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        kwargs.setdefault(
            "form", ProfileForm(initial={"full_name": user.full_name, "language": translation.get_language()})
        )
        return super().get_context_data(password_change_url=reverse("public:core:password_change"), **kwargs)

    def post(self, request: tenancy.StoreRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ProfileForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        services.profile_update(user=request.user, full_name=form.cleaned_data["full_name"])
        language = form.cleaned_data["language"]
        translation.activate(language)  # the confirmation already in the chosen language
        messages.success(request, _("Your profile was saved."))
        response = redirect(request.path)
        # What django.views.i18n.set_language does: the language cookie.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response


# --- API keys ----------------------------------------------------------------


class ApiKeyListView(StoreViewMixin, TemplateView):
    """The user's own keys, then the other members' keys of the store."""

    request: tenancy.StoreRequest

    permission_required = "core.manage_api_keys"
    template_name = "core/store/apikey_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        keys = selectors.apikey_list(store=self.request.store, user=user, everyone=True)
        return super().get_context_data(
            own_keys=[key for key in keys if key.user_id == user.pk],
            other_keys=[key for key in keys if key.user_id != user.pk],
            form=ApiKeyCreateForm(),
            **kwargs,
        )


class ApiKeyCreateView(StoreViewMixin, TemplateView):
    """Create a key, then show it once on the next page (post/redirect/get: a reload creates nothing)."""

    permission_required = "core.manage_api_keys"
    template_name = "core/store/apikey_create.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("form", ApiKeyCreateForm())
        return super().get_context_data(**kwargs)

    def post(self, request: tenancy.StoreRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ApiKeyCreateForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        token, key = services.api_token_create(
            store=request.store, user=request.user, name=form.cleaned_data["name"], expires_at=form.expires_at()
        )
        request.session[NEW_KEY_SESSION] = {"id": token.pk, "key": key}
        return redirect("store:core:apikey_created", store_code=request.store.code, pk=token.pk)


class ApiKeyCreatedView(StoreViewMixin, View):
    """The new key, once: the session holds it until this page takes it out."""

    model = ApiToken
    permission_required = "core.manage_api_keys"

    def get(self, request: tenancy.StoreRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = selectors.apikey_get(store=request.store, pk=self.kwargs["pk"])
        if token is None:
            raise Http404(_("No such API key in this store."))
        new = request.session.get(NEW_KEY_SESSION) or {}
        if new.get("id") != token.pk:
            messages.info(request, _("A key is shown only once, when it is created. Create a new one if it is lost."))
            return redirect("store:core:apikey_list", store_code=request.store.code)
        del request.session[NEW_KEY_SESSION]
        response = render(request, "core/store/apikey_created.html", {"token": token, "key": new["key"]})
        add_never_cache_headers(response)  # the key must not stay in any cache
        return response


class ApiKeyRevokeView(StoreViewMixin, View):
    """Revoke one of the store's keys (POST only); it stops working at once."""

    request: tenancy.StoreRequest

    model = ApiToken
    permission_required = "core.manage_api_keys"
    http_method_names = ["post"]

    def get_object(self) -> ApiToken:
        token = selectors.apikey_get(store=self.request.store, pk=self.kwargs["pk"])
        if token is None:
            raise Http404(_("No such API key in this store."))
        return token

    def http_method_not_allowed(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.get_object()  # another store's key is a 404, whatever the method
        return super().http_method_not_allowed(request, *args, **kwargs)

    def post(self, request: tenancy.StoreRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = self.get_object()
        services.api_token_revoke(store=request.store, token=token, actor=request.user)
        messages.success(request, _("The key “%(name)s” was revoked.") % {"name": token.name})
        return redirect("store:core:apikey_list", store_code=request.store.code)


urlpatterns = [
    path("", StoreHomeView.as_view(), name="store_home"),
    path("dashboard/", DashboardView.as_view(), name="dashboard_view"),
    path("settings/", SettingsEditView.as_view(), name="settings_edit"),
    path("profile/", ProfileEditView.as_view(), name="profile_edit"),
    path("api-keys/", ApiKeyListView.as_view(), name="apikey_list"),
    path("api-keys/new/", ApiKeyCreateView.as_view(), name="apikey_create"),
    path("api-keys/<int:pk>/created/", ApiKeyCreatedView.as_view(), name="apikey_created"),
    path("api-keys/<int:pk>/revoke/", ApiKeyRevokeView.as_view(), name="apikey_revoke"),
    path("activity/", ActivityListView.as_view(), name="activity_list"),
]

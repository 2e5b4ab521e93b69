"""DRF authentication by API key: ``Authorization: Bearer orn_<lookup><secret>``.

A wrong key counts as a failed login for django-axes (per address), like a
wrong password on the login form; a locked-out address gets 429 before any
key is looked at.
"""

from __future__ import annotations

import hashlib
import hmac

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from orion.accounts.lockout import API_KEY_USERNAME_PREFIX
from orion.accounts.models import User

from .models import TOKEN_PREFIX, ApiToken

LOOKUP_LENGTH = 12


class LockedOut(exceptions.Throttled):
    default_detail = gettext_lazy("Too many failed attempts from this address. Try again later.")
    default_code = "locked_out"


def hash_secret(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Send the key as 'Authorization: Bearer <key>'."))
        django_request = request._request
        if not AxesProxyHandler.is_allowed(django_request, {"username": None}):
            raise LockedOut()
        key = parts[1].decode(errors="replace")
        token = self._token_for(key)
        if token is None:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": f"{API_KEY_USERNAME_PREFIX}{key[: len(TOKEN_PREFIX) + 4]}"},
                request=django_request,
            )
            raise exceptions.AuthenticationFailed(_("This API key is not valid, has expired or was revoked."))
        if token.last_used_at is None or (timezone.now() - token.last_used_at).total_seconds() > 60:
            with scopes_disabled():
                ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token

    @staticmethod
    def _token_for(key: str) -> ApiToken | None:
        if not key.startswith(TOKEN_PREFIX) or len(key) < len(TOKEN_PREFIX) + LOOKUP_LENGTH + 20:
            return None
        lookup = key[len(TOKEN_PREFIX) : len(TOKEN_PREFIX) + LOOKUP_LENGTH]
        with scopes_disabled():  # the key decides the store; StorePermission checks it is this request's
            token = ApiToken.objects.select_related("user").filter(lookup=lookup).first()
        if token is None or not hmac.compare_digest(token.token_hash, hash_secret(key)):
            return None
        if not token.is_usable or not token.user.is_active:
            return None
        return token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword

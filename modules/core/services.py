"""Writes of the core module: API keys and the user's profile."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.utils import timezone

from modules.tenancy.interface import Store
from orion.accounts.models import User
from orion.permissions import is_member
from orion.services import ensure_in_store, record, record_created, store_write
from orion.types import Actor, StoreRef

from .authentication import LOOKUP_LENGTH, hash_secret
from .exceptions import ApiTokenNotFoundError, NotAMemberError
from .models import TOKEN_PREFIX, ApiToken


@store_write(actor="user")
def api_token_create(
    *, store: Store, user: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """A new key for ``user`` in ``store``; the key is returned once and never stored."""
    if not is_member(user, store):
        raise NotAMemberError()
    lookup = secrets.token_hex(LOOKUP_LENGTH // 2)
    key = f"{TOKEN_PREFIX}{lookup}{secrets.token_urlsafe(32)}"
    token = ApiToken(
        store=store, user=user, name=name, lookup=lookup, token_hash=hash_secret(key), expires_at=expires_at
    )
    token.full_clean()
    token.save()
    record_created(token, "core.api_key.created", ("name", "user", "expires_at"))
    return token, key


@store_write
def api_token_revoke(*, store: StoreRef, token: ApiToken, actor: Actor) -> ApiToken:
    """Revoke a key of ``store``; revoking twice changes nothing."""
    ensure_in_store(token, store, ApiTokenNotFoundError)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(token, "core.api_key.revoked", {"revoked_at": [None, token.revoked_at]})
    return token


def profile_update(*, user: User, full_name: str) -> User:
    """Change the user's own profile (their name; the language lives in a cookie)."""
    user.full_name = full_name
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name"])
    return user

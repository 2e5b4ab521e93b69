"""Types for the tenant models the framework never names, and for the acting user.

The framework reaches the platform and store models through settings
(``ORION_PLATFORM_MODEL``, ``ORION_STORE_MODEL``), so it cannot import them
to annotate with. ``PlatformRef`` and ``StoreRef`` say what it reads of them;
tenancy's ``Platform`` and ``Store`` satisfy them. Modules get them through
``modules.contracts``; code of a module that hands the store to the ORM
(``Product(store=store)``, ``filter(store=store)``) annotates it with the
model itself (``modules.tenancy.interface.Store``), which django-stubs
checks against the foreign key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeAlias

from django.utils.functional import Promise

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.utils.functional import _StrPromise

    from orion.accounts.models import User

__all__ = ["Actor", "PlatformRef", "StoreRef", "StrOrPromise"]


class PlatformRef(Protocol):
    """A platform (tenancy's ``Platform``), as the framework reads it."""

    @property
    def pk(self) -> int: ...

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


class StoreRef(Protocol):
    """A store (tenancy's ``Store``), as the framework and other modules read it."""

    @property
    def pk(self) -> int: ...

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def platform_id(self) -> int: ...

    @property
    def platform(self) -> PlatformRef: ...

    @property
    def currency(self) -> str: ...

    @property
    def default_language(self) -> str: ...


# Who acts in a write: the request's user (a visitor is anonymous), or nobody (a task, the system).
Actor: TypeAlias = "User | AnonymousUser | None"

# A label: a plain string or a lazy translation (``gettext_lazy``), as django-stubs-ext spells it.
if TYPE_CHECKING:
    StrOrPromise: TypeAlias = str | _StrPromise
else:
    StrOrPromise = str | Promise

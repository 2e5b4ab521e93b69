"""Base exceptions with stable, machine-readable error codes.

Every module's ``exceptions.py`` derives from ``OrionError``. The ``code`` is
part of the API contract: clients match on it, so it never changes once
released; the message is for people and may be translated.
"""

from __future__ import annotations

from typing import Any

from orion.types import StrOrPromise


class OrionError(Exception):
    code: str = "error"
    status: int = 400  # HTTP status the API answers with
    # A translatable default message (gettext_lazy); else the class docstring.
    default_message: StrOrPromise | None = None

    def __init__(self, message: StrOrPromise = "", *, code: str | None = None, errors: dict[str, Any] | None = None) -> None:
        super().__init__(message or self.default_message or self.__class__.__doc__ or self.code)
        self.errors = errors or {}  # field name -> problems, for forms and API clients
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0])

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "detail": self.message}


class NotFoundError(OrionError):
    code = "not_found"
    status = 404


class PermissionDeniedError(OrionError):
    code = "permission_denied"
    status = 403


class ValidationFailedError(OrionError):
    code = "invalid"
    status = 400

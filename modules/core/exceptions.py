"""Errors of the core module; each ``code`` is stable API."""

from orion.exceptions import OrionError, ValidationFailedError


class CoreError(OrionError):
    """Base error of the core module."""

    code = "core_error"


class SettingsInvalidError(ValidationFailedError):
    """The store settings are invalid."""

    code = "store_settings_invalid"

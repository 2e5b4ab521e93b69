"""Errors of the core module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from django.utils.translation import gettext_lazy as _

from orion.exceptions import NotFoundError, OrionError, PermissionDeniedError, ValidationFailedError


class CoreError(OrionError):
    """An error of the core module; every other error here derives from it."""

    code = "core_error"


class SettingNotFoundError(CoreError, NotFoundError):
    """The requested setting does not exist."""

    code = "setting_not_found"


class InvalidSettingError(CoreError, ValidationFailedError):
    """The value given for a setting is not valid."""

    code = "invalid_setting_value"


class NotAMemberError(CoreError, PermissionDeniedError):
    default_message = _("Only members of the store's team can have API keys for it.")

    code = "not_a_member"


class ApiTokenNotFoundError(CoreError, NotFoundError):
    default_message = _("No API key with this id in this store.")

    code = "api_key_not_found"

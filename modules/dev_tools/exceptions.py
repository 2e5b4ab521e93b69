"""Errors of the dev_tools module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError


class DevToolsError(OrionError):
    """An error of the dev_tools module; every other error here derives from it."""

    code = "dev_tools_error"


class ComponentNotFoundError(DevToolsError, NotFoundError):
    """The template component does not exist."""

    code = "component_not_found"


class IconNotFoundError(DevToolsError, NotFoundError):
    """The icon does not exist."""

    code = "icon_not_found"

"""Errors of the dev_tools module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError


class DevToolsError(OrionError):
    """Base error of the dev_tools module."""

    code = "dev_tools_error"


class ComponentNotFoundError(NotFoundError):
    """No such component."""

    code = "component_not_found"

"""Errors of the cms module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError


class CmsError(OrionError):
    """Base error of the cms module."""

    code = "cms_error"


class PageNotFoundError(NotFoundError):
    """No such content page."""

    code = "page_not_found"

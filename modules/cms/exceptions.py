"""Errors of the cms module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class CmsError(OrionError):
    """An error of the cms module; every other error here derives from it."""

    code = "cms_error"


class PageNotFoundError(CmsError, NotFoundError):
    """The content page does not exist."""

    code = "page_not_found"


class PageSlugTakenError(CmsError, ValidationFailedError):
    """Another page of this store already uses this address."""

    code = "page_slug_taken"


class MediaFileRejectedError(CmsError, ValidationFailedError):
    """The uploaded file is too large or of a type the media library does not accept."""

    code = "media_file_rejected"

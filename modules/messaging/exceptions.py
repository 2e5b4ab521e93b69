"""Errors of the messaging module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError


class MessagingError(OrionError):
    """Base error of the messaging module."""

    code = "messaging_error"


class EmailTemplateNotFoundError(NotFoundError):
    """No such email template."""

    code = "email_template_not_found"

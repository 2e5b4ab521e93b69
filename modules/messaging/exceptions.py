"""Errors of the messaging module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError


class MessagingError(OrionError):
    """An error of the messaging module; every other error here derives from it."""

    code = "messaging_error"


class EmailTemplateNotFoundError(MessagingError, NotFoundError):
    """The email template does not exist."""

    code = "email_template_not_found"


class MessageDeliveryError(MessagingError):
    """The message could not be handed to the mail server."""

    code = "message_delivery_failed"
    status = 502

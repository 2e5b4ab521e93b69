"""Errors of the payments module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import OrionError, ValidationFailedError


class PaymentsError(OrionError):
    """An error of the payments module; every other error here derives from it."""

    code = "payments_error"


class PaymentDeclinedError(PaymentsError):
    """The payment gateway declined the payment."""

    code = "payment_declined"
    status = 402


class RefundNotAllowedError(PaymentsError, ValidationFailedError):
    """The payment cannot be refunded, or not for this amount."""

    code = "refund_not_allowed"


class InvalidWebhookSignatureError(PaymentsError, ValidationFailedError):
    """The webhook's signature does not match the gateway's secret."""

    code = "invalid_webhook_signature"

"""Errors of the payments module; each ``code`` is stable API."""

from orion.exceptions import OrionError, ValidationFailedError


class PaymentsError(OrionError):
    """Base error of the payments module."""

    code = "payments_error"


class PaymentFailedError(OrionError):
    """The payment could not be completed."""

    code = "payment_failed"


class RefundExceedsPaymentError(ValidationFailedError):
    """A refund cannot exceed what was paid."""

    code = "refund_exceeds_payment"

"""Errors of the billing module; each ``code`` is stable API."""

from orion.exceptions import OrionError, PermissionDeniedError


class BillingError(OrionError):
    """Base error of the billing module."""

    code = "billing_error"


class TierLimitReachedError(PermissionDeniedError):
    """The store's subscription tier does not allow more of this."""

    code = "tier_limit_reached"


class FeatureNotInTierError(PermissionDeniedError):
    """The store's subscription tier does not include this feature."""

    code = "feature_not_in_tier"

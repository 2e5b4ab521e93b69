"""Errors of the billing module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, PermissionDeniedError


class BillingError(OrionError):
    """An error of the billing module; every other error here derives from it."""

    code = "billing_error"


class TierLimitReachedError(BillingError, PermissionDeniedError):
    """The store has reached a limit of its subscription tier."""

    code = "tier_limit_reached"


class FeatureNotInTierError(BillingError, PermissionDeniedError):
    """The store's subscription tier does not include this feature."""

    code = "feature_not_in_tier"


class SubscriptionNotFoundError(BillingError, NotFoundError):
    """The store has no subscription."""

    code = "subscription_not_found"

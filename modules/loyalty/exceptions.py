"""Errors of the loyalty module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class LoyaltyError(OrionError):
    """An error of the loyalty module; every other error here derives from it."""

    code = "loyalty_error"


class ProgrammeNotFoundError(LoyaltyError, NotFoundError):
    """The loyalty programme does not exist in this store."""

    code = "loyalty_programme_not_found"


class InsufficientBalanceError(LoyaltyError, ValidationFailedError):
    """The customer does not have enough stamps or points for this reward."""

    code = "insufficient_loyalty_balance"


class WalletPassError(LoyaltyError):
    """The wallet pass could not be created or updated."""

    code = "wallet_pass_failed"
    status = 502

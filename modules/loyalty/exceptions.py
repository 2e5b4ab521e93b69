"""Errors of the loyalty module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class LoyaltyError(OrionError):
    """Base error of the loyalty module."""

    code = "loyalty_error"


class ProgrammeNotFoundError(NotFoundError):
    """No such loyalty programme."""

    code = "loyalty_programme_not_found"


class InsufficientPointsError(ValidationFailedError):
    """Not enough points."""

    code = "insufficient_points"

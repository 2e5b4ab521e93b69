"""Errors of the contracts module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError


class ContractsError(OrionError):
    """An error of the contracts module; every other error here derives from it."""

    code = "contracts_error"


class ProtocolNotImplementedError(ContractsError):
    """A module's provider does not implement the protocol it declares."""

    code = "protocol_not_implemented"
    status = 500


class ProviderNotFoundError(ContractsError, NotFoundError):
    """No enabled module provides the requested protocol."""

    code = "provider_not_found"

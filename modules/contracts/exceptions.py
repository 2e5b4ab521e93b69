"""Errors of the contracts module; each ``code`` is stable API."""

from orion.exceptions import OrionError


class ContractsError(OrionError):
    """Base error of the contracts module."""

    code = "contracts_error"


class ProviderContractError(OrionError):
    """A provider does not fulfil its protocol."""

    code = "provider_contract_violated"

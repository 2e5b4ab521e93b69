"""Errors of the catalog module; each ``code`` is stable API."""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class CatalogError(OrionError):
    """Base error of the catalog module."""

    code = "catalog_error"


class ProductNotFoundError(NotFoundError):
    """No such product."""

    code = "product_not_found"


class DuplicateSkuError(ValidationFailedError):
    """This SKU is already used in the store."""

    code = "duplicate_sku"

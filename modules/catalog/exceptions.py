"""Errors of the catalog module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. The docstring is the default message.
"""

from orion.exceptions import NotFoundError, OrionError, ValidationFailedError


class CatalogError(OrionError):
    """An error of the catalog module; every other error here derives from it."""

    code = "catalog_error"


class ProductNotFoundError(CatalogError, NotFoundError):
    """The product does not exist in this store."""

    code = "product_not_found"


class CategoryNotFoundError(CatalogError, NotFoundError):
    """The category does not exist in this store."""

    code = "category_not_found"


class DuplicateSkuError(CatalogError, ValidationFailedError):
    """Another product of this store already uses this SKU."""

    code = "duplicate_sku"

"""Errors of the catalog module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. ``default_message`` (translated) or the
docstring is the default message.
"""

from django.utils.translation import gettext_lazy as _

from orion.exceptions import NotFoundError, OrionError, PermissionDeniedError, ValidationFailedError


class CatalogError(OrionError):
    """An error of the catalog module; every other error here derives from it."""

    code = "catalog_error"


class ProductNotFoundError(CatalogError, NotFoundError):
    default_message = _("The product does not exist in this store.")

    code = "product_not_found"


class CategoryNotFoundError(CatalogError, NotFoundError):
    default_message = _("The category does not exist in this store.")

    code = "category_not_found"


class AttributeNotFoundError(CatalogError, NotFoundError):
    default_message = _("The attribute does not exist in this store.")

    code = "attribute_not_found"


class DuplicateSkuError(CatalogError, ValidationFailedError):
    """Raised with ``errors`` naming the field of each duplicate: ``sku`` or ``variants[1].sku``."""

    default_message = _("Another product of this store already uses this SKU.")

    code = "duplicate_sku"


class ActiveProductLimitError(CatalogError, PermissionDeniedError):
    """More active products than the store's plan allows; raised with the limit in the message."""

    default_message = _("The store has reached the number of active products its plan allows.")

    code = "active_product_limit_reached"


class ImageRejectedError(CatalogError, ValidationFailedError):
    """An upload that is not an acceptable image; the message says why."""

    default_message = _("This file is not an accepted image.")

    code = "image_rejected"


class CategoryCycleError(CatalogError, ValidationFailedError):
    default_message = _("A category cannot be placed under itself or one of its subcategories.")

    code = "category_cycle"


class ProductNotDraftError(CatalogError, ValidationFailedError):
    default_message = _("Only draft products can be deleted this way; archive active products instead.")

    code = "product_not_draft"


class AttributeInUseError(CatalogError, ValidationFailedError):
    """Deleting an attribute or value that products still use; the message says how many."""

    default_message = _("Products still use this attribute.")

    code = "attribute_in_use"
    status = 409

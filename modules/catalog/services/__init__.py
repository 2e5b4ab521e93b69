"""Writes of the catalog module: products and variants, images, categories, attributes.

Every function is keyword-only, atomic and takes the ``store`` it writes
for; rows passed in must belong to it (another store's row is "not found").
Field problems are ``ValidationError({field: [...]})`` keyed by the form
field (``title_en``, ``variants[1].sku``); rule violations are the module's
errors in ``exceptions.py``. ``actor`` is the user acting (for the record);
permission checks are the views' and APIs' job.
"""

from .attributes import (
    attribute_create,
    attribute_delete,
    attribute_update,
    attribute_value_create,
    attribute_value_delete,
    attribute_value_update,
)
from .categories import category_create, category_delete, category_update
from .images import product_image_add, product_image_delete, product_image_update
from .products import (
    VariantInput,
    product_create,
    product_delete,
    product_update,
    products_delete_drafts,
    products_set_status,
)

__all__ = [
    "VariantInput",
    "attribute_create",
    "attribute_delete",
    "attribute_update",
    "attribute_value_create",
    "attribute_value_delete",
    "attribute_value_update",
    "category_create",
    "category_delete",
    "category_update",
    "product_create",
    "product_delete",
    "product_image_add",
    "product_image_delete",
    "product_image_update",
    "product_update",
    "products_delete_drafts",
    "products_set_status",
]

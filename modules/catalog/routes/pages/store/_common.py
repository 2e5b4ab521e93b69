"""What the catalogue's store pages share: the permissions they ask for."""

from __future__ import annotations

VIEW_PRODUCT = "catalog.view_product"
CREATE_PRODUCT = "catalog.create_product"
EDIT_PRODUCT = "catalog.edit_product"
DELETE_PRODUCT = "catalog.delete_product"
MANAGE_CATEGORIES = "catalog.manage_categories"
MANAGE_ATTRIBUTES = "catalog.manage_attributes"

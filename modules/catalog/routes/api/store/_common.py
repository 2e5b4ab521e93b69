"""What the catalogue's store API views share: the permission every read asks for."""

from __future__ import annotations

VIEW_PRODUCT = "catalog.view_product"

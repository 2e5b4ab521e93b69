"""Products with variants and images, categories as a tree, and option attributes."""

from .attributes import Attribute, AttributeValue
from .categories import Category
from .products import Product, ProductImage, ProductStatus, TaxClass, Variant

__all__ = ["Attribute", "AttributeValue", "Category", "Product", "ProductImage", "ProductStatus", "TaxClass", "Variant"]

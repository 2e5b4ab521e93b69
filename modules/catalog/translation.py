"""Fields shoppers read in their language (django-modeltranslation): title_de, description_fr, ..."""

from modeltranslation.translator import TranslationOptions, register

from .models import Attribute, AttributeValue, Category, Product, ProductImage


@register(Product)
class ProductTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Attribute)
class AttributeTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(AttributeValue)
class AttributeValueTranslationOptions(TranslationOptions):
    fields = ("value",)


@register(ProductImage)
class ProductImageTranslationOptions(TranslationOptions):
    fields = ("alt_text",)

"""Fields shoppers read in their language (django-modeltranslation): tagline_de, description_fr, ..."""

from modeltranslation.translator import TranslationOptions, register

from .models import Store


@register(Store)
class StoreTranslationOptions(TranslationOptions):
    fields = ("tagline", "description")

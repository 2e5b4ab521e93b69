"""Language on storefronts: the shopper's own choice, else the store's default language."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class StoreLanguageMiddleware:
    """After ``LocaleMiddleware`` and the tenant middleware.

    ``LocaleMiddleware`` picks the language from the language cookie, else
    the browser's Accept-Language. On a storefront the store's default
    language wins over the browser: a shopper who has not chosen a language
    sees the store as its merchant set it up.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        store = getattr(request, "store", None)
        storefront = request.path_info.startswith("/shop/") or getattr(request, "storefront_host", False)
        if store is not None and storefront and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            translation.activate(store.default_language)
            request.LANGUAGE_CODE = store.default_language
        return self.get_response(request)

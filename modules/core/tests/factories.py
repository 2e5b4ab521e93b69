"""factory_boy factories for the core module: API keys.

``ApiTokenFactory(store=store)`` makes a key through ``services.api_token_create``
for the store's owner (or ``user``); the key itself, shown once, is on
``token.key``.
"""

from __future__ import annotations

from typing import Any

import factory

from modules.core import services
from modules.core.models import ApiToken
from modules.tenancy.tests.factories import StoreFactory, owner_of
from orion.testing.factories import ServiceFactory


class ApiTokenFactory(ServiceFactory):
    class Meta:
        model = ApiToken

    store = factory.SubFactory(StoreFactory)
    user = factory.LazyAttribute(lambda o: owner_of(o.store))
    name = factory.Sequence(lambda n: f"Key {n}")
    expires_at = None

    @classmethod
    def _create(cls, model_class: type, **values: Any) -> ApiToken:
        token, key = services.api_token_create(**values)
        token.key = key
        return token

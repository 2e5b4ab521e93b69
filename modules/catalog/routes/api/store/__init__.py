"""Store API of the catalog module (``/api/v1/store/catalog/``): products, their images, categories, attributes.

Reads need ``catalog.view_product``; writes the permission of what they
change. Reads go through the module's selectors for the request's store
(``X-Store``), so another store's object is a 404; writes go through the
services, whose errors the API answers with ``{code, detail, errors}``.
Lists read a fixed number of queries whatever their length (prefetches,
and the stock of every variant on the page in one query).

One file per entity (``products`` with their images, ``categories``,
``attributes`` with their values), each with its ``urlpatterns``, assembled here.
"""

from __future__ import annotations

from . import attributes, categories, products

urlpatterns = [*products.urlpatterns, *categories.urlpatterns, *attributes.urlpatterns]

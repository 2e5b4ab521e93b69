"""Store dashboard pages of the catalogue: products (list, bulk actions, form), categories and attributes.

Mounted at ``/store/<store_code>/catalog/`` (namespace ``store:catalog``);
one file per entity (``products``, ``categories``, ``attributes``), each with
its ``urlpatterns``, assembled here.

Every view is a ``StoreViewMixin``: outsiders get a 404, members without the
permission a 403. The lists are readable with ``catalog.view_product``; the
forms need the permission of what they change. Objects named by a pk in the
URL are read through the selectors for the request's store, so another
store's pk is a 404. Writes go through ``services``, inside one transaction
per page: a refusal anywhere (a SKU taken, an image rejected) comes back as
field errors and nothing is saved.
"""

from __future__ import annotations

from . import attributes, categories, products

urlpatterns = [*products.urlpatterns, *categories.urlpatterns, *attributes.urlpatterns]

"""Store dashboard pages of inventory: stock levels, adjustments, transfers, movements, locations, CSV export.

Mounted at ``/store/<store_code>/inventory/`` (namespace ``store:inventory``);
one file per entity (``stock``, ``movements``, ``locations``), each with its
``urlpatterns``, assembled here.

Every view is a ``StoreViewMixin``: outsiders get a 404, members without the
permission a 403. Objects named by a pk in the URL are read through the
selectors for the request's store, so another store's pk is a 404 too.
Writes go through ``services``; their refusals come back as form errors,
and nothing is saved.

Lists cost a fixed number of queries whatever their length: levels and
related rows are prefetched or joined, never read per row.
"""

from __future__ import annotations

from . import locations, movements, stock

urlpatterns = [*stock.urlpatterns, *movements.urlpatterns, *locations.urlpatterns]

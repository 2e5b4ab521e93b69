"""The catalog module's API: the store's catalogue (``store.py``) and the shop's read-only view of it (``storefront.py``)."""

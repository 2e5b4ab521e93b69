"""The inventory module's pages: the store dashboard (``store.py``)."""

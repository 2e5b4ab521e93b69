"""The inventory module's API: the store's stock (``store.py``)."""

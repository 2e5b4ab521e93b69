"""The tenancy module's API: the store team (``store.py``) and platform administration (``admin.py``)."""

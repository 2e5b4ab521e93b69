"""Routes of the inventory module: store dashboard pages and the store API."""

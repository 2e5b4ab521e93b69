"""The audit trail of store data: who changed what, when, and the values before and after.

Services write entries through ``orion.services.audit`` inside a store write
(``@store_write``); they land in the same transaction as the change, so a
refused write leaves no entry. Read them with ``orion.audit.selectors``.
"""

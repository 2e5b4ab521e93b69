"""Tenancy models: platforms and their domains, merchants, stores and teams.

The framework reaches some of these through settings (``ORION_PLATFORM_MODEL``,
``ORION_PLATFORM_DOMAIN_MODEL``, ``ORION_STORE_MODEL``,
``ORION_STORE_DOMAIN_MODEL``) and relies on the fields named there: ``code``
and ``is_active`` on platforms and stores, ``domain`` and ``platform`` on
platform domains, ``domain`` and ``store`` on store domains.
"""

from .platforms import Platform, PlatformDomain, PlatformStaff, hostname_validator
from .stores import Merchant, Store, StoreDomain
from .teams import Invitation, StoreMembership, StoreRole

__all__ = [
    "Invitation",
    "Merchant",
    "Platform",
    "PlatformDomain",
    "PlatformStaff",
    "Store",
    "StoreDomain",
    "StoreMembership",
    "StoreRole",
    "hostname_validator",
]

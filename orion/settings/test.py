"""The test suite: fast hashing, and the test-only modules under tests/."""

import os

from .base import *  # noqa: F403
from .base import CACHES, INSTALLED_APPS

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Modules that exercise the module API; they register like any other module.
INSTALLED_APPS = [
    *INSTALLED_APPS[:-1],
    "tests.testmodules.dummy",
    "tests.testmodules.dummy_addon",
    INSTALLED_APPS[-1],
]

# pytest-xdist runs the suite in several processes, each with its own test
# database (pytest-django adds _gw0, _gw1, ...). A shared cache server (Redis
# in CI's second run) needs a key prefix per process too, or one process
# would read the tenants and pages another cached from its own database.
if os.environ.get("PYTEST_XDIST_WORKER"):
    for _cache in CACHES.values():
        _cache["KEY_PREFIX"] = os.environ["PYTEST_XDIST_WORKER"]

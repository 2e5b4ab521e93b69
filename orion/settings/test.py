"""The test suite: fast hashing, and the test-only modules under tests/."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Modules that exercise the module API; they register like any other module.
INSTALLED_APPS = [
    *INSTALLED_APPS[:-1],
    "tests.testmodules.dummy",
    "tests.testmodules.dummy_addon",
    INSTALLED_APPS[-1],
]

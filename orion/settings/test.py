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
# database (pytest-django adds _gw0, _gw1, ...). Shared servers (Redis and the
# broker in CI's second run) need a key prefix and a task queue per process
# too, or one process would read the tenants and pages another cached, and the
# Celery worker a test starts would take another process's tasks to its own
# database.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WORKER:
    for _cache in CACHES.values():
        _cache["KEY_PREFIX"] = _XDIST_WORKER
    CELERY_TASK_DEFAULT_QUEUE = f"celery-{_XDIST_WORKER}"

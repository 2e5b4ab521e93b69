"""Development: the embedded default with debug pages."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ORION_PUBLIC_SCHEME = env("ORION_PUBLIC_SCHEME", default="http")
ORION_PUBLIC_PORT = env("ORION_PUBLIC_PORT", default=":8000")  # runserver's port, for links in emails
ORION_CONTACT_EMAIL = env("ORION_CONTACT_EMAIL", default="hello@orion.test")

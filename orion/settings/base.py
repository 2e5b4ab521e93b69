"""Settings shared by every environment. Environment variables switch behaviour.

With no variables set this runs on the embedded default: SQLite, the
local-memory cache and eager Celery, so ``make run`` and ``make test`` need
no server. ``DATABASE_URL``, ``REDIS_URL`` and ``CELERY_BROKER_URL`` switch
to PostgreSQL, Redis and a real Celery worker.
"""

from pathlib import Path

import django_stubs_ext
import environ
from django.utils.translation import gettext_lazy as _

from orion.modules.discovery import discover_module_apps

# Django's generic classes (ModelForm[Product], ModelAdmin[Product]) subscriptable at run time,
# as django-stubs annotates them; DRF's and factory_boy's already are.
django_stubs_ext.monkeypatch()

# absolute() rather than resolve(): a checkout reached through symlinks keeps
# its own modules/ folder (the startmodule test relies on it).
BASE_DIR = Path(__file__).absolute().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-dev-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["*"])

# --- Modules ---------------------------------------------------------------
# Optional modules this deployment leaves out entirely (comma-separated codes).
ORION_EXCLUDED_MODULES = tuple(env.list("ORION_EXCLUDED_MODULES", default=[]))
ORION_MODULE_APPS = discover_module_apps(BASE_DIR / "modules", exclude=ORION_EXCLUDED_MODULES)

# How the framework reaches tenant models without naming a module.
ORION_PLATFORM_MODEL = "tenancy.Platform"
ORION_PLATFORM_DOMAIN_MODEL = "tenancy.PlatformDomain"
ORION_STORE_MODEL = "tenancy.Store"
ORION_STORE_DOMAIN_MODEL = "tenancy.StoreDomain"
# Users a platform admin may pick in Django admin forms: a function(platform_ids) -> users
# (orion/admin_scope.py; the framework has no idea who belongs to a platform).
ORION_ADMIN_USER_CHOICES = "modules.tenancy.admin_scope.confined_users"
# How links in emails reach the platform: scheme and ":port" (empty for 80/443).
ORION_PUBLIC_SCHEME = env("ORION_PUBLIC_SCHEME", default="https")
ORION_PUBLIC_PORT = env("ORION_PUBLIC_PORT", default="")
# Where the platform site sends people with questions (pricing page, footer).
ORION_CONTACT_EMAIL = env("ORION_CONTACT_EMAIL", default="")
# Seconds a thread may go without re-reading the shared tenant version (0: every
# request, so changes apply at once in every process; see orion/modules/state.py).
ORION_TENANT_VERSION_TTL = env.float("ORION_TENANT_VERSION_TTL", default=0)
# Longest a cached anonymous storefront page lives (writes empty it sooner; 0: no page cache; orion/page_cache.py).
ORION_STOREFRONT_CACHE_SECONDS = env.int("ORION_STOREFRONT_CACHE_SECONDS", default=60)
# Paths served whatever the host (no platform needed): admin, health, assets.
ORION_HOSTLESS_PATHS = ("/admin/", "/health", "/metrics", "/static/", "/media/", "/i18n/")
# Paths that run with the tenant scope off: Django admin filters by platform itself.
ORION_UNSCOPED_PATHS = ("/admin/",)

INSTALLED_APPS = [
    "modeltranslation",  # before admin, as it asks
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "django_htmx",
    "django_filters",
    "axes",
    "orion.accounts",
    "orion.audit",
    *ORION_MODULE_APPS,
    "orion.modules",  # last: its ready() sees the whole registry
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "orion.modules.middleware.TenantModuleMiddleware",
    "orion.i18n.StoreLanguageMiddleware",
    # Last: it turns a locked-out login (django-axes) into a clear page or a 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "orion.urls"
# A store's own domain: its storefront at the root (orion/urls_store_host.py).
ORION_STORE_HOST_URLCONF = "orion.urls_store_host"
WSGI_APPLICATION = "orion.wsgi.application"
ASGI_APPLICATION = "orion.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "orion.modules.context.module_context",
            ],
        },
    },
]

# --- Data ------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or address before anything else runs.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Store roles and platform admins: answers user.has_perm(permission, store).
    "modules.tenancy.auth.StoreRoleBackend",
]
LOGIN_URL = "public:core:login"
LOGIN_REDIRECT_URL = "public:tenancy:store_chooser"
LOGOUT_REDIRECT_URL = "public:core:login"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Failed logins (forms and API alike), per account and per address, via django-axes.
AXES_FAILURE_LIMIT = env.int("ORION_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("ORION_LOGIN_COOLOFF_HOURS", default=0.25)  # hours
AXES_LOCKOUT_PARAMETERS = "orion.accounts.lockout.lockout_parameters"
AXES_RESET_ON_SUCCESS = True
# A successful login forgets that account's failures only, not the address's.
AXES_HANDLER = "orion.accounts.lockout.AccountResetHandler"
AXES_CLIENT_IP_CALLABLE = "orion.accounts.lockout.client_ip"
# Proxies (load balancers) in front of the app that append to X-Forwarded-For.
ORION_TRUSTED_PROXY_COUNT = env.int("ORION_TRUSTED_PROXY_COUNT", default=0)
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_CALLABLE = "orion.accounts.lockout.lockout_response"
AXES_VERBOSE = False

# --- Celery ----------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
# Without a broker, tasks run inline: the embedded default needs no worker.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"

# --- i18n ------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German")), ("fr", _("French")), ("lb", _("Luxembourgish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "var" / "media"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Per-user keys scoped to one store (core module: API keys). First, so a
        # bad key is a 401 with WWW-Authenticate: Bearer rather than a 403.
        "modules.core.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "orion.api.OrionAutoSchema",  # adds the X-Store header
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "orion.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Orion API",
    "DESCRIPTION": "Store, storefront and platform administration API. Send the store's code in the X-Store header.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Tag each operation with its frontend: store, storefront or admin.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Several modules have a "status"; name the core one (optional modules name theirs in their serializers).
    "ENUM_NAME_OVERRIDES": {"StoreStatusEnum": "modules.tenancy.models.Store.Status"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # django-axes logs every login at INFO; lockouts come out as warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}

SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False, traces_sample_rate=env.float("SENTRY_TRACES", 0.0))

"""Settings for the foreign-affairs tracker, read from the environment.

Everything a deployment changes is an environment variable (see README, "Configuration").
Without any, the app runs on a local SQLite file; `DJANGO_DEBUG=1` is only for local work.
"""

import os
import urllib.parse
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from foreignaffairs.core import countries

BASE_DIR = Path(__file__).resolve().parent.parent


def load_local_env(path: Path) -> None:
    """A developer's checkout has a git-ignored `.env` (written by `make`, DJANGO_DEBUG=1) so
    that `python manage.py ...` works there without exporting anything. Real environment
    variables always win; deployments set them and have no such file."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        name, separator, value = line.partition("=")
        if separator and not line.lstrip().startswith("#"):
            os.environ.setdefault(name.strip(), value.strip())


load_local_env(BASE_DIR / ".env")


def env_bool(name: str, default: bool = False) -> bool:
    value = os.getenv(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.getenv(name)
    return int(value) if value else default


DEBUG = env_bool("DJANGO_DEBUG", False)
TESTING = env_bool("DJANGO_TESTING", False)

SECRET_KEY = os.getenv("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production (DJANGO_DEBUG off) refuses to start "
            "without a secret key; generate one with: python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "foreignaffairs.core.admin_site.SiteConfig",  # django.contrib.admin, our Site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Registers the `unaccent` lookup; on SQLite the function comes from foreignaffairs.core.db.
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "simple_history",
    "import_export",
    "axes",
    "csp",
    "foreignaffairs",
    "partners",
    "delegations",
    "agreements",
    "foreignaffairs.deadlines",
    "plans",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Inside the session's middleware, which saves what it notes there.
    "foreignaffairs.core.stats_cache.OwnWritesMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "foreignaffairs.urls"
WSGI_APPLICATION = "foreignaffairs.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# PostgreSQL cancels a statement running longer than this (0: never), so that a runaway query
# ends in an error the logs show rather than in gunicorn killing the worker (its timeout,
# gunicorn.conf.py, is longer). Long maintenance commands may set it to 0 for their run.
DB_STATEMENT_TIMEOUT_SECONDS = env_int("DJANGO_DB_STATEMENT_TIMEOUT", 30)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the dashboard's queries with correlated subqueries (last activity,
    # dormant) have high estimated costs, and PostgreSQL would spend far longer compiling
    # them than running them (about 1 s of 2.7 s at a million delegations).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c jit=off -c statement_timeout={DB_STATEMENT_TIMEOUT_SECONDS * 1000}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (Redis) keeps API throttling and the cached statistics consistent across
# gunicorn workers; without REDIS_URL each process has its own memory cache. The cache is not
# a hard dependency: when Redis does not answer (within half a second), figures are computed
# uncached and department keys are throttled in the "local" cache of each process
# (foreignaffairs.core.stats_cache, foreignaffairs.api.access); /healthz then answers 503.
REDIS_URL = os.getenv("REDIS_URL", "")
# Every key starts with this prefix, so that two deployments sharing one Redis never share
# counts, figures or throttle buckets. Default: the database's name.
CACHE_KEY_PREFIX = (
    os.getenv("DJANGO_CACHE_KEY_PREFIX") or Path(str(DATABASES["default"]["NAME"])).stem
)
CACHES = {
    "default": (
        {
            # Django's RedisCache, reusing its redis-py client (foreignaffairs/core/redis_cache.py).
            "BACKEND": "foreignaffairs.core.redis_cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    ),
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "local"},
}

# How long the dashboard's and the statistics endpoints' figures and the API lists' counts stay
# cached (foreignaffairs/stats_cache.py). Every write invalidates them at once within a shared
# cache; a per-process memory cache only learns of another process's writes when they expire,
# hence the short default without Redis. 0 turns the cache off (the tests' default).
STATS_CACHE_SECONDS = env_int(
    "DJANGO_STATS_CACHE_SECONDS", 0 if TESTING else (86400 if REDIS_URL else 60)
)

# The annual foreign-affairs programme of a year should be approved by this day ("MM-DD") of
# the year before; a later approval, or none past it, is flagged on the dashboard.
PLAN_APPROVAL_DEADLINE = os.environ.get("DJANGO_PLAN_APPROVAL_DEADLINE", "12-31")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Leaders log in on the site's own page (they need not be admin staff) and land on the
# dashboard; staff who open the admin first get the admin's login page.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Language, time and formats -------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Django's own `vi` locale has no input formats and would read 03/04/2026 as 4 March.
FORMAT_MODULE_PATH = ["foreignaffairs.formats"]

# The official Vietnamese names where django-countries' are wrong (one table, see the module).
COUNTRIES_OVERRIDE = countries.OVERRIDE
COUNTRIES_FIRST = ["VN"]

# Static and uploaded files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.getenv("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Hashed static names need `collectstatic` first (make serve and deployments run it);
# the demo and the tests serve files straight from the app folders.
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Security ----------------------------------------------------------------------------------
# Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Monitors probe the health check directly over HTTP, without the proxy's TLS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: scripts, styles, fonts and images only from the app's own static
# files. Styles also allow inline `style` attributes, which Django's admin widgets set.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Password guessing: after 5 failed logins for one user name, or from one address, that user
# name or address is locked out for an hour (django-axes, records in the database).
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("DJANGO_LOGIN_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The page a locked-out login gets: the app's own, saying when to try again (core.lockout).
AXES_LOCKOUT_CALLABLE = "foreignaffairs.core.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# The client's address, through django-ipware. DJANGO_PROXY_COUNT trusted reverse proxies
# stand in front of the app (the README's nginx: 1); each appends the address it received
# from to X-Forwarded-For, so the client is the entry the first proxy appended. With 0,
# X-Forwarded-For is ignored (anyone could write it) and the address is REMOTE_ADDR.
# ipware counts the proxies listed in the header after the client, one fewer than those in
# front: the last proxy's own address is REMOTE_ADDR. A header longer than the proxies
# could write (a forged entry) is not believed: the address is then REMOTE_ADDR.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
AXES_IPWARE_PROXY_ORDER = "right-most"
AXES_IPWARE_PROXY_COUNT = max(PROXY_COUNT - 1, 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if PROXY_COUNT else ["REMOTE_ADDR"]
)

# Uploaded agreement documents are private: served by `foreignaffairs.core.views.private_media`
# to logged-in users with the right permission, never by the web server directly.
PRIVATE_MEDIA_PERMISSIONS = {
    "agreements/": "agreements.view_agreement",
    "activities/": "agreements.view_implementationactivity",
}

# Logging: everything to stderr, where gunicorn and systemd collect it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("DJANGO_LOG_LEVEL", "INFO")},
}

# REST API for other departments (/api/v1/, see README "API for departments") ---------------
REST_FRAMEWORK = {
    # Token first: an anonymous request gets 401 with `WWW-Authenticate: Token`.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "foreignaffairs.api.access.ApiClientTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["foreignaffairs.core.rest.permissions.DepartmentReadStaffWrite"],
    "DEFAULT_THROTTLE_CLASSES": ["foreignaffairs.api.access.ApiClientRateThrottle"],
    # Requests per department key. The counts live in the default cache (per process unless
    # a shared cache is configured).
    "DEFAULT_THROTTLE_RATES": {"api_client": os.getenv("API_THROTTLE_RATE", "1000/hour")},
    "DEFAULT_FILTER_BACKENDS": [
        "foreignaffairs.core.rest.filters.FilterBackend",
        "foreignaffairs.core.rest.filters.UnaccentSearchFilter",
        "foreignaffairs.core.rest.filters.SortFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "foreignaffairs.core.rest.pagination.Pagination",
    # The record endpoints add the CSV and Excel renderers (foreignaffairs.core.rest.views).
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # JSON only: the browsable API then shows a raw JSON form, never HTML forms that would
    # list every partner locality in a <select>.
    "DEFAULT_PARSER_CLASSES": ["foreignaffairs.core.rest.parsers.JSONParser"],
    # Every error in the documented shapes: {"detail": …}, or {field: [messages]} for a 400.
    "EXCEPTION_HANDLER": "foreignaffairs.core.rest.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "API dữ liệu đối ngoại — Sở Ngoại vụ TP. Hồ Chí Minh",
    "DESCRIPTION": (
        "Đoàn vào, đoàn ra, sự kiện đối ngoại, văn bản hợp tác, địa phương đối tác và số liệu "
        "theo năm, cho các sở, ngành. Xác thực bằng header `Authorization: Token <khóa>` "
        "(khóa do Sở Ngoại vụ cấp, chỉ đọc). Ngày dạng YYYY-MM-DD; quốc gia theo mã ISO "
        "alpha-2; các lựa chọn theo mã chữ thường cố định."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and ReDoc served from this server (drf-spectacular-sidecar), no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",  # tags and operation ids by resource: partners_list
    # Exports are documented on the `format` parameter (foreignaffairs.api.schema).
    "RENDERER_WHITELIST": ["rest_framework.renderers.JSONRenderer"],
    "ENUM_NAME_OVERRIDES": {"CountryEnum": "foreignaffairs.core.rest.filters.country_choices"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "foreignaffairs.api.schema.add_error_responses",
    ],
}

# Excel and CSV import/export (django-import-export; see foreignaffairs/core/spreadsheets/) ---
# An import is one transaction (a file with any bad row writes nothing); blank spreadsheet rows
# are skipped by the resource, which keeps the file's row numbers for its messages; exports
# read the database in chunks of 500 rows.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_IGNORE_BLANK_LINES = False
IMPORT_EXPORT_CHUNK_SIZE = 500
# The largest file the admin's import page takes; the most rows it previews before writing;
# the most rows it imports as a background job, without preview (checked before reading;
# larger files: `manage.py import_excel`, streamed in chunks). See README "Excel".
IMPORT_MAX_FILE_MB = int(os.getenv("DJANGO_IMPORT_MAX_FILE_MB", "10"))
IMPORT_ADMIN_MAX_ROWS = int(os.getenv("DJANGO_IMPORT_MAX_ROWS", "5000"))
IMPORT_BACKGROUND_MAX_ROWS = int(os.getenv("DJANGO_IMPORT_BACKGROUND_MAX_ROWS", "200000"))

# E-mail (the deadline digests, `send_reminders`) ---------------------------------------------
# DJANGO_EMAIL_URL: smtp://user:password@host:25, smtp+tls://…:587 (STARTTLS), smtps://…:465
# (SSL) or console: (print to stderr, the default in DEBUG); else the usual EMAIL_* variables.
EMAIL_URL = os.getenv("DJANGO_EMAIL_URL", "console:" if DEBUG else "")
if EMAIL_URL:
    _email = urllib.parse.urlsplit(EMAIL_URL)
    if _email.scheme == "console":
        EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    elif _email.scheme in ("smtp", "smtp+tls", "smtps"):
        EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        EMAIL_HOST = _email.hostname or "localhost"
        EMAIL_PORT = _email.port or {"smtp": 25, "smtp+tls": 587, "smtps": 465}[_email.scheme]
        EMAIL_HOST_USER = urllib.parse.unquote(_email.username or "")
        EMAIL_HOST_PASSWORD = urllib.parse.unquote(_email.password or "")
        EMAIL_USE_TLS = _email.scheme == "smtp+tls"
        EMAIL_USE_SSL = _email.scheme == "smtps"
    else:
        raise ImproperlyConfigured(f"DJANGO_EMAIL_URL: unknown scheme {_email.scheme!r}")
else:
    EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.getenv("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.getenv("EMAIL_USE_TLS", "0") == "1"
    EMAIL_USE_SSL = os.getenv("EMAIL_USE_SSL", "0") == "1"
EMAIL_TIMEOUT = int(os.getenv("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.getenv("DJANGO_DEFAULT_FROM_EMAIL", "Sở Ngoại vụ <noreply@localhost>")
# Links in e-mails and calendar feeds: the address staff open the app at.
SITE_URL = os.getenv("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background jobs (Celery, foreignaffairs/celery.py) ------------------------------------------
# Redis as the broker; with none configured every job runs in-process when queued.
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", REDIS_URL)
# Tests run jobs in-process too, except the one that starts a real worker.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL or TESTING
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.getenv("CELERY_RESULT_BACKEND") or None
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True  # a job killed mid-way is run again (they are idempotent)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE = {
    # The daily digest (send_reminders), early in the working day; the deadlines are
    # reconciled with the rules just before.
    "daily-reminders": {
        "task": "foreignaffairs.deadlines.tasks.daily_reminders",
        "schedule": crontab(hour=int(os.getenv("DJANGO_REMINDER_HOUR", "7")), minute=0),
    },
}

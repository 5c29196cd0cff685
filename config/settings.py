"""One settings module for every environment, driven by environment variables.

With nothing set, everything runs on one machine without any server: SQLite and the Celery
broker live in files under ``var/``. Production sets DATABASE_URL, REDIS_URL, SECRET_KEY,
DEBUG=0 and ALLOWED_HOSTS (see ``.env.example``).
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-change-me-in-production-0123456789")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "config",
    "beneficiaries",
    "meals",
    "workshops",
    "tasks",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the Host header: health checks probe by address (config/middleware.py).
    "config.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After the language is chosen (its 400 is translated), before any view reads a parameter or form.
    "config.middleware.RefuseUnprintableInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.PrivateByDefaultMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "config.context_processors.meal_point",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'cps.sqlite3'}")}
# Persistent connections that are health-checked, so a restarted PostgreSQL is survived.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: broker, results and cache (optional) -------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A dead Redis must fail fast: the counter never waits for it.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# --- Celery (the app lives in tasks/) ------------------------------------------------------
# How long a document may be pending, or worked on, before it counts as abandoned: the sweeper
# (tasks.services.documents_sweep) queues it again after this, and the Redis broker delivers a
# message whose worker died again after this (its visibility timeout). One setting for both, so a
# document whose whole worker was killed is produced again within minutes, not after an hour.
DOCUMENTS_STALE_AFTER_SECONDS = env.int("DOCUMENTS_STALE_AFTER_SECONDS", default=300)
CELERY_FS_DIR = VAR_DIR / "celery"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 1,
        "socket_timeout": 5,
        "visibility_timeout": DOCUMENTS_STALE_AFTER_SECONDS,
        # Every worker looks for abandoned messages every few seconds (kombu's default: 100 s).
        "unacked_restore_interval": 5,
        "unacked_restore_throttle": 1,
    }
else:
    # Embedded default: kombu's filesystem transport, a real broker in a folder.
    for sub in ("in", "processed", "results", "control"):
        (CELERY_FS_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FS_DIR / "in"),
        "data_folder_out": str(CELERY_FS_DIR / "in"),
        "processed_folder": str(CELERY_FS_DIR / "processed"),
        "control_folder": str(CELERY_FS_DIR / "control"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{CELERY_FS_DIR / 'results'}"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Auth ----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Every login surface (token, /login/, /admin/login/) goes through the throttled backend (config/login.py).
AUTHENTICATION_BACKENDS = ["config.login.ThrottledModelBackend"]
# Failed logins allowed per user name and per client address within the window (config/throttling.py).
LOGIN_FAILURES_PER_USERNAME = env.int("LOGIN_FAILURES_PER_USERNAME", default=10)
LOGIN_FAILURES_PER_ADDRESS = env.int("LOGIN_FAILURES_PER_ADDRESS", default=50)
LOGIN_FAILURE_WINDOW_SECONDS = env.int("LOGIN_FAILURE_WINDOW_SECONDS", default=15 * 60)
# Addresses or networks of reverse proxies whose X-Forwarded-For names the client; none by default,
# so the client address is the connection's and a header sent by a client is never believed.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
# API tokens (django-rest-knox, config/tokens.py): a new one per login, stored hashed, with a lifetime.
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env.float("API_TOKEN_HOURS", default=10)),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
}
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------
STATIC_URL = "static/"
# Collected into the image at build time (Dockerfile), beside the code it belongs to: never into
# VAR_DIR, whose volume outlives upgrades and would keep serving the first release's files.
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Documents hold personal data: they are served only through authenticated views, never MEDIA_URL.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # No manifest: pages work before or without collectstatic (tests, a laptop).
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise without a URL.
WHITENOISE_ROOT = BASE_DIR / "config" / "root"

# --- Backups (tasks/backup.py) ------------------------------------------------------------
# Archives hold personal data: keep BACKUP_DIR off the web root and copy it off the machine.
BACKUP_DIR = Path(env.str("BACKUP_DIR", default=str(VAR_DIR / "backups")))
BACKUP_KEEP = env.int("BACKUP_KEEP", default=14)  # the newest N archives stay, older ones go

# --- Security (production values unless DEBUG) ---------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts only from our own static files, never inline, so
# text a user typed can never run as script. Inline style attributes stay allowed (layout only).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers and container health checks probe over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- REST framework -----------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "config.tokens.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Each view declares the capabilities it needs (config.roles); one that declares none refuses.
    "DEFAULT_PERMISSION_CLASSES": ["config.permissions.HasCapability"],
    "DEFAULT_PAGINATION_CLASS": "config.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "config.exceptions.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "config.schema.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["config.parsers.JSONParser"],
    "DEFAULT_METADATA_CLASS": "config.metadata.Metadata",
}
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append("rest_framework.renderers.BrowsableAPIRenderer")

SPECTACULAR_SETTINGS = {
    "TITLE": "CPS Chorzów – posiłki i warsztaty FEAD",
    "DESCRIPTION": "HTTP API v1 of the meal and workshop service of Centrum Pracy Socjalnej, OPS Chorzów.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from our own static files: no CDN sees who reads the docs.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "status" field; name their enums instead of hashing the clash.
    "ENUM_NAME_OVERRIDES": {
        "WorkshopSessionStatusEnum": "workshops.models.SessionStatus",
        "SignupStatusEnum": "workshops.models.SignupStatus",
        "DocumentStatusEnum": "tasks.models.DocumentStatus",
    },
}

# --- Domain settings ----------------------------------------------------------------------
# How long personal data is kept after a resident's last entitlement ends: full calendar years
# counted, as archives count them, from 1 January of the year after (docs/retention.md).
RETENTION_YEARS = env.int("RETENTION_YEARS", default=5)
# A stale document (DOCUMENTS_STALE_AFTER_SECONDS) is queued again at most this many times.
DOCUMENTS_MAX_ATTEMPTS = env.int("DOCUMENTS_MAX_ATTEMPTS", default=3)
# Imports of decisions (docs/imports.md): the largest file and the most rows accepted; a file of
# more than IMPORT_INLINE_ROWS rows is checked and applied by the worker instead of the request.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=20_000)
IMPORT_INLINE_ROWS = env.int("IMPORT_INLINE_ROWS", default=300)
# An uploaded file holds every row's personal data: a check never applied (or a failed run) loses
# its file this long after it finished (tasks.imports.imports_sweep, every 5 minutes).
IMPORT_FILE_KEEP_HOURS = env.int("IMPORT_FILE_KEEP_HOURS", default=24)
# A run pending or running longer than this was interrupted (a killed worker rolled it back).
IMPORT_RUN_LIMIT_MINUTES = env.int("IMPORT_RUN_LIMIT_MINUTES", default=60)
MEAL_POINT_NAME = env.str("MEAL_POINT_NAME", default="CPS Chorzów, ul. Kasprowicza 2")
MEAL_POINT_HOURS = env.str("MEAL_POINT_HOURS", default="12:00–13:00")
# Minutes after a workshop's start during which its leader may give absentees' places to those
# waiting at the door (docs/domain.md#workshops).
WORKSHOP_DOOR_MINUTES = env.int("WORKSHOP_DOOR_MINUTES", default=15)
# The FEPŻ attendance list's programme lines (docs/printing.md): the subprogramme ("Podprogram
# 2026"; empty: the session's year), the partner organisation (empty: a line to fill in by hand),
# and optionally the office's own logo strip image (empty: an empty framed place).
FEPZ_SUBPROGRAMME = env.str("FEPZ_SUBPROGRAMME", default="")
FEPZ_PARTNER = env.str("FEPZ_PARTNER", default="")
FEPZ_LOGO_FILE = env.str("FEPZ_LOGO_FILE", default="")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

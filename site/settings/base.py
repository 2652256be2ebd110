"""Settings shared by every environment. Machine-specific values come from the
environment (see the README for the full list); integrations have their own
small modules, imported at the end."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str
from .storage import STORAGE_SETTINGS

BASE_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BASE_DIR / "site"
# Everything the running site writes (SQLite database, uploads, private files).
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SITE_NAME = "Fair Chance Jobs"
# The public address of the site, used in emails and absolute links.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "fairsite",
    "fairsite.accounts",
    "fairsite.mail",
    "fairsite.outbox",
    "fairsite.scheduler",
    "fairsite.api",
    "cms",
    "jobs",
    "employers",
    "employers.billing",
    "candidates",
    "candidates.alerts",
    "partners",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Only so the API docs serve their own Swagger UI files rather than a CDN's.
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Its one record holds the site's name and domain (from SITE_URL; see
    # fairsite.site_address), which allauth's emails and the sitemap read.
    "django.contrib.sites",
    "django.forms",
    # Content-Security-Policy (settings/csp.py) and its nonce in templates.
    "csp",
]
SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "fairsite.admin_scripts.AdminInitialiserScriptsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "fairsite.urls"
WSGI_APPLICATION = "fairsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The site's own templates come first, so they override the ones that
        # allauth and Django ship (allauth's layouts and elements, form fields).
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fairsite.context_processors.site",
                "csp.context_processors.nonce",
            ],
        },
    },
    {
        # Plain-text email bodies and subjects: nothing is HTML, so nothing is
        # escaped ("Parcel & Pallet", not "Parcel &amp; Pallet").
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]
FORM_RENDERER = "fairsite.forms.SiteFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The site, the worker and the tests write to SQLite from several threads
    # and processes: WAL lets readers go on during a write, and the timeout
    # waits for a lock instead of failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache: allauth's rate limits must count across every web process.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "site_cache",
        # Django's default (300 entries, then a third are deleted, oldest key
        # names first) would throw away live rate-limit counters as soon as a few
        # hundred visitors came in the same minutes, resetting their limits.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    # Rendered page parts that every visitor who is not signed in sees alike
    # (fairsite.templatetags.public_cache): posting pages, the home page's
    # blocks, search hits' cards (under 1 kB each). Each web process keeps its
    # own: the key that makes them out of date is read from the database.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "public-fragments",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
}

# Posting page views are added up in each web process and written at most this
# often, and when the process stops (jobs.view_counts).
VIEW_COUNT_FLUSH_SECONDS = env_int("VIEW_COUNT_FLUSH_SECONDS", 10)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Files only their owner (and people they choose) may see, such as CVs. Never
# under MEDIA_ROOT, so no web server can hand them out by path.
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
# "default" holds public uploads, "private" the private files: on this disk, or
# on an S3-compatible store when the S3_* variables are set (settings/storage.py).
STORAGES = {
    **STORAGE_SETTINGS,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL
# Everyone signs in through allauth, so its rate limits and MFA cover the admin.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No Gravatar: the admin would send a hash of each editor's email address to a
# third party on every page (and the Content-Security-Policy allows no such image).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
# Documents always go through Wagtail's view (its privacy rules, nosniff, a CSP
# that blocks embedded content), also when the files are on S3, where Wagtail
# would otherwise redirect to the store.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Background work runs from the database queue (`manage.py worker`, which also
# runs the scheduled jobs).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # The client logs every request line at INFO; failures still come through.
        # Never lower it to DEBUG: that logs request bodies, and a person's own
        # "Jobs for you" query carries their fair-chance preferences as filters.
        "elastic_transport": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},
        # One line per background task drowns out what matters (emails, errors).
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},
    },
}

from .accounts import *  # noqa: E402, F403
from .api import *  # noqa: E402, F403
from .csp import *  # noqa: E402, F403
from .encryption import *  # noqa: E402, F403
from .mail import *  # noqa: E402, F403
from .payments import *  # noqa: E402, F403
from .places import *  # noqa: E402, F403
from .proxy import *  # noqa: E402, F403
from .search import *  # noqa: E402, F403

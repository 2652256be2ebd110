"""Settings for a real deployment. Values with no safe default must be set: a
missing one stops start-up with one line naming it."""

import sys

from fairsite.site_address import parse_site_url

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, SITE_URL, STORAGES
from .encryption import fernet_keys
from .env import env_bool, env_int, env_list, env_required
from .proxy import trusted_proxy_count

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY", "a long random string that signs sessions and links")
env_required("ALLOWED_HOSTS", "the host names the site answers to, comma-separated")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
env_required("SITE_URL", "the public https address of the site, used in emails")
try:
    _site_address = parse_site_url(SITE_URL)
except ValueError as error:
    sys.exit(f"Settings error: {error}.")
# Sessions, CSRF cookies and HSTS only protect anyone over https. A private test
# without TLS may say so explicitly; no public site should.
if _site_address.scheme != "https" and not env_bool("SITE_URL_ALLOW_HTTP", False):
    sys.exit(
        "Settings error: SITE_URL must start with https:// in production "
        "(set SITE_URL_ALLOW_HTTP=true only for a private test without TLS)."
    )
env_required(
    "PREFERENCES_ENCRYPTION_KEY",
    "the Fernet key(s) that encrypt people's fair-chance preferences, newest first",
)
PREFERENCES_ENCRYPTION_KEYS = fernet_keys(env_list("PREFERENCES_ENCRYPTION_KEY"))

# The site runs behind one proxy or load balancer unless TRUSTED_PROXY_COUNT says
# otherwise: the client's address is the last X-Forwarded-For entry it added.
TRUSTED_PROXY_COUNT = ALLAUTH_TRUSTED_PROXY_COUNT = trusted_proxy_count(1)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers often ask /healthz over plain HTTP, straight from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# The site runs behind a proxy or load balancer that terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [SITE_URL]

# Static files are served by the site itself, compressed and with far-future
# cache headers (the dev server serves them in development).
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The web processes (gunicorn's sync workers) serve one request at a time from
# one thread, so each keeps its database connection between requests, on SQLite
# too (base.py closes SQLite's after each request for the threaded dev server):
# opening one and setting it up cost about 5 % of a search page's CPU.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)

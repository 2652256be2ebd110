"""Settings for a real deployment. Values with no safe default must be set: a
missing one stops start-up with one line naming it."""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, SITE_URL, STORAGES
from .encryption import fernet_keys
from .env import env_bool, env_int, env_list, env_required

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY", "a long random string that signs sessions and links")
env_required("ALLOWED_HOSTS", "the host names the site answers to, comma-separated")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
env_required("SITE_URL", "the public https address of the site, used in emails")
env_required(
    "PREFERENCES_ENCRYPTION_KEY",
    "the Fernet key(s) that encrypt people's fair-chance preferences, newest first",
)
PREFERENCES_ENCRYPTION_KEYS = fernet_keys(env_list("PREFERENCES_ENCRYPTION_KEY"))

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
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

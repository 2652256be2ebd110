"""Email: one EMAIL_URL chooses how mail leaves the site.

smtp://user:password@host:587?tls=1   SMTP (ssl=1 for implicit TLS)
console://                            printed by the process (the default)
file:///path/to/folder                one file per message
locmem://                             kept in memory (tests)
"""

from urllib.parse import parse_qs, unquote, urlsplit

from .env import env_int, env_str

_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}


def email_settings(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme not in _BACKENDS:
        raise SystemExit(
            f"Settings error: EMAIL_URL must start with one of {', '.join(_BACKENDS)}: "
            f"got {parts.scheme!r}."
        )
    found: dict = {"EMAIL_BACKEND": _BACKENDS[parts.scheme]}
    if parts.scheme == "file":
        found["EMAIL_FILE_PATH"] = unquote(parts.path)
    if parts.scheme == "smtp":
        query = parse_qs(parts.query)
        found.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or 25,
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=query.get("tls", ["0"])[0] == "1",
            EMAIL_USE_SSL=query.get("ssl", ["0"])[0] == "1",
            EMAIL_TIMEOUT=10,
        )
    return found


globals().update(email_settings(env_str("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Fair Chance Jobs <hello@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Days the text of a sent email is kept before only who, when and what kind remain.
SENT_EMAIL_BODY_DAYS = env_int("SENT_EMAIL_BODY_DAYS", 30)
if SENT_EMAIL_BODY_DAYS < 0:
    raise SystemExit(
        f"Settings error: SENT_EMAIL_BODY_DAYS must be 0 or more, not {SENT_EMAIL_BODY_DAYS}."
    )

"""Encrypting fair-chance preferences at rest, with keys that can be rotated.

Fernet (AES-128-CBC with an HMAC-SHA256, from `cryptography`) under a
MultiFernet: settings.PREFERENCES_ENCRYPTION_KEYS lists the keys newest first;
the first encrypts, any of them decrypts, and `rotate_token` re-encrypts an old
token with the newest key.

Inside each token: the owner's user id (a token copied onto someone else's row
does not decrypt for them) and the preferences as JSON, padded to a fixed size
so the token's length doesn't tell how many options were chosen.
"""

from __future__ import annotations

import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .preferences import FairChancePreferences

FORMAT_VERSION = 1
PADDED_SIZE = 512


class PreferencesUnreadable(Exception):
    """Saved preferences can't be decrypted with the keys configured now."""

    def __init__(self) -> None:
        super().__init__(
            "Saved fair-chance preferences can't be decrypted with the configured keys "
            "(PREFERENCES_ENCRYPTION_KEY)."
        )


def _fernet() -> MultiFernet:
    keys = tuple(settings.PREFERENCES_ENCRYPTION_KEYS)
    if not keys:
        raise ImproperlyConfigured("PREFERENCES_ENCRYPTION_KEY is not set.")
    return _fernet_for(keys)


@lru_cache(maxsize=4)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def encrypt_preferences(preferences: FairChancePreferences, *, user_id: int) -> str:
    """A Fernet token (ASCII) holding the preferences for this user only."""
    payload = json.dumps(
        {"v": FORMAT_VERSION, "user": user_id, "preferences": preferences.to_dict()},
        separators=(",", ":"),
        sort_keys=True,
    )
    padded = payload.ljust(max(PADDED_SIZE, len(payload)))
    return _fernet().encrypt(padded.encode("utf-8")).decode("ascii")


def decrypt_preferences(token: str, *, user_id: int) -> FairChancePreferences:
    """The preferences in `token`, or PreferencesUnreadable (which carries no data)."""
    try:
        data = json.loads(_fernet().decrypt(token.encode("ascii")))
        if data.get("user") != user_id or data.get("v") != FORMAT_VERSION:
            raise PreferencesUnreadable
        return FairChancePreferences.from_dict(data["preferences"])
    except (InvalidToken, ValueError, KeyError, TypeError, AttributeError):
        # `from None`: the original exception could quote the decrypted text.
        raise PreferencesUnreadable from None


def rotate_token(token: str) -> str:
    """The same token re-encrypted with the newest key."""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken:
        raise PreferencesUnreadable from None

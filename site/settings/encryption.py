"""Encryption at rest: the keys for people's fair-chance preferences (Fernet).

PREFERENCES_ENCRYPTION_KEY holds one Fernet key, or several separated by commas,
newest first. The first key encrypts; every key decrypts. To rotate: put a new
key in front, restart, run `manage.py rotate_preferences_key`, then drop the old
key. Make a key with:

    python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
"""

import base64
import binascii

from .env import env_list

HOW_TO_MAKE_A_KEY = (
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)


def fernet_keys(keys: list[str]) -> list[str]:
    """The keys as given, or stop start-up with one line (which never shows a key)."""
    for position, key in enumerate(keys, start=1):
        try:
            raw = base64.urlsafe_b64decode(key.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raw = b""
        if len(raw) != 32:
            raise SystemExit(
                f"Settings error: key {position} in PREFERENCES_ENCRYPTION_KEY is not a Fernet "
                f"key (32 bytes, url-safe base64). Make one with: {HOW_TO_MAKE_A_KEY}"
            )
    return keys


# Empty here; dev and test settings fill in a non-secret key, production
# requires the variable.
PREFERENCES_ENCRYPTION_KEYS = fernet_keys(env_list("PREFERENCES_ENCRYPTION_KEY"))

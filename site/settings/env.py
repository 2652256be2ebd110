"""Reading settings from the environment, with one clear failure for a missing one."""

import os
import sys

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise SystemExit(f"Settings error: {name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"Settings error: {name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_required(name: str, why: str) -> str:
    """Return a variable that has no safe default, or stop start-up with one line."""
    value = env_str(name)
    if not value:
        # A SystemExit with a message prints that one line to stderr and exits 1,
        # so a misconfigured server fails at start-up instead of in a request.
        sys.exit(f"Settings error: the environment variable {name} is not set ({why}).")
    return value

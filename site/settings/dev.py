"""Settings for `make run` on a laptop: debug on, a throwaway secret, mail printed."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-secret-key-not-for-production")

# The embedded database and uploads live here; a fresh clone has no such folder.
VAR_DIR.mkdir(exist_ok=True)  # noqa: F405

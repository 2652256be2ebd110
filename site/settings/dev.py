"""Settings for `make run` on a laptop: debug on, a throwaway secret, mail printed."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-secret-key-not-for-production")

# The embedded database and uploads live here; a fresh clone has no such folder.
VAR_DIR.mkdir(exist_ok=True)  # noqa: F405

# NOT SECRET: a fixed key so preferences saved on a laptop survive a restart.
# Never used when PREFERENCES_ENCRYPTION_KEY is set; production requires that.
DEV_ONLY_PREFERENCES_KEY = "ZGV2LW9ubHktTk9ULVNFQ1JFVC1wcmVmZXJlbmNlcyE="
if not PREFERENCES_ENCRYPTION_KEYS:  # noqa: F405
    PREFERENCES_ENCRYPTION_KEYS = [DEV_ONLY_PREFERENCES_KEY]

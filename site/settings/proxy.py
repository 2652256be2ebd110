"""The proxies in front of the site: how many there are decides whose address a
request is (fairsite.client_address). Production assumes one; see README."""

from .env import env_int


def trusted_proxy_count(default: int) -> int:
    count = env_int("TRUSTED_PROXY_COUNT", default)
    if count < 0:
        raise SystemExit("Settings error: TRUSTED_PROXY_COUNT must be 0 or more.")
    return count


TRUSTED_PROXY_COUNT = trusted_proxy_count(0)
# allauth reads the same number (its own client-address code is replaced by
# fairsite.client_address in the account adapter; this keeps the two agreeing).
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

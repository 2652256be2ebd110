"""The open-data API's rate limits (requests per minute). Partner keys carry
their own limit, set when an editor issues them."""

from .env import env_int

API_ANONYMOUS_REQUESTS_PER_MINUTE = env_int("API_ANONYMOUS_REQUESTS_PER_MINUTE", 60)
API_PERSONAL_TOKEN_REQUESTS_PER_MINUTE = env_int("API_PERSONAL_TOKEN_REQUESTS_PER_MINUTE", 120)

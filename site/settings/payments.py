"""Payments: Stripe. With no secret key set, payments are off and posting is free."""

from .env import env_str

STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
# Points the SDK at stripe-mock in tests; empty means Stripe itself.
STRIPE_API_BASE = env_str("STRIPE_API_BASE")

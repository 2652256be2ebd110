"""The one place that knows whether payments are on and how to reach Stripe."""

import stripe
from django.conf import settings

# A page waiting on Stripe should fail with a clear message, not hang for 80 s.
TIMEOUT_SECONDS = 20


def payments_enabled() -> bool:
    """True when a Stripe secret key is configured; without one, posting is free."""
    return bool(settings.STRIPE_SECRET_KEY)


def stripe_client() -> stripe.StripeClient:
    """A client for Stripe (or for STRIPE_API_BASE, such as stripe-mock in tests)."""
    base = settings.STRIPE_API_BASE
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": base} if base else None,
        # The SDK sends an idempotency key with each retried POST, so a retry
        # never creates a second Checkout session.
        max_network_retries=2,
        http_client=stripe.RequestsClient(timeout=TIMEOUT_SECONDS),
    )

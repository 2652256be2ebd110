"""Start-up checks: a Stripe key without a webhook secret would take money and
never hand over what was bought, so it is an error, not a quiet default."""

from django.conf import settings
from django.core.checks import Error, Warning, register


@register()
def stripe_settings_check(app_configs, **kwargs):
    key, secret = settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET
    if key and not secret:
        return [
            Error(
                "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not.",
                hint="Purchases are fulfilled only from verified webhooks: set the signing "
                "secret of the webhook endpoint (see the README's Payments section).",
                id="billing.E001",
            )
        ]
    if secret and not key:
        return [
            Warning(
                "STRIPE_WEBHOOK_SECRET is set but STRIPE_SECRET_KEY is not: payments are off.",
                id="billing.W001",
            )
        ]
    return []

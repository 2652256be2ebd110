"""The endpoint Stripe calls: verify, store, then act.

An event is believed only if its Stripe-Signature header signs this exact body
with our endpoint's secret, at a time within five minutes of ours either way.
The SDK checks the signature and refuses old timestamps; a timestamp from the
future is refused here too, so a signed request cannot be kept back and played
later by someone who got hold of it with a skewed clock. The future check reads
the timestamp the SDK itself read and verified, and a header naming more than
one timestamp is refused outright: Stripe sends one, and with two a stale value
could stand in front of the signed, future one. Anything refused gets 400 and
writes nothing.
"""

import json
import logging
import time

import stripe
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .events import event_handle, event_record
from .stripe_api import payments_enabled

logger = logging.getLogger(__name__)

TOLERANCE_SECONDS = 300


class EventRefused(Exception):
    """The request is not a genuine, current Stripe event; the message says why."""


def verified_event(*, payload: bytes, signature: str | None, secret: str, now=None) -> dict:
    """The event in `payload` if it is signed with `secret` within the time window."""
    if signature and _timestamp_count(signature) > 1:
        raise EventRefused("More than one timestamp in the signature header")
    try:
        stripe.WebhookSignature.verify_header(payload, signature, secret, TOLERANCE_SECONDS)
    except stripe.SignatureVerificationError as error:
        raise EventRefused(str(error).split(".")[0]) from None
    except UnicodeDecodeError:
        raise EventRefused("Body is not UTF-8 text") from None
    # The timestamp verify_header signed the body with, read by the SDK's own parser.
    timestamp, _signatures = stripe.WebhookSignature._get_timestamp_and_signatures(
        signature, stripe.WebhookSignature.EXPECTED_SCHEME
    )
    if timestamp > (now or time.time()) + TOLERANCE_SECONDS:
        raise EventRefused("Timestamp is in the future")
    try:
        event = json.loads(payload)
    except ValueError:
        raise EventRefused("Body is not JSON") from None
    if not (
        isinstance(event, dict)
        and event.get("object") == "event"
        and isinstance(event.get("id"), str)
        and isinstance(event.get("type"), str)
        and isinstance(event.get("created"), int)
        and isinstance((event.get("data") or {}).get("object"), dict)
    ):
        raise EventRefused("Body is not a Stripe event")
    return event


def _timestamp_count(signature: str) -> int:
    """How many items of the header name a timestamp, spaces and case aside."""
    return sum(1 for item in signature.split(",") if item.partition("=")[0].strip().lower() == "t")


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    if not payments_enabled() or not settings.STRIPE_WEBHOOK_SECRET:
        return HttpResponse("Payments are off.", status=400, content_type="text/plain")
    try:
        payload = verified_event(
            payload=request.body,
            signature=request.headers.get("Stripe-Signature"),
            secret=settings.STRIPE_WEBHOOK_SECRET,
        )
    except EventRefused as refused:
        logger.warning("Stripe webhook refused: %s", refused)
        return HttpResponse(f"Refused: {refused}", status=400, content_type="text/plain")
    event, _stored_now = event_record(payload=payload)
    try:
        outcome = event_handle(event=event)
    except Exception:
        # Stored but not handled: a 500 makes Stripe deliver it again later.
        return HttpResponse("Stored; handling failed.", status=500, content_type="text/plain")
    return HttpResponse(outcome.value, content_type="text/plain")

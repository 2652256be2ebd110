"""Storing verified Stripe events and acting on each exactly once.

1. The event is inserted in its own transaction. Its id is unique in the
   database, so of any number of deliveries (retries, replays, the same event
   from eight threads) exactly one insert wins; the others get IntegrityError.
2. It is handled in a second transaction that locks the stored row and marks
   it handled on the way out. A delivery that finds the row handled does
   nothing. One that finds it unhandled (the first try crashed, or failed and
   Stripe retried) handles it again, which is safe because every handler is
   idempotent on its own (see fulfilment.py and plans.py).
"""

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import fulfilment, plans
from .models import StripeEvent

logger = logging.getLogger(__name__)

# Each event type we act on: the handler, and what it calls the event's object.
HANDLERS: dict[str, tuple[Callable[..., None], str]] = {
    "checkout.session.completed": (fulfilment.checkout_completed, "session"),
    "checkout.session.async_payment_succeeded": (fulfilment.checkout_async_succeeded, "session"),
    "checkout.session.async_payment_failed": (fulfilment.checkout_async_failed, "session"),
    "charge.refunded": (fulfilment.charge_refunded, "charge"),
    "invoice.paid": (plans.invoice_paid, "invoice"),
    "invoice.payment_failed": (plans.invoice_payment_failed, "invoice"),
}
# Every customer.subscription.* event carries the whole subscription.
SUBSCRIPTION_EVENTS = "customer.subscription."


class Outcome(StrEnum):
    HANDLED = "handled"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"


def handler_for(event_type: str) -> tuple[Callable[..., None], str] | None:
    """The handler of an event type and its object's name, or None for types we don't use."""
    if event_type.startswith(SUBSCRIPTION_EVENTS):
        return plans.subscription_changed, "subscription"
    return HANDLERS.get(event_type)


def event_record(*, payload: dict) -> tuple[StripeEvent, bool]:
    """Store a verified event by its id; (the row, whether this call stored it)."""
    try:
        with transaction.atomic():
            return (
                StripeEvent.objects.create(
                    event_id=payload["id"],
                    type=payload["type"],
                    created=datetime.fromtimestamp(payload["created"], tz=UTC),
                    livemode=bool(payload.get("livemode")),
                    payload=payload,
                ),
                True,
            )
    except IntegrityError:
        return StripeEvent.objects.get(event_id=payload["id"]), False


def event_handle(*, event: StripeEvent) -> Outcome:
    """Act on a stored event once; a handled one is left alone."""
    handler = handler_for(event.type)
    try:
        with transaction.atomic():
            row = StripeEvent.objects.select_for_update().get(pk=event.pk)
            if row.handled_at is not None:
                return Outcome.DUPLICATE
            if handler is not None:
                function, name = handler
                function(event=row, **{name: row.payload["data"]["object"]})
            row.handled_at = timezone.now()
            row.attempts += 1
            row.last_error = ""
            row.save(update_fields=["handled_at", "attempts", "last_error"])
    except Exception as error:
        # Kept unhandled, so Stripe's retry (or a person) can run it again.
        StripeEvent.objects.filter(pk=event.pk).update(
            attempts=event.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:200]
        )
        logger.exception("Stripe event %s (%s) failed", event.event_id, event.type)
        raise
    return Outcome.HANDLED if handler is not None else Outcome.IGNORED

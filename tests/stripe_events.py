"""Stripe webhook events for tests, as Stripe would send them.

Each object starts as Stripe's own example of it (stripe-mock serves the
examples from Stripe's OpenAPI spec), so it has every field a real one has;
only what a scenario is about is changed. Events are wrapped like Stripe's and
signed with the SDK's own signing code.
"""

from __future__ import annotations

import copy
import json
import time
import urllib.request
import uuid
from dataclasses import dataclass, field

import stripe
from django.test import Client

from employers.billing.models import Order

WEBHOOK_URL = "/stripe/webhook/"
SECRET = "whsec_test_secret"

# Where stripe-mock serves Stripe's example object of each kind.
EXAMPLES = {
    "event": "/v1/events/evt_123",
    "checkout.session": "/v1/checkout/sessions/cs_test_123",
    "subscription": "/v1/subscriptions/sub_123",
    "invoice": "/v1/invoices/in_123",
    "charge": "/v1/charges/ch_123",
}
_examples: dict[tuple[str, str], dict] = {}


def _new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:20]}"


@dataclass
class StripeEvents:
    api_base: str
    secret: str = SECRET
    clock: int = field(default_factory=lambda: int(time.time()) - 60)

    def example(self, kind: str) -> dict:
        """A fresh copy of Stripe's example object of this kind."""
        key = (self.api_base, kind)
        if key not in _examples:
            # The JSON exactly as the API serves it, not the SDK's objects.
            request = urllib.request.Request(  # noqa: S310
                self.api_base + EXAMPLES[kind], headers={"Authorization": "Bearer sk_test_123"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                _examples[key] = json.load(response)
        return copy.deepcopy(_examples[key])

    def event(self, event_type: str, data: dict, *, created: int | None = None) -> dict:
        """An event envelope around `data`; each call is a new event with a new id."""
        event = self.example("event")
        self.clock += 1
        event.update(
            id=_new_id("evt"),
            type=event_type,
            created=created or self.clock,
            api_version=stripe.api_version,
            livemode=False,
            pending_webhooks=1,
            data={"object": data},
        )
        return event

    # Objects -----------------------------------------------------------------

    def checkout_session(self, order: Order, *, payment_status: str = "paid", **changes) -> dict:
        session = self.example("checkout.session")
        is_plan = order.kind == "plan"
        session.update(
            id=order.checkout_session_id or _new_id("cs_test"),
            client_reference_id=f"employer-{order.employer_id}-order-{order.pk}",
            metadata={"order": str(order.pk), "employer": str(order.employer_id)},
            mode="subscription" if is_plan else "payment",
            status="complete",
            payment_status=payment_status,
            amount_total=order.unit_amount,
            amount_subtotal=order.unit_amount,
            currency=order.currency.lower(),
            customer=f"cus_employer{order.employer_id}",
            payment_intent=None if is_plan else f"pi_order{order.pk}",
            subscription=f"sub_order{order.pk}" if is_plan else None,
        )
        session.update(changes)
        return session

    def subscription(
        self,
        order: Order,
        *,
        status: str,
        period_start: int,
        cancel_at_period_end: bool = False,
        ended_at: int | None = None,
        cancellation_reason: str | None = None,
    ) -> dict:
        subscription = self.example("subscription")
        period_end = period_start + 30 * 86400
        item = subscription["items"]["data"][0]
        item.update(current_period_start=period_start, current_period_end=period_end)
        item["price"].update(unit_amount=order.unit_amount, currency=order.currency.lower())
        subscription.update(
            id=f"sub_order{order.pk}",
            customer=f"cus_employer{order.employer_id}",
            metadata={"order": str(order.pk), "employer": str(order.employer_id)},
            status=status,
            cancel_at_period_end=cancel_at_period_end,
            cancel_at=period_end if cancel_at_period_end else None,
            canceled_at=ended_at,
            ended_at=ended_at,
            cancellation_details={"comment": None, "feedback": None, "reason": cancellation_reason},
        )
        return subscription

    def invoice(
        self, order: Order, *, number: int = 1, billing_reason: str = "subscription_cycle"
    ) -> dict:
        invoice = self.example("invoice")
        amount = order.unit_amount
        invoice.update(
            id=f"in_order{order.pk}_{number}",
            number=f"FCJ-{order.pk:04d}-{number:04d}",
            customer=f"cus_employer{order.employer_id}",
            billing_reason=billing_reason,
            currency=order.currency.lower(),
            amount_due=amount,
            amount_paid=amount,
            amount_remaining=0,
            hosted_invoice_url=f"https://invoice.stripe.com/i/acct_test/order{order.pk}_{number}",
            invoice_pdf=f"https://pay.stripe.com/invoice/acct_test/order{order.pk}_{number}/pdf",
            parent={
                "type": "subscription_details",
                "quote_details": None,
                "subscription_details": {
                    "subscription": f"sub_order{order.pk}",
                    "metadata": {"order": str(order.pk), "employer": str(order.employer_id)},
                },
            },
        )
        return invoice

    def charge(self, order: Order, *, refunded: bool = True) -> dict:
        charge = self.example("charge")
        amount = order.unit_amount
        charge.update(
            id=f"ch_order{order.pk}",
            payment_intent=f"pi_order{order.pk}",
            amount=amount,
            amount_captured=amount,
            amount_refunded=amount if refunded else amount // 2,
            refunded=refunded,
            captured=True,
        )
        return charge

    # Delivery ----------------------------------------------------------------

    def signed(self, event: dict, *, secret: str | None = None, timestamp: int | None = None):
        """(body, Stripe-Signature header) as Stripe would send them."""
        body = json.dumps(event)
        header = stripe.WebhookSignature.generate_signature_header(
            body, secret or self.secret, timestamp=timestamp or int(time.time())
        )
        return body, header

    def deliver(self, client: Client | None, event: dict, **signing):
        """POST the event to the webhook endpoint, signed."""
        body, header = self.signed(event, **signing)
        return (client or Client()).post(
            WEBHOOK_URL, data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        )

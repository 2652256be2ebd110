"""Stripe delivers at least once, in no set order, and retries in parallel.

Every webhook type we handle is delivered three times, shuffled, from eight
threads at once, each with its own database connection and transaction. The
database's unique keys and conditional updates, not a check in Python, must
make each fulfilment and each email happen exactly once.
"""

import random
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from employers.billing.entitlements import credits_left
from employers.billing.events import handler_for
from employers.billing.models import (
    CreditEntry,
    Order,
    OrderStatus,
    StripeEvent,
    Subscription,
    SubscriptionStatus,
)
from fairsite.mail.models import OutgoingEmail
from jobs.models import JobPosting
from tests.factories import (
    CreditPackFactory,
    CreditProductFactory,
    EmployerFactory,
    FeaturedProductFactory,
    OpenOrderFactory,
    OwnerFactory,
    PlanProductFactory,
    PublishedPostingFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 8
COPIES = 3


def scenario(stripe_events) -> tuple[dict, list[dict]]:
    """Orders and plans of one employer, and the events Stripe sends about them."""
    employer = EmployerFactory()
    OwnerFactory(employer=employer)
    posting = PublishedPostingFactory(employer=employer)
    plan = PlanProductFactory()

    def order(product, **kwargs):
        return OpenOrderFactory(employer=employer, product=product, **kwargs)

    orders = {
        "paid": order(CreditPackFactory()),
        "bank_paid": order(CreditProductFactory()),
        "bank_failed": order(CreditProductFactory()),
        "refunded": order(CreditPackFactory()),
        "featured": order(FeaturedProductFactory(), posting=posting),
        "plan": order(plan),
        "plan_failing": order(plan),
        "plan_ended": order(plan),
    }
    e = stripe_events.event
    session = stripe_events.checkout_session
    start = int(time.time()) - 600

    def snapshot(key, status, **kwargs):
        return stripe_events.subscription(orders[key], status=status, period_start=start, **kwargs)

    unpaid = {k: session(orders[k], payment_status="unpaid") for k in ["bank_paid", "bank_failed"]}
    events = [
        e("checkout.session.completed", session(orders["paid"])),
        e("checkout.session.completed", unpaid["bank_paid"]),
        e("checkout.session.async_payment_succeeded", session(orders["bank_paid"])),
        e("checkout.session.completed", unpaid["bank_failed"]),
        e("checkout.session.async_payment_failed", unpaid["bank_failed"]),
        e("checkout.session.completed", session(orders["refunded"])),
        e("charge.refunded", stripe_events.charge(orders["refunded"])),
        e("checkout.session.completed", session(orders["featured"])),
        e("checkout.session.completed", session(orders["plan"])),
        e("customer.subscription.created", snapshot("plan", "incomplete"), created=start),
        e("customer.subscription.updated", snapshot("plan", "active"), created=start + 2),
        e("invoice.paid", stripe_events.invoice(orders["plan"]), created=start + 3),
        e("customer.subscription.updated", snapshot("plan_failing", "past_due")),
        e("invoice.payment_failed", stripe_events.invoice(orders["plan_failing"])),
        e(
            "customer.subscription.deleted",
            snapshot("plan_ended", "canceled", ended_at=start + 5),
        ),
    ]
    return {"employer": employer, "posting": posting, **orders}, events


def deliver_all(stripe_events, events: list[dict]) -> Counter:
    deliveries = [event for event in events for _ in range(COPIES)]
    random.Random(2024).shuffle(deliveries)

    def deliver(event):
        try:
            return stripe_events.deliver(Client(), event).status_code
        finally:
            # Each thread's own connection; left open it would outlive the test.
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return Counter(pool.map(deliver, deliveries))


def test_every_event_type_three_times_from_eight_threads_fulfils_once(stripe_events):
    world, events = scenario(stripe_events)
    assert {handler_for(event["type"]) is not None for event in events} == {True}
    types = {event["type"] for event in events}
    assert len(types) == 9

    statuses = deliver_all(stripe_events, events)

    assert statuses == Counter({200: len(events) * COPIES})
    assert StripeEvent.objects.count() == len(events)
    assert not StripeEvent.objects.filter(handled_at__isnull=True).exists()

    status = {
        key: Order.objects.get(pk=world[key].pk).status
        for key in world
        if key not in {"employer", "posting"}
    }
    assert status == {
        "paid": OrderStatus.PAID,
        "bank_paid": OrderStatus.PAID,
        "bank_failed": OrderStatus.FAILED,
        "refunded": OrderStatus.REFUNDED,
        "featured": OrderStatus.PAID,
        "plan": OrderStatus.PAID,
        "plan_failing": OrderStatus.OPEN,
        "plan_ended": OrderStatus.OPEN,
    }
    entries = Counter(CreditEntry.objects.values_list("order_id", "kind", "change"))
    assert entries == Counter(
        {
            (world["paid"].pk, "purchase", 5): 1,
            (world["bank_paid"].pk, "purchase", 1): 1,
            (world["refunded"].pk, "purchase", 5): 1,
            (world["refunded"].pk, "refund", -5): 1,
        }
    )
    assert credits_left(world["employer"]) == 6

    featured_until = JobPosting.objects.get(pk=world["posting"].pk).featured_until
    assert abs(featured_until - (timezone.now() + timedelta(days=14))) < timedelta(minutes=2)

    plans = {s.order_id: s.status for s in Subscription.objects.all()}
    assert plans == {
        world["plan"].pk: SubscriptionStatus.ACTIVE,
        world["plan_failing"].pk: SubscriptionStatus.PAST_DUE,
        world["plan_ended"].pk: SubscriptionStatus.CANCELED,
    }

    causes = Counter(
        key.split(":")[1] for key in OutgoingEmail.objects.values_list("dedupe_key", flat=True)
    )
    assert causes == Counter(
        {
            "order-paid": 4,  # paid, bank_paid, refunded, featured (a plan's welcome is its own)
            "order-failed": 1,
            "order-refunded": 1,
            "plan-active": 1,
            "invoice-paid": 1,
            "invoice-failed": 1,
            "plan-ended": 1,
        }
    )
    assert OutgoingEmail.objects.count() == 10

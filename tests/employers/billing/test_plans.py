"""Monthly plans: subscription state from the newest snapshot, and what a failed renewal does."""

import time
from datetime import timedelta
from itertools import permutations

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from employers.billing.entitlements import plan_places
from employers.billing.models import (
    AllowanceState,
    Invoice,
    OrderStatus,
    PostingAllowance,
    Subscription,
    SubscriptionStatus,
)
from employers.billing.plans import plans_enforce
from fairsite.mail.models import OutgoingEmail
from jobs import services
from jobs.models import Status
from tests.factories import (
    OpenOrderFactory,
    OwnerFactory,
    PastDueSubscriptionFactory,
    PlanProductFactory,
    PublishedPostingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_order():
    order = OpenOrderFactory(product=PlanProductFactory())
    OwnerFactory(employer=order.employer, user__email="owner@example.org")
    return order


def causes() -> set[str]:
    return set(OutgoingEmail.objects.values_list("dedupe_key", flat=True))


def lifecycle(stripe_events, order, start: int) -> dict[str, dict]:
    """A plan's life in four events, Stripe's clock one second apart."""
    created = stripe_events.subscription(order, status="incomplete", period_start=start)
    active = stripe_events.subscription(order, status="active", period_start=start)
    ended = stripe_events.subscription(
        order, status="canceled", period_start=start, ended_at=start + 60
    )
    return {
        "created": stripe_events.event("customer.subscription.created", created, created=start),
        "invoice.paid": stripe_events.event(
            "invoice.paid",
            stripe_events.invoice(order, billing_reason="subscription_create"),
            created=start + 1,
        ),
        "updated": stripe_events.event("customer.subscription.updated", active, created=start + 2),
        "deleted": stripe_events.event("customer.subscription.deleted", ended, created=start + 3),
    }


def subscription_state(order) -> tuple:
    subscription = Subscription.objects.get(stripe_id=f"sub_order{order.pk}")
    invoices = Invoice.objects.filter(subscription=subscription)
    return (
        subscription.employer_id == order.employer_id,
        subscription.status,
        subscription.current_period_start,
        subscription.current_period_end,
        subscription.cancel_at_period_end,
        subscription.ended_at,
        subscription.plan_postings,
        subscription.is_usable(),
        tuple(sorted(invoices.values_list("is_paid", "amount", "number"))),
    )


def test_every_ordering_of_a_subscriptions_events_ends_in_the_same_state(client, stripe_events):
    states = {}
    start = int(time.time()) - 3600
    for ordering in permutations(["created", "invoice.paid", "updated", "deleted"]):
        order = OpenOrderFactory(product=PlanProductFactory())
        events = lifecycle(stripe_events, order, start)
        for name in ordering:
            assert stripe_events.deliver(client, events[name]).status_code == 200
        state = subscription_state(order)
        # The invoice number names the order; the rest must be identical.
        states[ordering] = (*state[:-1], tuple((paid, amount) for paid, amount, _ in state[-1]))

    assert len(set(states.values())) == 1, states
    mine, status, *_rest, usable, invoices = next(iter(states.values()))
    assert mine
    assert status == SubscriptionStatus.CANCELED
    assert not usable
    assert invoices == ((True, order.amount),)


def test_events_stamped_in_the_same_second_still_end_in_one_state(client, stripe_events):
    states = set()
    for ordering in permutations(["incomplete", "active", "past_due"]):
        order = OpenOrderFactory(product=PlanProductFactory())
        start = int(time.time()) - 60
        for status in ordering:
            snapshot = stripe_events.subscription(order, status=status, period_start=start)
            event = stripe_events.event("customer.subscription.updated", snapshot, created=start)
            stripe_events.deliver(client, event)
        states.add(Subscription.objects.get(stripe_id=f"sub_order{order.pk}").status)

    assert states == {SubscriptionStatus.PAST_DUE}


def test_a_plan_bought_through_checkout_becomes_usable_when_it_is_active(
    client, stripe_events, plan_order
):
    session = stripe_events.checkout_session(plan_order)
    stripe_events.deliver(client, stripe_events.event("checkout.session.completed", session))
    plan_order.refresh_from_db()
    assert plan_order.status == OrderStatus.PAID
    assert plan_places(plan_order.employer) == (0, 0)

    active = stripe_events.subscription(plan_order, status="active", period_start=int(time.time()))
    stripe_events.deliver(client, stripe_events.event("customer.subscription.updated", active))

    assert plan_places(plan_order.employer) == (0, 3)
    assert causes() == {f"billing:plan-active:sub_order{plan_order.pk}"}


def test_a_plan_set_to_end_tells_the_owner_when(client, stripe_events, plan_order):
    ending = stripe_events.subscription(
        plan_order, status="active", period_start=int(time.time()), cancel_at_period_end=True
    )

    stripe_events.deliver(client, stripe_events.event("customer.subscription.updated", ending))

    [email] = OutgoingEmail.objects.all()
    assert email.subject.startswith("Your plan ends on")


def test_a_renewal_receipt_and_a_failed_renewal_each_email_once(client, stripe_events, plan_order):
    active = stripe_events.subscription(plan_order, status="active", period_start=int(time.time()))
    stripe_events.deliver(client, stripe_events.event("customer.subscription.created", active))
    renewal = stripe_events.invoice(plan_order, number=2)
    failed_renewal = stripe_events.invoice(plan_order, number=3)

    for _ in range(2):
        stripe_events.deliver(client, stripe_events.event("invoice.paid", renewal))
        stripe_events.deliver(client, stripe_events.event("invoice.payment_failed", failed_renewal))

    invoices = {invoice.number: invoice for invoice in Invoice.objects.all()}
    assert invoices[renewal["number"]].is_paid
    assert invoices[failed_renewal["number"]].payment_failed_at is not None
    assert causes() >= {
        f"billing:invoice-paid:{renewal['id']}",
        f"billing:invoice-failed:{failed_renewal['id']}",
    }
    assert OutgoingEmail.objects.filter(subject__startswith="Action needed").count() == 1


def test_a_late_failure_notice_does_not_unpay_a_paid_invoice(client, stripe_events, plan_order):
    invoice = stripe_events.invoice(plan_order, number=2)
    stripe_events.deliver(client, stripe_events.event("invoice.paid", invoice))

    stripe_events.deliver(client, stripe_events.event("invoice.payment_failed", invoice))

    assert Invoice.objects.get().is_paid
    assert not OutgoingEmail.objects.filter(subject__startswith="Action needed").exists()


def plan_posting(subscription):
    """A live posting that takes a place on the plan."""
    posting = PublishedPostingFactory(employer=subscription.employer)
    PostingAllowance.objects.create(
        posting=posting,
        employer=subscription.employer,
        source="plan",
        state=AllowanceState.USED,
        subscription=subscription,
    )
    return posting


def test_a_failed_renewal_keeps_postings_up_during_the_grace_period():
    subscription = PastDueSubscriptionFactory(days_ago=6)
    posting = plan_posting(subscription)

    assert subscription.is_usable()
    assert plans_enforce() == 0
    posting.refresh_from_db()
    assert posting.status == Status.PUBLISHED


def test_after_the_grace_period_the_plans_postings_pause_and_the_owner_is_told():
    subscription = PastDueSubscriptionFactory(days_ago=8)
    OwnerFactory(employer=subscription.employer)
    posting = plan_posting(subscription)
    bought_with_a_credit = PublishedPostingFactory(employer=subscription.employer)

    assert plans_enforce() == 1
    assert plans_enforce() == 0

    posting.refresh_from_db()
    bought_with_a_credit.refresh_from_db()
    assert (posting.status, bought_with_a_credit.status) == (Status.PAUSED, Status.PUBLISHED)
    assert posting.allowance.state == AllowanceState.LAPSED
    [email] = OutgoingEmail.objects.all()
    assert "paused the 1 posting" in email.body_text


def test_paying_again_puts_paused_postings_back_up(client, stripe_events, plan_order):
    start = int(time.time()) - 9 * 86400
    past_due = stripe_events.subscription(plan_order, status="past_due", period_start=start)
    stripe_events.deliver(
        client, stripe_events.event("customer.subscription.updated", past_due, created=start)
    )
    subscription = Subscription.objects.get()
    posting = plan_posting(subscription)
    plans_enforce()

    active = stripe_events.subscription(plan_order, status="active", period_start=start)
    stripe_events.deliver(client, stripe_events.event("customer.subscription.updated", active))

    posting.refresh_from_db()
    assert posting.status == Status.PUBLISHED
    assert posting.allowance.state == AllowanceState.USED


def test_a_posting_paused_for_an_unpaid_plan_cannot_simply_be_resumed(stripe_settings):
    subscription = PastDueSubscriptionFactory(days_ago=8)
    owner = OwnerFactory(employer=subscription.employer).user
    posting = plan_posting(subscription)
    plans_enforce()
    posting.refresh_from_db()

    with pytest.raises(ValidationError, match="plan was not paid"):
        services.posting_resume(posting=posting, by=owner)

    posting.refresh_from_db()
    assert posting.status == Status.PAUSED


def test_the_grace_period_is_measured_from_the_failed_renewal():
    subscription = PastDueSubscriptionFactory(days_ago=0)
    plan_posting(subscription)

    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        assert not subscription.is_usable()
        assert plans_enforce() == 1

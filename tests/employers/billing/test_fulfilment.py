"""One-off payments: verified webhooks hand over what was bought, once, in any order."""

from datetime import timedelta
from itertools import permutations

import pytest
from django.utils import timezone

from employers.billing.entitlements import credits_left
from employers.billing.events import event_record
from employers.billing.models import BillingAccount, CreditEntry, OrderStatus, StripeEvent
from fairsite.mail.models import OutgoingEmail
from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import check, ensure
from jobs.models import JobPosting
from jobs.search.index import postings_index
from jobs.search.queries import PostingQuery
from jobs.search.results import run_posting_search
from tests.factories import (
    CreditPackFactory,
    FeaturedProductFactory,
    OpenOrderFactory,
    OwnerFactory,
    PublishedPostingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_order():
    """An open order for five credits, from an employer with one owner."""
    order = OpenOrderFactory(product=CreditPackFactory())
    OwnerFactory(employer=order.employer, user__email="owner@example.org")
    return order


def emails(cause: str) -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(dedupe_key=f"billing:{cause}"))


def test_a_paid_checkout_adds_the_credits_once_and_emails_the_owner(
    client, stripe_events, pack_order
):
    event = stripe_events.event(
        "checkout.session.completed", stripe_events.checkout_session(pack_order)
    )

    responses = [stripe_events.deliver(client, event) for _ in range(3)]

    assert [r.content for r in responses] == [b"handled", b"duplicate", b"duplicate"]
    pack_order.refresh_from_db()
    assert pack_order.status == OrderStatus.PAID
    assert credits_left(pack_order.employer) == 5
    [email] = emails(f"order-paid:{pack_order.pk}")
    assert email.to == ["owner@example.org"]
    assert "5 posting credits" in email.body_text
    assert StripeEvent.objects.count() == 1
    account = BillingAccount.objects.get(employer=pack_order.employer)
    assert account.stripe_customer_id == f"cus_employer{pack_order.employer_id}"


def test_the_same_payment_reported_by_two_events_is_fulfilled_once(
    client, stripe_events, pack_order
):
    session = stripe_events.checkout_session(pack_order)
    stripe_events.deliver(client, stripe_events.event("checkout.session.completed", session))

    stripe_events.deliver(
        client, stripe_events.event("checkout.session.async_payment_succeeded", session)
    )

    assert credits_left(pack_order.employer) == 5
    assert CreditEntry.objects.filter(order=pack_order).count() == 1
    assert len(emails(f"order-paid:{pack_order.pk}")) == 1


def test_a_bank_payment_waits_then_fulfils_when_it_succeeds(client, stripe_events, pack_order):
    unpaid = stripe_events.checkout_session(pack_order, payment_status="unpaid")
    stripe_events.deliver(client, stripe_events.event("checkout.session.completed", unpaid))
    pack_order.refresh_from_db()
    assert pack_order.status == OrderStatus.PROCESSING
    assert credits_left(pack_order.employer) == 0

    paid = stripe_events.checkout_session(pack_order)
    stripe_events.deliver(
        client, stripe_events.event("checkout.session.async_payment_succeeded", paid)
    )

    pack_order.refresh_from_db()
    assert pack_order.status == OrderStatus.PAID
    assert credits_left(pack_order.employer) == 5


def test_a_failed_bank_payment_grants_nothing_and_says_so(client, stripe_events, pack_order):
    unpaid = stripe_events.checkout_session(pack_order, payment_status="unpaid")
    for event_type in ["checkout.session.completed", "checkout.session.async_payment_failed"]:
        stripe_events.deliver(client, stripe_events.event(event_type, unpaid))

    pack_order.refresh_from_db()
    assert pack_order.status == OrderStatus.FAILED
    assert credits_left(pack_order.employer) == 0
    [email] = emails(f"order-failed:{pack_order.pk}")
    assert "not been charged" in email.body_text


def test_a_refund_takes_back_only_the_credits_not_yet_used(client, stripe_events, pack_order):
    employer = pack_order.employer
    stripe_events.deliver(
        client,
        stripe_events.event(
            "checkout.session.completed", stripe_events.checkout_session(pack_order)
        ),
    )
    CreditEntry.objects.create(employer=employer, kind="hold", change=-2)

    stripe_events.deliver(
        client, stripe_events.event("charge.refunded", stripe_events.charge(pack_order))
    )

    pack_order.refresh_from_db()
    assert pack_order.status == OrderStatus.REFUNDED
    assert credits_left(employer) == 0
    refund = CreditEntry.objects.get(order=pack_order, kind="refund")
    assert refund.change == -3
    assert "2 already used" in refund.reason
    assert len(emails(f"order-refunded:{pack_order.pk}")) == 1


def test_a_partial_refund_is_recorded_but_takes_nothing_back(client, stripe_events, pack_order):
    stripe_events.deliver(
        client,
        stripe_events.event(
            "checkout.session.completed", stripe_events.checkout_session(pack_order)
        ),
    )

    stripe_events.deliver(
        client,
        stripe_events.event("charge.refunded", stripe_events.charge(pack_order, refunded=False)),
    )

    pack_order.refresh_from_db()
    assert pack_order.status == OrderStatus.PAID
    assert pack_order.payment.amount_refunded == pack_order.unit_amount // 2
    assert credits_left(pack_order.employer) == 5


def _final_state(order) -> tuple:
    order.refresh_from_db()
    return (
        order.status,
        credits_left(order.employer),
        sorted(CreditEntry.objects.filter(order=order).values_list("kind", "change")),
        sorted(OutgoingEmail.objects.values_list("dedupe_key", flat=True)),
    )


def test_the_events_of_one_payment_give_one_result_in_any_order(client, stripe_events):
    results = set()
    for ordering in permutations(["completed", "succeeded", "refunded"]):
        order = OpenOrderFactory(product=CreditPackFactory())
        OwnerFactory(employer=order.employer)
        unpaid = stripe_events.checkout_session(order, payment_status="unpaid")
        paid = stripe_events.checkout_session(order)
        events = {
            "completed": stripe_events.event("checkout.session.completed", unpaid),
            "succeeded": stripe_events.event("checkout.session.async_payment_succeeded", paid),
            "refunded": stripe_events.event("charge.refunded", stripe_events.charge(order)),
        }
        OutgoingEmail.objects.all().delete()
        for name in ordering:
            assert stripe_events.deliver(client, events[name]).status_code == 200
        state = _final_state(order)
        results.add((state[0], state[1], tuple(state[2]), len(state[3])))

    assert results == {
        (OrderStatus.REFUNDED, 0, (("purchase", 5), ("refund", -5)), 2),
    }


def test_featuring_a_posting_starts_now_and_a_second_purchase_extends_it(client, stripe_events):
    posting = PublishedPostingFactory()
    product = FeaturedProductFactory()
    first = OpenOrderFactory(product=product, employer=posting.employer, posting=posting)
    second = OpenOrderFactory(product=product, employer=posting.employer, posting=posting)

    for order in [first, second]:
        stripe_events.deliver(
            client,
            stripe_events.event(
                "checkout.session.completed", stripe_events.checkout_session(order)
            ),
        )
        posting.refresh_from_db()
        assert posting.is_featured

    expected = timezone.now() + timedelta(days=28)
    assert abs(posting.featured_until - expected) < timedelta(minutes=1)


def test_a_refunded_feature_ends_the_featured_period(client, stripe_events):
    posting = PublishedPostingFactory()
    order = OpenOrderFactory(
        product=FeaturedProductFactory(), employer=posting.employer, posting=posting
    )
    OwnerFactory(employer=posting.employer)
    stripe_events.deliver(
        client,
        stripe_events.event("checkout.session.completed", stripe_events.checkout_session(order)),
    )

    stripe_events.deliver(
        client, stripe_events.event("charge.refunded", stripe_events.charge(order))
    )

    assert not JobPosting.objects.get(pk=posting.pk).is_featured
    [email] = emails(f"order-refunded:{order.pk}")
    assert "featured period it paid for has ended" in email.body_text


def search_order(text: str) -> list[int]:
    """The postings a search for `text` lists, once the index has taken every queued change."""
    report = drain_due()
    assert not report.failed, report
    get_client().indices.refresh(index=postings_index.alias)
    return [hit.posting.pk for hit in run_posting_search(PostingQuery(text=text)).hits]


def test_buying_a_featured_upgrade_lifts_the_posting_in_search_and_a_refund_drops_it(
    client, stripe_events, es
):
    ensure(postings_index)
    now = timezone.now()
    posting = PublishedPostingFactory(title="Cook", published_at=now - timedelta(days=2))
    newer = PublishedPostingFactory(title="Cook", published_at=now - timedelta(days=1))
    order = OpenOrderFactory(
        product=FeaturedProductFactory(), employer=posting.employer, posting=posting
    )
    OwnerFactory(employer=posting.employer)
    # The same match for both; the newer first.
    assert search_order("cook") == [newer.pk, posting.pk]

    stripe_events.deliver(
        client,
        stripe_events.event("checkout.session.completed", stripe_events.checkout_session(order)),
    )

    assert search_order("cook") == [posting.pk, newer.pk]
    assert check(postings_index).is_clean

    stripe_events.deliver(
        client, stripe_events.event("charge.refunded", stripe_events.charge(order))
    )

    assert search_order("cook") == [newer.pk, posting.pk]
    assert check(postings_index).is_clean


def test_a_session_for_an_order_of_another_employer_is_ignored(client, stripe_events, pack_order):
    session = stripe_events.checkout_session(pack_order)
    session["client_reference_id"] = f"employer-{pack_order.employer_id + 1}-order-{pack_order.pk}"

    response = stripe_events.deliver(
        client, stripe_events.event("checkout.session.completed", session)
    )

    assert response.status_code == 200
    pack_order.refresh_from_db()
    assert pack_order.status == OrderStatus.OPEN
    assert credits_left(pack_order.employer) == 0


def test_an_event_stored_but_not_handled_is_handled_when_stripe_retries(
    client, stripe_events, pack_order
):
    # As if the process died between storing the event and acting on it.
    event = stripe_events.event(
        "checkout.session.completed", stripe_events.checkout_session(pack_order)
    )
    event_record(payload=event)
    assert credits_left(pack_order.employer) == 0

    response = stripe_events.deliver(client, event)

    assert response.content == b"handled"
    assert credits_left(pack_order.employer) == 5


def test_a_handler_that_fails_leaves_the_event_for_a_retry(
    client, stripe_events, pack_order, monkeypatch
):
    from employers.billing import entitlements

    event = stripe_events.event(
        "checkout.session.completed", stripe_events.checkout_session(pack_order)
    )

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(entitlements, "credits_add_purchase", broken)
    response = stripe_events.deliver(client, event)

    assert response.status_code == 500
    stored = StripeEvent.objects.get()
    assert stored.handled_at is None
    assert "database went away" in stored.last_error
    pack_order.refresh_from_db()
    assert pack_order.status == OrderStatus.OPEN

    monkeypatch.undo()
    assert stripe_events.deliver(client, event).content == b"handled"
    assert credits_left(pack_order.employer) == 5

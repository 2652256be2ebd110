"""Journey 5 (the paying part): an employer without credit buys one through Stripe
Checkout, Stripe's webhook hands it over, and it pays for sending a role for review."""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from employers.billing.entitlements import credits_held, credits_left
from employers.billing.models import Order
from jobs.models import JobPosting, Status
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import CreditProductFactory, DraftPostingFactory, OwnerFactory
from tests.stripe_events import WEBHOOK_URL

pytestmark = pytest.mark.django_db(transaction=True)

CHECKOUT_STAND_IN = (
    "<!doctype html><html lang='en'><head><title>Stripe Checkout</title></head>"
    "<body><main><h1>Pay Fair Chance Jobs</h1></main></body></html>"
)


def stripe_sends(live_server, stripe_events, event: dict) -> str:
    """POST a signed event to the running site, as Stripe does."""
    body, header = stripe_events.signed(event)
    request = urllib.request.Request(  # noqa: S310
        live_server.url + WEBHOOK_URL,
        data=body.encode(),
        headers={"Content-Type": "application/json", "Stripe-Signature": header},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.read().decode()


def test_an_employer_buys_a_credit_and_uses_it_to_post_a_role(
    page, live_server, home_page, stripe_events
):
    CreditProductFactory(name="One job posting")
    owner = OwnerFactory(user__first_name="Erin", employer__name="Riverside Warehousing")
    employer = owner.employer
    posting = DraftPostingFactory(employer=employer, title="Forklift driver")
    sign_in(page, owner.user, live_server)
    # Stripe's hosted page is on the internet; the browser gets a stand-in.
    page.route(
        "https://checkout.stripe.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=CHECKOUT_STAND_IN),
    )

    page.goto(f"/hire/{employer.slug}/postings/{posting.pk}/")
    panel = page.get_by_role("region", name="Send for review")
    expect(panel).to_contain_text("You need a posting credit or a monthly plan")
    expect(panel.get_by_role("button", name="Send for review")).to_have_count(0)
    assert_accessible(page)
    panel.get_by_role("link", name="Buy a posting credit or a plan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Buy credits or a plan")
    assert_accessible(page)
    page.get_by_label(re.compile("One job posting")).check()
    page.get_by_role("button", name="Continue to payment").click()

    expect(page).to_have_url(re.compile(r"^https://checkout\.stripe\.com/"))
    order = Order.objects.get()
    assert order.checkout_session_id
    assert order.return_to.endswith(f"/postings/{posting.pk}/")

    # Back from Stripe before its webhook has arrived: nothing is granted yet.
    page.goto(f"/hire/{employer.slug}/billing/orders/{order.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Payment processing")
    assert_accessible(page)
    assert credits_left(employer) == 0

    event = stripe_events.event("checkout.session.completed", stripe_events.checkout_session(order))
    assert stripe_sends(live_server, stripe_events, event) == "handled"

    page.get_by_role("link", name="Check again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Payment received")
    expect(page.get_by_text("Posting credits left: 1")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Continue where you were").click()

    panel = page.get_by_role("region", name="Send for review")
    expect(panel).to_contain_text("It uses your last posting credit")
    panel.get_by_role("button", name="Send for review").click()
    expect(page.locator(".messages")).to_contain_text("An editor will review")
    assert_accessible(page)
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PENDING_REVIEW
    assert (credits_left(employer), credits_held(employer)) == (0, 1)

    page.goto(f"/hire/{employer.slug}/billing/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Billing")
    assert_accessible(page)

"""Every call the site makes to Stripe, made against stripe-mock, which checks each
request against Stripe's own API description and answers 4xx to a bad one."""

import pytest
import stripe

from employers.billing import checkout
from employers.billing.models import BillingAccount, Order, OrderStatus
from tests.factories import (
    CreditPackFactory,
    FeaturedProductFactory,
    OpenOrderFactory,
    OwnerFactory,
    PlanProductFactory,
    PublishedPostingFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return OwnerFactory()


@pytest.fixture
def strict_stripe(monkeypatch):
    """Any error from Stripe fails the test, instead of becoming a message on the page."""

    def refuse(*args, **kwargs):
        raise AssertionError("Stripe answered with an error")

    monkeypatch.setattr(checkout.logger, "exception", refuse)
    monkeypatch.setattr(checkout.logger, "warning", refuse)


def buy(client, owner, **data):
    client.force_login(owner.user)
    return client.post(f"/hire/{owner.employer.slug}/billing/buy/", data)


def test_buying_credits_opens_a_one_off_checkout(client, owner, stripe_settings, strict_stripe):
    product = CreditPackFactory()

    response = buy(client, owner, product=product.pk, next=f"/hire/{owner.employer.slug}/")

    assert response.status_code == 303
    assert response["Location"].startswith("https://checkout.stripe.com/")
    order = Order.objects.get()
    assert (order.employer, order.kind, order.credits, order.status) == (
        owner.employer,
        "credits",
        5,
        OrderStatus.OPEN,
    )
    assert order.checkout_session_id.startswith("cs_")
    assert order.return_to == f"/hire/{owner.employer.slug}/"


def test_buying_a_plan_opens_a_subscription_checkout(client, owner, stripe_settings, strict_stripe):
    response = buy(client, owner, product=PlanProductFactory().pk)

    assert response.status_code == 303
    assert Order.objects.get().kind == "plan"


def test_featuring_a_live_posting_opens_a_checkout_for_it(
    client, owner, stripe_settings, strict_stripe
):
    posting = PublishedPostingFactory(employer=owner.employer)

    response = buy(client, owner, product=FeaturedProductFactory().pk, posting=posting.pk)

    assert response.status_code == 303
    assert Order.objects.get().posting == posting


def test_a_returning_customer_checks_out_as_the_same_stripe_customer(
    owner, stripe_settings, strict_stripe
):
    BillingAccount.objects.create(employer=owner.employer, stripe_customer_id="cus_known")

    order, url = checkout.checkout_start(
        employer=owner.employer, product=CreditPackFactory(), by=owner.user
    )

    assert url.startswith("https://checkout.stripe.com/")
    assert order.checkout_session_id


def test_the_customer_portal_opens_for_an_employer_who_has_paid(
    client, owner, stripe_settings, strict_stripe
):
    BillingAccount.objects.create(employer=owner.employer, stripe_customer_id="cus_known")
    client.force_login(owner.user)

    response = client.post(f"/hire/{owner.employer.slug}/billing/portal/")

    assert response.status_code == 303
    assert response["Location"].startswith("https://")


def test_the_portal_explains_itself_before_anything_was_bought(client, owner, stripe_settings):
    client.force_login(owner.user)

    response = client.post(f"/hire/{owner.employer.slug}/billing/portal/", follow=True)

    assert "once you have paid for something" in response.content.decode()


def test_the_order_page_asks_stripe_about_an_unpaid_checkout(
    client, owner, stripe_settings, strict_stripe
):
    order, _url = checkout.checkout_start(
        employer=owner.employer, product=CreditPackFactory(), by=owner.user
    )

    assert checkout.checkout_session_state(order=order) in {"open", "complete", "expired"}


def test_when_stripe_cannot_be_reached_nothing_is_charged_and_the_page_says_so(
    client, owner, stripe_settings
):
    stripe_settings.STRIPE_API_BASE = "http://127.0.0.1:9"

    response = buy(client, owner, product=CreditPackFactory().pk)

    assert response.status_code == 200
    assert "could not reach our payment provider" in parse(response).select_one(
        ".error-summary"
    ).get_text(" ")
    assert not Order.objects.exists()


def test_the_order_page_still_answers_when_stripe_is_down(client, owner, stripe_settings):
    order = OpenOrderFactory(employer=owner.employer)
    stripe_settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    client.force_login(owner.user)

    response = client.get(f"/hire/{owner.employer.slug}/billing/orders/{order.pk}/")

    assert response.status_code == 200
    assert "Payment processing" in parse(response).h1.get_text()


def test_the_client_talks_to_the_configured_api_base(stripe_settings):
    from employers.billing.stripe_api import stripe_client

    client = stripe_client()

    assert isinstance(client, stripe.StripeClient)
    assert client.v1.customers.retrieve("cus_123").id == "cus_123"

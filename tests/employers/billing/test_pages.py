"""The billing pages: who may see them, what they say, and clear errors for bad input."""

import pytest

from employers.billing.entitlements import credits_left
from employers.billing.models import CreditEntry, Order
from tests.factories import (
    CreditGrantFactory,
    CreditPackFactory,
    CreditProductFactory,
    DraftPostingFactory,
    EmployerFactory,
    FeaturedProductFactory,
    MembershipFactory,
    OpenOrderFactory,
    OwnerFactory,
    PublishedPostingFactory,
    UserFactory,
)
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db

PAGES = [
    ("get", "/hire/{e}/billing/"),
    ("get", "/hire/{e}/billing/buy/"),
    ("post", "/hire/{e}/billing/buy/"),
    ("get", "/hire/{e}/billing/orders/{o}/"),
    ("get", "/hire/{e}/billing/orders/{o}/cancelled/"),
    ("post", "/hire/{e}/billing/portal/"),
]


@pytest.fixture
def world():
    employer = EmployerFactory(slug="acme")
    return {
        "employer": employer,
        "order": OpenOrderFactory(employer=employer),
        "owner": OwnerFactory(employer=employer).user,
        "recruiter": MembershipFactory(employer=employer).user,
        "other_owner": OwnerFactory().user,
        "seeker": UserFactory(),
    }


@pytest.mark.parametrize(
    ("who", "status"), [("recruiter", 403), ("other_owner", 404), ("seeker", 404)]
)
@pytest.mark.parametrize(("method", "page"), PAGES)
def test_only_owners_see_billing(client, world, stripe_settings, who, status, method, page):
    client.force_login(world[who])
    url = page.format(e=world["employer"].slug, o=world["order"].pk)

    assert getattr(client, method)(url).status_code == status
    assert Order.objects.count() == 1


@pytest.mark.parametrize(("method", "page"), PAGES)
def test_signed_out_visitors_are_asked_to_sign_in(client, world, method, page):
    response = getattr(client, method)(page.format(e="acme", o=world["order"].pk))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_owner_cannot_see_another_employers_order(client, world, stripe_settings):
    client.force_login(world["other_owner"])
    other_slug = world["other_owner"].memberships.get().employer.slug

    response = client.get(f"/hire/{other_slug}/billing/orders/{world['order'].pk}/")

    assert response.status_code == 404


def test_the_billing_page_shows_credits_orders_and_history(client, world, stripe_settings):
    CreditGrantFactory(employer=world["employer"], change=2, reason="Charity: agreed by email")
    client.force_login(world["owner"])

    page = parse(client.get("/hire/acme/billing/"))

    facts = page.select_one(".facts").get_text(" ", strip=True)
    assert "Posting credits left 2" in facts
    assert "Charity: agreed by email" in page.get_text()


def test_with_payments_off_billing_says_posting_is_free(client, world):
    client.force_login(world["owner"])

    assert "posting is free" in client.get("/hire/acme/billing/").content.decode()
    response = client.post("/hire/acme/billing/buy/", {"product": CreditPackFactory().pk})

    assert "Payments are switched off" in parse(response).select_one(".error-summary").get_text()
    assert Order.objects.count() == 1


def test_buying_something_unknown_is_an_error_next_to_the_choice(client, world, stripe_settings):
    CreditPackFactory()
    client.force_login(world["owner"])

    response = client.post("/hire/acme/billing/buy/", {"product": 999999})

    page = assert_form_errors(response, "product")
    assert "Choose one of the options listed" in field_error(page, "product")


def test_choosing_nothing_says_what_to_choose(client, world, stripe_settings):
    CreditPackFactory()
    client.force_login(world["owner"])

    page = assert_form_errors(client.post("/hire/acme/billing/buy/", {}), "product")

    assert "Choose what you would like to buy" in field_error(page, "product")


def test_a_product_no_longer_on_sale_cannot_be_bought(client, world, stripe_settings):
    product = CreditPackFactory(is_on_sale=False)
    CreditProductFactory()
    client.force_login(world["owner"])

    response = client.post("/hire/acme/billing/buy/", {"product": product.pk})

    assert_form_errors(response, "product")


def test_featuring_needs_a_posting(client, world, stripe_settings):
    client.force_login(world["owner"])

    response = client.post("/hire/acme/billing/buy/", {"product": FeaturedProductFactory().pk})

    page = assert_form_errors(response, "posting")
    assert "Choose the posting to feature" in field_error(page, "posting")


@pytest.mark.parametrize("whose", ["another employer's", "a draft"])
def test_featuring_only_works_for_your_own_live_postings(client, world, stripe_settings, whose):
    posting = (
        PublishedPostingFactory()
        if whose == "another employer's"
        else DraftPostingFactory(employer=world["employer"])
    )
    client.force_login(world["owner"])

    response = client.post(
        "/hire/acme/billing/buy/",
        {"product": FeaturedProductFactory().pk, "posting": posting.pk},
    )

    page = assert_form_errors(response, "posting")
    assert "Choose one of your live postings" in field_error(page, "posting")
    assert Order.objects.count() == 1


def test_a_return_address_off_this_site_is_dropped(client, world, stripe_settings):
    client.force_login(world["owner"])

    response = client.post(
        "/hire/acme/billing/buy/",
        {"product": CreditPackFactory().pk, "next": "https://evil.example/phish"},
    )

    assert response.status_code == 303
    assert Order.objects.latest("id").return_to == ""


def test_the_success_page_says_processing_and_grants_nothing_until_the_webhook(
    client, world, stripe_events
):
    order = OpenOrderFactory(
        employer=world["employer"], product=CreditPackFactory(), return_to="/hire/acme/"
    )
    client.force_login(world["owner"])
    url = f"/hire/acme/billing/orders/{order.pk}/"

    before = parse(client.get(url))
    assert before.h1.get_text() == "Payment processing"
    assert "Continue where you were" not in before.get_text()
    assert credits_left(world["employer"]) == 0
    assert not CreditEntry.objects.exists()

    session = stripe_events.checkout_session(order)
    stripe_events.deliver(None, stripe_events.event("checkout.session.completed", session))

    after = parse(client.get(url))
    assert after.h1.get_text() == "Payment received"
    assert "Posting credits left: 5" in after.get_text(" ", strip=True)
    assert after.find("a", string="Continue where you were")["href"] == "/hire/acme/"


def test_the_cancel_page_says_nothing_was_charged(client, world, stripe_settings):
    client.force_login(world["owner"])

    response = client.get(f"/hire/acme/billing/orders/{world['order'].pk}/cancelled/")

    assert "you have not been charged" in response.content.decode()


def test_a_posting_without_credit_explains_what_is_needed_and_links_back(
    client, world, stripe_settings
):
    CreditProductFactory()
    posting = DraftPostingFactory(employer=world["employer"])
    preview = f"/hire/acme/postings/{posting.pk}/"

    client.force_login(world["owner"])
    page = parse(client.get(preview))
    panel = page.select_one("#submit-heading").parent
    assert "You need a posting credit or a monthly plan" in panel.get_text()
    assert panel.find("button", string="Send for review") is None
    assert panel.find("a", string="Buy a posting credit or a plan")["href"] == (
        "/hire/acme/billing/buy/?next=" + preview
    )

    client.force_login(world["recruiter"])
    panel = parse(client.get(preview)).select_one("#submit-heading").parent
    assert "Ask an owner of" in panel.get_text()


def test_submitting_without_credit_shows_the_reason(client, world, stripe_settings):
    posting = DraftPostingFactory(employer=world["employer"])
    client.force_login(world["recruiter"])

    response = client.post(f"/hire/acme/postings/{posting.pk}/submit/", follow=True)

    assert "You need a posting credit" in parse(response).select_one(".messages").get_text()


def test_with_a_credit_the_posting_page_says_what_sending_uses(client, world, stripe_settings):
    CreditGrantFactory(employer=world["employer"], change=3)
    posting = DraftPostingFactory(employer=world["employer"])
    client.force_login(world["recruiter"])

    panel = parse(client.get(f"/hire/acme/postings/{posting.pk}/")).select_one("#submit-heading")

    assert "uses one of your 3 posting credits" in panel.parent.get_text()
    assert panel.parent.find("button", string="Send for review")


def test_featured_postings_are_marked_on_the_list_and_their_page(client):
    from datetime import timedelta

    from django.utils import timezone

    featured = PublishedPostingFactory(
        title="Forklift driver", featured_until=timezone.now() + timedelta(days=3)
    )
    PublishedPostingFactory(title="Packer")

    cards = parse(client.get("/jobs/")).select(".posting-card__title")
    marks = {card.a.get_text(): bool(card.select_one(".badge--featured")) for card in cards}
    assert marks == {"Forklift driver": True, "Packer": False}
    assert parse(client.get(featured.get_absolute_url())).select_one(".badge--featured")


def test_an_owner_can_feature_a_live_posting_from_its_page(client, world, stripe_settings):
    product = FeaturedProductFactory()
    posting = PublishedPostingFactory(employer=world["employer"])
    client.force_login(world["owner"])

    link = parse(client.get(f"/hire/acme/postings/{posting.pk}/")).find(
        "a", string="Feature this posting"
    )

    assert f"product={product.pk}" in link["href"]
    assert f"posting={posting.pk}" in link["href"]


def test_the_dashboard_shows_credits_and_a_billing_link_to_owners(client, world, stripe_settings):
    CreditGrantFactory(employer=world["employer"], change=4)
    client.force_login(world["owner"])

    page = parse(client.get("/hire/acme/"))

    assert page.find("a", string="Billing")
    assert "Posting credits left: 4" in page.get_text(" ", strip=True)

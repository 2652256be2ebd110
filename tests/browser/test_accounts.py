"""Journeys through sign-up, sign-in and sign-out in a real browser."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from fairsite.accounts.models import User
from tests.browser.conftest import assert_accessible
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def confirmation_link(address: str) -> str:
    messages = [m for m in mail.outbox if address in m.to]
    assert messages, f"no email to {address}"
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", messages[-1].body)
    assert match, messages[-1].body
    return match.group(1)


def test_sign_up_confirm_sign_in_and_sign_out(page, home_page):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Create an account").first.click()

    expect(page).to_have_title(re.compile("^Create an account"))
    assert_accessible(page)
    page.get_by_label("Email address").fill("rosa@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Find a job", exact=True).check()
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)
    page.goto(confirmation_link("rosa@example.org"))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Sign in").click()
    assert_accessible(page)
    page.get_by_label("Email address").fill("rosa@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible()
    assert "rosa@example.org" in page.content()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert User.objects.get(email="rosa@example.org").emailaddress_set.get().verified


@pytest.mark.parametrize(
    ("email", "password", "field_label"),
    [
        ("not-an-email", PASSWORD, "Email address"),
        ("weak@example.org", "password", "Password"),
    ],
)
def test_bad_sign_up_shows_a_linked_error_summary_and_creates_nothing(
    page, home_page, email, password, field_label
):
    page.goto("/accounts/signup/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Hire people", exact=True).check()
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert_accessible(page)
    link = summary.get_by_role("link").first
    link.click()
    expect(page.get_by_label(field_label, exact=True)).to_be_focused()
    # The field's own message is tied to it for screen readers.
    described_by = page.get_by_label(field_label, exact=True).get_attribute("aria-describedby")
    message = page.locator(f"#{described_by.split()[-1]}")
    expect(message).to_contain_text(link.inner_text())
    # What was typed is kept.
    expect(page.get_by_label("Email address")).to_have_value(email)
    assert not User.objects.exists()


def test_sign_up_with_a_used_email_is_indistinguishable_from_success(page, home_page):
    UserFactory(email="taken@example.org")

    page.goto("/accounts/signup/")
    page.get_by_label("Email address").fill("brand.new@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Find a job", exact=True).check()
    page.get_by_role("button", name="Create account").click()
    fresh_url, fresh_heading = page.url, page.get_by_role("heading", level=1).inner_text()

    page.context.clear_cookies()
    page.goto("/accounts/signup/")
    page.get_by_label("Email address").fill("taken@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Find a job", exact=True).check()
    page.get_by_role("button", name="Create account").click()

    assert page.url == fresh_url
    assert page.get_by_role("heading", level=1).inner_text() == fresh_heading
    assert User.objects.filter(email="taken@example.org").count() == 1

"""Account pages in the site's plain voice at a phone's width and a desktop's,
with JavaScript off, each page checked for sideways scrolling and by axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.viewports import WIDTHS, check, pages_at
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_choosing_a_new_password(browser, live_server, home_page, width):
    user = UserFactory()
    with pages_at(browser, live_server, width) as (page, checker):
        page.goto("/accounts/login/")
        page.get_by_role("link", name="Forgotten your password?").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Forgotten your password")
        check(checker, page.url)
        page.get_by_label("Email").fill("not an email")
        page.get_by_role("button", name="Email me a link").click()
        expect(page.locator(".error-summary")).to_be_visible()
        page.get_by_label("Email").fill(user.email)
        page.get_by_role("button", name="Email me a link").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
        check(checker, page.url)


@pytest.mark.parametrize("width", WIDTHS)
def test_signing_out_asks_in_plain_words(browser, live_server, home_page, width):
    with pages_at(browser, live_server, width, user=UserFactory()) as (page, checker):
        page.goto("/accounts/logout/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign out")
        check(checker, "/accounts/password/change/")
        expect(checker.get_by_role("heading", level=1)).to_have_text("Change your password")
        check(checker, "/accounts/logout/")
        page.locator("main").get_by_role("button", name="Sign out").click()
        expect(page.locator(".messages")).to_contain_text("You have signed out")

"""The search page on a phone and a wide screen: results come first on a phone,
with the filters behind one "Filter" button that opens without JavaScript, and a
keyboard reaches the filters without passing the results.

The filters come before the results in the page's order, as on screen, so what a
screen reader reads, where the keyboard goes and what is seen agree; closed on a
phone, they are a single stop before the results."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, open_page
from tests.browser.test_search_journey import postings  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("postings")]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
SEARCH = "/jobs/?q=warehouse&after_offer=on"


def tab_until_in_filters(page) -> list[str]:
    """Tab from the search button until the focus is in the filters: what it passed."""
    page.get_by_role("button", name="Search", exact=True).focus()
    passed = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.search-filters') !== null"):
            return passed
        passed.append(page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
    pytest.fail(f"40 presses of Tab never reached the filters; they passed: {passed}")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_on_a_phone_results_come_first_and_the_filters_open_from_one_button(
    browser,
    live_server,
    javascript,
):
    page = open_page(browser, live_server, viewport=PHONE, java_script_enabled=javascript)
    try:
        page.goto(SEARCH)
        toggle = page.locator("summary", has_text=re.compile(r"^Filter · 1 chosen$"))
        first_result = page.locator(".posting-card").first
        filter_link = page.get_by_role("link", name=re.compile("^Verified fair-chance"))

        expect(toggle).to_be_visible()
        expect(filter_link).to_be_hidden()
        # The results start on the first screen, right below the closed filters.
        assert first_result.bounding_box()["y"] < PHONE["height"]
        assert toggle.bounding_box()["y"] < first_result.bounding_box()["y"]

        toggle.click()
        expect(filter_link).to_be_visible()
        filter_link.click()
        expect(page.locator("#results-heading")).to_have_text("1 job for “warehouse”")
        expect(page.locator("summary", has_text="Filter · 2 chosen")).to_be_visible()
        if javascript:
            assert_accessible(page)
    finally:
        page.context.close()


def test_a_keyboard_reaches_the_filters_without_passing_a_result(browser, live_server):
    for viewport in (PHONE, DESKTOP):
        page = open_page(browser, live_server, viewport=viewport)
        try:
            page.goto(SEARCH)
            expect(page.locator(".posting-card")).to_have_count(2)

            passed = tab_until_in_filters(page)

            assert passed == [], f"at {viewport['width']} px Tab passed {passed}"
        finally:
            page.context.close()


def test_on_a_wide_screen_the_filters_show_beside_the_results_with_a_way_past(
    browser,
    live_server,
):
    page = open_page(browser, live_server, viewport=DESKTOP, java_script_enabled=False)
    try:
        page.goto(SEARCH)
        filters = page.locator(".search-facets")
        results = page.locator(".search-results")

        expect(page.get_by_role("link", name=re.compile("^Verified fair-chance"))).to_be_visible()
        assert filters.bounding_box()["x"] < results.bounding_box()["x"]

        page.get_by_role("button", name="Search", exact=True).focus()
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Skip to the results")).to_be_focused()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        expect(page.locator(".search-results :focus")).to_have_count(1)
    finally:
        page.context.close()


def test_a_full_page_of_results_weighs_under_100_kb(browser, live_server):
    """The page, its stylesheet and its script as sent, without compression."""
    from fairsite.outbox.drain import drain_due
    from fairsite.search.client import get_client
    from jobs.search.index import postings_index
    from tests.factories import PublishedPostingFactory

    PublishedPostingFactory.create_batch(20, title="Warehouse team member", located="Columbus, OH")
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)
    page = open_page(browser, live_server, viewport=PHONE)
    sizes = {}
    page.on("response", lambda response: sizes.update({response.url: len(response.body())}))
    try:
        page.goto("/jobs/?q=warehouse")
        expect(page.locator(".posting-card")).to_have_count(20)
        page.wait_for_load_state("networkidle")
    finally:
        page.context.close()

    total = sum(sizes.values())
    assert total < 100_000, f"the search page weighs {total:,} bytes: {sizes}"

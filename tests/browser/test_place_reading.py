"""A place name several places share, on a 375 px wide phone: the search runs for
the likeliest place with its distance, says so, and the other places are links
that work with JavaScript and without. axe finds nothing serious."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, open_page, publish_in_both_glasgows, sign_in
from tests.factories import OwnerFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def postings(es, seeded_credentials, home_page, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    publish_in_both_glasgows(
        scotland_title="Warehouse operative in Scotland",
        kentucky_title="Warehouse operative in Kentucky",
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_shared_place_name_on_a_phone(browser, live_server, postings, javascript):
    page = open_page(browser, live_server, viewport=PHONE, java_script_enabled=javascript)
    try:
        page.goto("/jobs/")
        page.get_by_label("Job title, skill or employer").fill("warehouse")
        page.get_by_label("Town, ZIP code or postcode").fill("Glasgow")
        page.get_by_role("button", name="Search", exact=True).click()

        reading = page.locator(".place-reading")
        expect(reading).to_contain_text("Showing Glasgow, Scotland")
        expect(page.locator(".posting-card__title")).to_have_text(
            ["Warehouse operative in Scotland"]
        )
        expect(page.locator(".field-error")).to_have_count(0)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        if javascript:
            assert_accessible(page)

        reading.get_by_role("link", name="Glasgow, Kentucky").click()

        expect(page.locator(".posting-card__title")).to_have_text(
            ["Warehouse operative in Kentucky"]
        )
        expect(page.get_by_label("Town, ZIP code or postcode")).to_have_value("Glasgow, KY")
        expect(page.locator(".place-reading")).to_have_count(0)
    finally:
        page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_posting_form_asks_where_remote_work_is_open_to_only_for_remote_jobs(
    browser, live_server, seeded_credentials, javascript
):
    owner = OwnerFactory()
    page = open_page(browser, live_server, viewport=PHONE, java_script_enabled=javascript)
    try:
        sign_in(page, owner.user, live_server)
        page.goto(f"/hire/{owner.employer.slug}/postings/new/")
        country = page.get_by_label("Country people can work from")

        expect(country).to_be_hidden()
        page.get_by_label("Remote (work from home)").check()
        expect(country).to_be_visible()
        expect(page.get_by_label("State or nation people can work from")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        if javascript:
            assert_accessible(page)
    finally:
        page.context.close()

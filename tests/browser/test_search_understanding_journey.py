"""Journey: a visitor on a phone types a search the way people do (a typo, filler
words, "part time", a place name several places share) and still sees the jobs
it means, with what was read, the place chosen and the others, and a link to
search the words as typed. With JavaScript and without."""

import pytest
from playwright.sync_api import expect

from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs.search.index import postings_index
from tests.browser.conftest import assert_accessible, open_page, publish_in_both_glasgows
from tests.factories import PublishedPostingFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 740}
TYPED = "part time carpnter jobs"


@pytest.fixture
def postings(es, seeded_credentials, home_page):
    ensure(postings_index)
    PublishedPostingFactory(title="Carpenter", employment_type="part_time")
    PublishedPostingFactory(title="Carpenter", employment_type="full_time")
    PublishedPostingFactory(
        title="Site carpenter",
        employment_type="part_time",
        located="Leeds, England",
        located__latitude=53.7965,
        located__longitude=-1.5478,
        located__country="GB",
    )
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)


def search(page):
    page.set_viewport_size(PHONE)
    page.goto("/jobs/")
    page.get_by_label("Job title, skill or employer").fill(TYPED)
    page.get_by_label("Town, ZIP code or postcode").fill("Columbus, OH")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#results-heading")).to_have_text(
        "1 job for “carpenter” within 25 miles of Columbus, OH"
    )
    expect(page.locator(".did-you-mean")).to_have_text(
        "Showing results for carpenter. Search for carpnter instead."
    )
    expect(page.locator(".understood p")).to_contain_text("Part time jobs for “carpenter”")
    expect(page.locator(".posting-card")).to_have_count(1)
    # What was typed stays in the box.
    expect(page.get_by_label("Job title, skill or employer")).to_have_value(TYPED)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 375px wide"


def test_a_typo_with_filler_and_an_intent_on_a_phone(page, postings):
    search(page)
    assert_accessible(page)

    # The words as typed find nothing; the page says why and what would.
    page.get_by_role("link", name="carpnter").click()
    expect(page.locator("#results-heading")).to_contain_text("0 jobs")
    expect(page.locator(".empty-state")).to_contain_text("No jobs have all of the words")
    assert_accessible(page)


def test_clearing_a_filter_read_from_the_words_updates_the_box(page, postings):
    search(page)

    page.evaluate("window.__stillTheSamePage = true")
    # On a phone the filters are behind their "Filter" button.
    page.locator("summary", has_text="Filter · 1 chosen").click()
    page.locator(".search-facets .facet__chosen", has_text="Part time").click()

    expect(page.locator("#results-heading")).to_have_text(
        "2 jobs for “carpenter” within 25 miles of Columbus, OH"
    )
    expect(page.get_by_label("Job title, skill or employer")).to_have_value("carpnter jobs")
    assert page.evaluate("window.__stillTheSamePage") is True


def test_the_same_without_javascript(page_without_js, page, postings):
    search(page_without_js)

    page_without_js.get_by_role("link", name="search the words instead").click()
    expect(page_without_js.locator("#results-heading")).to_have_text(
        f"0 jobs for “{TYPED}” within 25 miles of Columbus, OH"
    )
    expect(page_without_js.locator(".empty-state")).to_contain_text("No jobs have all")
    # axe runs in the page, so check what the visitor saw with it switched on.
    page.set_viewport_size(PHONE)
    page.goto(page_without_js.url)
    assert_accessible(page)


@pytest.fixture
def glasgows(es, seeded_credentials, home_page, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    publish_in_both_glasgows(
        scotland_title="Warehouse operative", kentucky_title="Warehouse picker"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_typo_and_a_shared_place_name_on_a_phone(browser, live_server, glasgows, javascript):
    page = open_page(browser, live_server, viewport=PHONE, java_script_enabled=javascript)
    try:
        page.goto("/jobs/")
        page.get_by_label("Job title, skill or employer").fill("warehose jobs")
        page.get_by_label("Town, ZIP code or postcode").fill("Glasgow")
        page.get_by_role("button", name="Search", exact=True).click()

        expect(page.locator(".did-you-mean")).to_have_text(
            "Showing results for warehouse. Search for warehose instead."
        )
        expect(page.locator(".understood")).to_contain_text("Left out: “jobs”.")
        reading = page.locator(".place-reading")
        expect(reading).to_contain_text("Showing Glasgow, Scotland")
        expect(reading.get_by_role("link", name="Glasgow, Kentucky")).to_be_visible()
        expect(page.locator(".posting-card__title")).to_have_text(["Warehouse operative"])
        expect(page.locator(".field-error")).to_have_count(0)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 375px wide"
        if javascript:
            assert_accessible(page)

        # The other Glasgow, with the same words: corrected there too.
        reading.get_by_role("link", name="Glasgow, Kentucky").click()
        expect(page.locator(".posting-card__title")).to_have_text(["Warehouse picker"])
        expect(page.locator(".did-you-mean strong")).to_have_text("warehouse")
    finally:
        page.context.close()


@pytest.fixture
def carers_in_richmond_london(es, seeded_credentials, home_page, settings):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    ensure(postings_index)
    PublishedPostingFactory(
        title="Home carer",
        located="Richmond, England",
        located__latitude=51.46171,
        located__longitude=-0.30633,
        located__country="GB",
        located__region="England",
    )
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_british_word_and_a_shared_place_name_on_a_phone(
    browser, live_server, carers_in_richmond_london, javascript
):
    page = open_page(browser, live_server, viewport=PHONE, java_script_enabled=javascript)
    try:
        page.goto("/jobs/")
        page.get_by_label("Job title, skill or employer").fill("carer")
        page.get_by_label("Town, ZIP code or postcode").fill("Richmond")
        page.get_by_role("button", name="Search", exact=True).click()

        expect(page.locator("#results-heading")).to_have_text(
            "1 job for “carer” within 25 miles of Richmond, England"
        )
        expect(page.locator(".place-found-nothing")).to_have_text(
            "No jobs for “carer” within 25 miles of Richmond, Virginia, "
            "so we looked in the other places with that name."
        )
        expect(page.locator(".place-reading")).to_contain_text("Showing Richmond, Greater London")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 375px wide"
        if javascript:
            assert_accessible(page)

        page.locator(".place-reading").get_by_role("link", name="Richmond, Virginia").click()
        expect(page.locator("#results-heading")).to_have_text(
            "0 jobs for “carer” within 25 miles of Richmond, VA"
        )
        expect(page.locator(".place-found-nothing")).to_have_count(0)
    finally:
        page.context.close()

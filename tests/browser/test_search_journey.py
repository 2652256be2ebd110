"""Journey 1 (search part): find a warehouse job near a place, filter to employers who
check records only after an offer, open it. With JavaScript and without."""

import re

import pytest
from playwright.sync_api import expect

from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs.search.index import postings_index
from tests.browser.conftest import assert_accessible
from tests.factories import PublishedPostingFactory, VerifiedEmployerFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postings(es, seeded_credentials, home_page):
    ensure(postings_index)
    employer = VerifiedEmployerFactory(name="Riverside Warehousing")
    PublishedPostingFactory(employer=employer, title="Warehouse operative", located="Columbus, OH")
    PublishedPostingFactory(
        title="Warehouse supervisor",
        located="Columbus, OH",
        check_timing="before_offer_by_law",
        check_level="enhanced",
    )
    PublishedPostingFactory(
        title="Warehouse picker",
        located="Cleveland, OH",
        located__latitude=41.4993,
        located__longitude=-81.6944,
    )
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)


def search_near_columbus(page):
    page.goto("/jobs/")
    page.get_by_label("Job title, skill or employer").fill("warehouse")
    page.get_by_label("Town, ZIP code or postcode").fill("Columbus, OH")
    page.get_by_label("Distance").select_option(label="Within 10 miles")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#results-heading")).to_have_text(
        "2 jobs for “warehouse” within 10 miles of Columbus, OH"
    )


def test_search_filter_and_open_a_job_with_javascript(page, postings):
    page.goto("/jobs/")
    page.get_by_label("Job title, skill or employer").press_sequentially("ware")
    expect(page.locator("#job-suggestions option").first).to_have_attribute(
        "value", re.compile("^Warehouse")
    )
    search_near_columbus(page)
    assert_accessible(page)

    page.evaluate("window.__stillTheSamePage = true")
    page.get_by_role("link", name=re.compile(r"^Checks records only after an offer")).click()
    expect(page.locator("#results-heading")).to_have_text(
        "1 job for “warehouse” within 10 miles of Columbus, OH"
    )
    assert page.evaluate("window.__stillTheSamePage") is True  # updated without a reload
    assert "after_offer=on" in page.url
    assert_accessible(page)

    page.go_back()
    expect(page.locator("#results-heading")).to_contain_text("2 jobs")
    page.go_forward()
    expect(page.locator("#results-heading")).to_contain_text("1 job ")

    page.get_by_role("link", name="Warehouse operative").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Warehouse operative")
    expect(page.locator(".policy")).to_contain_text("after we offer you the job")
    assert_accessible(page)


def test_search_filter_and_open_a_job_without_javascript(page_without_js, page, postings):
    search_near_columbus(page_without_js)
    page_without_js.get_by_role(
        "link", name=re.compile(r"^Checks records only after an offer")
    ).click()
    expect(page_without_js.locator("#results-heading")).to_have_text(
        "1 job for “warehouse” within 10 miles of Columbus, OH"
    )
    page_without_js.get_by_label("Sort by").select_option(label="Newest")
    page_without_js.get_by_role("button", name="Sort").click()
    expect(page_without_js.locator(".posting-card")).to_have_count(1)
    page_without_js.get_by_role("link", name="Warehouse operative").click()
    expect(page_without_js.get_by_role("heading", level=1)).to_have_text("Warehouse operative")

    # axe runs in the page, so check what the visitor saw with it switched on.
    page.goto(page_without_js.url)
    assert_accessible(page)


def test_a_bad_search_explains_itself(page, postings):
    page.goto("/jobs/?q=warehouse&place=Qwertyville+Zzz&radius=-5")

    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("We couldn't find 'Qwertyville Zzz'")
    expect(summary).to_contain_text("Choose a distance from the list.")
    expect(page.locator("#results-heading")).to_contain_text("3 jobs")
    assert_accessible(page)

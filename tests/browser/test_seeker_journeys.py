"""A job seeker's journeys at a phone's width and a desktop's, with JavaScript off,
each page checked for sideways scrolling and by axe."""

import re

import pytest
from playwright.sync_api import expect

from fairsite.search.indices import ensure
from jobs.applications.models import Application
from jobs.models import Status
from jobs.search.index import postings_index
from tests.browser.viewports import WIDTHS, check, pages_at
from tests.factories import (
    PASSWORD,
    CandidateProfileFactory,
    OwnerFactory,
    PublishedPostingFactory,
    UserFactory,
)
from tests.jobs.test_search import refresh
from tests.jobs.test_search_places import posting_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_applying_without_a_cv(browser, live_server, home_page, private_media, width):
    owner = OwnerFactory()
    posting = PublishedPostingFactory(employer=owner.employer, title="Kitchen porter")
    seeker = CandidateProfileFactory(headline="Cook").user
    with pages_at(browser, live_server, width, user=seeker) as (page, checker):
        page.goto(posting.get_absolute_url())
        page.get_by_role("link", name=re.compile("Apply now")).first.click()
        check(checker, page.url)
        expect(page.locator("label[for=id_cv]")).to_contain_text("(optional)")
        # Bad input: a file that is not a CV keeps the note and says what to fix.
        page.get_by_label("A short note to the employer").fill("I have worked in kitchens.")
        page.get_by_label("Your CV").set_input_files(
            files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a CV"}]
        )
        page.get_by_role("button", name="Send my application").click()
        expect(page.locator(".error-summary")).to_contain_text("must be a PDF or a Word")
        expect(page.get_by_label("A short note to the employer")).to_have_value(
            "I have worked in kitchens."
        )
        page.get_by_role("button", name="Send my application").click()
        expect(page.locator(".messages")).to_contain_text("Your application is sent")
        check(checker, page.url)
    assert not Application.objects.get().cv


@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_page_search_and_the_distance_box_agree(
    browser, live_server, es, home_page, width
):
    ensure(postings_index)
    posting_in("Wigan, England", title="Seventeen miles out")
    refresh()
    with pages_at(browser, live_server, width) as (page, checker):
        page.goto("/")
        page.get_by_label("Where").fill("Manchester, England")
        page.get_by_role("button", name="Find jobs").click()
        expect(page.locator("#results-heading")).to_contain_text("within 25 miles")
        expect(page.locator("select[name=radius] option:checked")).to_have_text("Within 25 miles")
        check(checker, page.url)
        # Searching again from the form as shown keeps the distance.
        page.locator("form.search-box").get_by_role("button", name="Search").click()
        expect(page.locator("#results-heading")).to_contain_text("within 25 miles")
        expect(page.get_by_role("link", name="Seventeen miles out")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_closed_job_s_address_leads_to_open_jobs_like_it(browser, live_server, home_page, width):
    closed = PublishedPostingFactory(
        title="Night picker", status=Status.CLOSED, category="warehouse-logistics"
    )
    PublishedPostingFactory(title="Day picker", category="warehouse-logistics")
    with pages_at(browser, live_server, width) as (page, checker):
        response = page.goto(closed.get_absolute_url())
        assert response.status == 410
        expect(page.get_by_role("heading", level=1)).to_have_text("This job has closed")
        check(checker, closed.get_absolute_url())
        page.get_by_role("link", name="Day picker").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Day picker")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_visitor_who_applies_is_told_why_to_sign_in(browser, live_server, home_page, width):
    posting = PublishedPostingFactory(title="Kitchen porter")
    seeker = UserFactory()
    with pages_at(browser, live_server, width) as (page, checker):
        page.goto(posting.get_absolute_url())
        page.get_by_role("link", name=re.compile("Apply now")).first.click()
        expect(page.locator("main .notice")).to_have_text(
            re.compile("Sign in or create an account to apply for Kitchen porter")
        )
        expect(page.get_by_role("link", name=re.compile("password"))).to_have_count(1)
        check(checker, page.url)
        # A wrong password first: the reason and the way on are kept.
        page.get_by_label("Email address").fill(seeker.email)
        page.get_by_label("Password").fill("not my password")
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator(".error-summary")).to_be_visible()
        expect(page.locator("main .notice")).to_contain_text("Kitchen porter")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Apply for Kitchen porter")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_credential_page_lists_the_nearest_roles_first(
    browser, live_server, es, seeded_credentials, home_page, width
):
    from tests.cms.factories import CredentialIndexPageFactory, CredentialPageFactory
    from tests.factories import credential

    index = CredentialIndexPageFactory(parent=home_page)
    page_ = CredentialPageFactory(parent=index, credential=credential("cpscp"))
    for title, place, lat, lon in [
        ("In Columbus", "Columbus, OH", 39.9612, -82.9988),
        ("In Cleveland", "Cleveland, OH", 41.4993, -81.6944),
    ]:
        posting = PublishedPostingFactory(
            title=title, located=place, located__latitude=lat, located__longitude=lon
        )
        posting.required_credentials.set([credential("cpscp")])
    with pages_at(browser, live_server, width) as (page, checker):
        page.goto(page_.url)
        check(checker, page_.url)
        # Bad input first: the message is next to the box and what was typed stays.
        page.get_by_role("textbox", name=re.compile("^Near")).fill("Nowhereville Zzzq")
        page.get_by_role("button", name="Show nearest first").click()
        expect(page.locator(".error-summary")).to_be_visible()
        expect(page.get_by_role("textbox", name=re.compile("^Near"))).to_have_value(
            "Nowhereville Zzzq"
        )
        page.get_by_role("textbox", name=re.compile("^Near")).fill("Columbus, OH")
        page.get_by_role("button", name="Show nearest first").click()
        expect(page.locator(".posting-card__title").first).to_have_text("In Columbus")
        check(checker, page.url)

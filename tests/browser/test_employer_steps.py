"""An employer's smaller steps at a phone's width and a desktop's, with
JavaScript off: closing a live job asks first; an applicant without a name is
headed by a reference, not their email address."""

import pytest
from playwright.sync_api import expect

from jobs.models import JobPosting, Status
from tests.browser.conftest import assert_accessible
from tests.browser.viewports import WIDTHS, check, pages_at
from tests.factories import ApplicationFactory, OwnerFactory, PublishedPostingFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_closing_a_live_job_asks_first(browser, live_server, home_page, width):
    owner = OwnerFactory()
    posting = PublishedPostingFactory(employer=owner.employer, title="Cook")
    preview = f"/hire/{owner.employer.slug}/postings/{posting.pk}/"
    with pages_at(browser, live_server, width, user=owner.user) as (page, checker):
        page.goto(preview)
        check(checker, preview)
        page.get_by_role("button", name="Close", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Close Cook?")
        assert JobPosting.objects.get(pk=posting.pk).status == Status.PUBLISHED
        page.get_by_role("link", name="No, keep it open").click()
        expect(page).to_have_url(f"{live_server.url}{preview}")
        page.get_by_role("button", name="Close", exact=True).click()
        page.get_by_role("button", name="Yes, close this job").click()
        expect(page.locator(".messages")).to_contain_text("Your posting is closed")
    assert JobPosting.objects.get(pk=posting.pk).status == Status.CLOSED


@pytest.mark.parametrize("width", WIDTHS)
def test_the_close_confirm_page_fits_and_passes_axe(browser, live_server, home_page, width):
    owner = OwnerFactory()
    posting = PublishedPostingFactory(employer=owner.employer, title="Cook")
    with pages_at(browser, live_server, width, user=owner.user) as (_page, checker):
        checker.goto(f"/hire/{owner.employer.slug}/postings/{posting.pk}/")
        checker.get_by_role("button", name="Close", exact=True).click()
        expect(checker.get_by_role("heading", level=1)).to_have_text("Close Cook?")
        # The page answers a POST, so it is checked where it is, not loaded again.
        overflow = checker.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        assert_accessible(checker)


@pytest.mark.parametrize("width", WIDTHS)
def test_an_applicant_without_a_name_and_the_posting_page(browser, live_server, home_page, width):
    owner = OwnerFactory()
    posting = PublishedPostingFactory(employer=owner.employer, title="Cook")
    nameless = UserFactory(first_name="", last_name="", email="private.person@example.org")
    application = ApplicationFactory(posting=posting, candidate=nameless)
    with pages_at(browser, live_server, width, user=owner.user) as (page, checker):
        applicants = f"/hire/{owner.employer.slug}/postings/{posting.pk}/applicants/"
        page.goto(applicants)
        page.get_by_role("link", name=f"Applicant no. {application.pk}").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Applicant no. {application.pk}")
        check(checker, applicants)
        check(checker, page.url)
    with pages_at(browser, live_server, width) as (page, checker):
        page.goto(posting.get_absolute_url())
        expect(page.locator("dl.facts")).to_contain_text("Posted")
        expect(page.get_by_role("link", name="Apply now for Cook").first).to_be_visible()
        check(checker, posting.get_absolute_url())

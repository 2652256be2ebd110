"""Printed job lists on paper: Chromium prints the page to PDF (A4 and Letter),
and the PDF's text holds each job's facts and short link and none of the site's
menus, forms or buttons. On screen the page fits a phone and is axe clean."""

import io
import re
import unicodedata
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs.models import Status, Workplace
from jobs.search.index import postings_index
from tests.browser.conftest import assert_accessible, horizontal_overflow, open_page
from tests.factories import EmployerFactory, PublishedPostingFactory, VerifiedEmployerFactory

pytestmark = pytest.mark.django_db(transaction=True)

# What every page of the site has around its content: none of it belongs on paper.
CHROME = [
    "Skip to main content",
    "Menu",
    "Sign in",
    "Create an account",
    "Search this site",
    "fair-chance jobs and the people who open doors",
    "Back to the job search",
    "Print this list",
    "Ctrl and P",
]


@pytest.fixture
def jobs(es, seeded_credentials, home_page):
    ensure(postings_index)
    riverside = VerifiedEmployerFactory(name="Riverside Warehousing")
    made = {
        "on_site": PublishedPostingFactory(
            employer=riverside, title="Warehouse operative", published_at=_days_ago(1)
        ),
        "external": PublishedPostingFactory(
            employer=EmployerFactory(name="Buckeye Kitchens"),
            title="Warehouse kitchen porter",
            application_method="external_url",
            apply_url="https://careers.buckeye-kitchens.example.com/jobs/2026/warehouse-kitchen-porter-application-form",
            salary_min=None,
            salary_max=None,
            salary_period="",
            check_timing="before_offer_by_law",
            check_level="enhanced",
            published_at=_days_ago(2),
        ),
        "email": PublishedPostingFactory(
            employer=riverside,
            title="Remote warehouse planner",
            workplace=Workplace.REMOTE,
            open_to_country="US",
            open_to_region="OH",
            located=False,
            application_method="email",
            apply_email="hiring@riverside.example.com",
            published_at=_days_ago(3),
        ),
        "older": PublishedPostingFactory(
            employer=riverside, title="Warehouse night lead", published_at=_days_ago(12)
        ),
    }
    PublishedPostingFactory(employer=riverside, title="Warehouse closed role", status=Status.CLOSED)
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)
    return made


def _days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def squashed(text: str) -> str:
    """Text without its spaces and line breaks, which a PDF's text does not keep
    where the page had them, and with the font's ligatures ("ﬀ") as letters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def printed_text(page, paper: str) -> str:
    pdf = page.pdf(format=paper, print_background=False)
    reader = PdfReader(io.BytesIO(pdf))
    return squashed("\n".join(sheet.extract_text() for sheet in reader.pages))


def assert_job_on_paper(text: str, posting, *facts: str) -> None:
    for fact in [
        posting.title,
        posting.employer.name,
        f"/j/{posting.pk}/",
        "Recordchecks",
        "Howtoapply",
        *facts,
    ]:
        assert squashed(fact) in text, fact


def assert_no_chrome(text: str) -> None:
    for words in CHROME:
        assert squashed(words) not in text, words


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_search_printed_to_pdf_holds_each_job_and_nothing_else(browser, live_server, jobs, paper):
    page = open_page(browser, live_server, java_script_enabled=False)
    try:
        page.goto("/jobs/?q=warehouse&sort=newest")
        page.get_by_role("link", name="Print these jobs").click()
        expect(page.locator(".printed-job")).to_have_count(4)

        text = printed_text(page, paper)

        assert_job_on_paper(
            text,
            jobs["on_site"],
            "Columbus, OH",
            "$18 to $21 an hour",
            "Only after a conditional job offer",
            "(verified fair-chance employer)",
            # The short link is on SITE_URL, wherever the page was served from.
            f"Apply on this site: go to 127.0.0.1:8000/j/{jobs['on_site'].pk}/",
        )
        assert_job_on_paper(
            text,
            jobs["external"],
            "Not given",
            "Before an offer, only where the law requires it",
            "Apply on Buckeye Kitchens's website",
            jobs["external"].apply_url,
        )
        assert_job_on_paper(
            text,
            jobs["email"],
            "Work from anywhere in Ohio",
            "hiring@riverside.example.com",
        )
        assert_job_on_paper(text, jobs["older"])
        assert "Warehouseclosedrole" not in text
        assert_no_chrome(text)

        # The QR codes print at a size a phone reads (about 2.6 cm, 98 CSS pixels).
        page.emulate_media(media="print")
        codes = page.locator(".printed-job__qr svg")
        expect(codes).to_have_count(4)
        for box in (codes.nth(i).bounding_box() for i in range(4)):
            assert 90 < box["width"] < 105
            assert box["width"] == box["height"]
    finally:
        page.context.close()


def test_new_jobs_this_week_prints_for_a_notice_board(browser, live_server, jobs):
    page = open_page(browser, live_server, java_script_enabled=False)
    try:
        page.goto("/jobs/print/new-this-week/")
        page.get_by_label("Town, ZIP code or postcode").fill("Columbus, OH")
        page.get_by_label("Distance").select_option(label="Within 10 miles")
        page.get_by_role("button", name="Show new jobs").click()
        expect(page.locator("h1")).to_have_text("New jobs near Columbus, OH this week")

        text = printed_text(page, "A4")

        for posting in (jobs["on_site"], jobs["external"], jobs["email"]):
            assert_job_on_paper(text, posting)
        assert squashed(jobs["older"].title) not in text  # published 12 days ago
        assert "NewjobsnearColumbus,OHthisweek" in text
        assert "publishedinthelast7days" in text
        assert_no_chrome(text)
        assert "Shownewjobs" not in text
        assert "zipcodeorpostcode" not in text.lower()
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(
    "address",
    [
        "/jobs/print/?q=warehouse",
        "/jobs/print/new-this-week/?place=Columbus%2C+OH",
        "/jobs/print/new-this-week/?place=",
    ],
)
def test_printed_lists_fit_the_screen_and_are_accessible(
    browser, live_server, jobs, width, address
):
    page = open_page(browser, live_server, viewport={"width": width, "height": 900})
    try:
        page.goto(address)
        assert horizontal_overflow(page) <= 0
        assert_accessible(page)
        if "place=Columbus" in address or "q=" in address:
            # With JavaScript the print button shows, and opens the print dialog.
            button = page.get_by_role("button", name="Print this list")
            expect(button).to_be_visible()
            page.evaluate("window.print = () => { window.__printed = true; }")
            button.click()
            assert page.evaluate("window.__printed") is True
    finally:
        page.context.close()

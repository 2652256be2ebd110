"""Journey 7 (in part) and the public pages: an editor builds the home page in the
Wagtail admin; a visitor goes from home to a credential, a role and its employer;
every page type passes axe, works without JavaScript and fits a small phone."""

import re

import pytest
from playwright.sync_api import expect

from cms.demo_pages import load_site_pages
from cms.models import CredentialPage, HomePage
from employers.models import EmployerLocation
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import EditorFactory, PublishedPostingFactory, VerifiedEmployerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def insert_block(page, label: str, *, position: int) -> None:
    """Open the nth "Insert a block" button of the body and choose a block type."""
    page.get_by_role("button", name="Insert a block").nth(position).click()
    page.get_by_role("option", name=label, exact=True).click()


def block(page, label: str):
    """The editor's section for the body's block of this type (named after it)."""
    return page.get_by_role("region", name=re.compile(f"^{re.escape(label)}"))


def test_an_editor_builds_the_home_page_with_three_blocks_and_publishes_it(
    page, live_server, home_page
):
    home_page.body = []
    home_page.save_revision().publish()
    sign_in(page, EditorFactory(), live_server)

    page.goto(f"/admin/pages/{home_page.pk}/edit/")
    insert_block(page, "Hero", position=0)
    block(page, "Hero").get_by_label("Heading").fill("Work with people who give second chances")
    insert_block(page, "Latest jobs (live)", position=1)
    insert_block(page, "Call to action", position=2)
    call_to_action = block(page, "Call to action")
    call_to_action.get_by_label("Heading").fill("Hiring?")
    call_to_action.get_by_label("Link text").fill("Post a job")
    call_to_action.get_by_label("Link url").fill("/hire/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("has been published")).to_be_visible(timeout=15_000)

    home = HomePage.objects.get()
    assert [block.block_type for block in home.body] == ["hero", "latest_roles", "call_to_action"]
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Work with people who give second chances"
    )
    expect(page.get_by_role("link", name="Post a job")).to_have_attribute("href", "/hire/")
    assert_accessible(page)


@pytest.fixture
def site_pages(home_page, seeded_credentials):
    load_site_pages(home_page)
    employer = VerifiedEmployerFactory(name="Second Start Reentry Services")
    EmployerLocation.objects.create(
        employer=employer, label="Columbus, OH", country="US", latitude=39.96, longitude=-83.0
    )
    posting = PublishedPostingFactory(
        employer=employer, title="Reentry housing coordinator", category="case-management"
    )
    posting.required_credentials.set([CredentialPage.objects.get(slug="cpors").credential])
    return home_page


def test_a_visitor_goes_from_home_to_a_credential_a_role_and_its_employer(page, site_pages):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Credentials").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Credentials for reentry work")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"\(CPORS\)")).click()

    expect(page.get_by_role("heading", name="Open jobs that ask for CPORS (1)")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Reentry housing coordinator").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Reentry housing coordinator")
    assert_accessible(page)
    page.get_by_role("link", name="Second Start Reentry Services").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Second Start Reentry Services")
    expect(page.get_by_text("Verified fair-chance employer")).to_be_visible()
    assert_accessible(page)


PUBLIC_PAGES = [
    "/",
    "/credentials/",
    "/credentials/cpors/",
    "/careers/",
    "/careers/reentry-case-manager/",
    "/employers/",
    "/employers/?place=Columbus%2C+OH&miles=25&after_offer=on",
    "/employers/?place=Nowhereville",
    "/guides/",
    "/guides/?tag=your-record",
    "/guides/spent-convictions/",
    "/search/?q=reentry",
    "/no-such-page/",
]


def test_every_page_type_passes_axe_with_one_h1(page, site_pages):
    for path in PUBLIC_PAGES:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert_accessible(page)


def test_every_page_type_fits_a_320_pixel_screen(small_phone_page, site_pages):
    for path in PUBLIC_PAGES:
        small_phone_page.goto(path)
        overflow = small_phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px wide"


def test_filters_and_search_work_without_javascript(page_without_js, site_pages):
    page = page_without_js
    page.goto("/employers/")
    page.get_by_label("Near").fill("Columbus, OH")
    page.get_by_label("Distance").select_option(label="10 miles")
    page.get_by_role("button", name="Show employers").click()
    expect(
        page.get_by_role("heading", name=re.compile("within 10 miles of Columbus"))
    ).to_be_visible()
    expect(page.get_by_role("link", name="Second Start Reentry Services")).to_be_visible()

    page.goto("/")
    page.get_by_label("What job").fill("housing")
    page.get_by_role("button", name="Find jobs").click()
    expect(page).to_have_url(re.compile(r"/jobs/\?q=housing"))
    expect(page.get_by_role("link", name="Reentry housing coordinator")).to_be_visible()

    page.get_by_role("searchbox", name="Search this site").fill("spent")
    page.get_by_role("button", name="Search the site").click()
    expect(
        page.get_by_role("link", name="Spent convictions, and where to check yours")
    ).to_be_visible()

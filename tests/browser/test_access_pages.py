"""The pages that say who may see what: the refusal an unverified employer gets
for matched candidates, an organisation's not-yet-public page, the password
asked again before the data download, a closed job's apply page, and the
candidate's own pages saying who can find them. Each passes axe and fits a
375-pixel phone; the password page works by keyboard."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, open_page, sign_in
from tests.factories import (
    PASSWORD,
    DiscoverableCandidateFactory,
    OwnerFactory,
    PublishedPostingFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone(browser, live_server):
    page = open_page(browser, live_server, viewport={"width": 375, "height": 740})
    yield page
    page.context.close()


def assert_fits_and_passes_axe(page: Page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px wide"
    assert_accessible(page)


def test_an_unverified_employer_s_pages(phone, live_server, home_page):
    owner = OwnerFactory(employer__name="Quiet Storage Co")
    # Paused: with no live posting the organisation's own page is not public either.
    posting = PublishedPostingFactory(employer=owner.employer, status="paused")
    sign_in(phone, owner.user, live_server)

    response = phone.goto(f"/hire/{owner.employer.slug}/matches/{posting.pk}/")
    assert response.status == 403
    expect(phone.locator(".notice")).to_contain_text("once our editors have checked")
    assert_fits_and_passes_axe(phone)

    phone.goto(f"/employers/{owner.employer.slug}/")
    expect(phone.locator(".notice")).to_contain_text("Only your team can see this page")
    assert_fits_and_passes_axe(phone)


def test_a_candidate_s_pages(phone, live_server, home_page):
    profile = DiscoverableCandidateFactory(headline="Forklift driver")
    closed = PublishedPostingFactory(status="filled", title="Night picker")
    sign_in(phone, profile.user, live_server)

    phone.goto(profile.get_absolute_url())
    expect(phone.locator("main .meta")).to_contain_text(
        "Only staff of employers our editors have checked can find your profile"
    )
    assert_fits_and_passes_axe(phone)
    phone.goto("/profile/")
    expect(phone.locator("main")).to_contain_text("only staff of employers our editors")
    assert_fits_and_passes_axe(phone)

    phone.goto(f"/jobs/{closed.pk}/{closed.slug}/apply/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("This job has closed")
    assert_fits_and_passes_axe(phone)
    phone.get_by_role("link", name="Open jobs in warehouse and logistics").click()
    expect(phone).to_have_url(
        f"{live_server.url}/jobs/?category=warehouse-logistics&place=Columbus%2C%20OH"
    )


def test_the_data_download_asks_for_the_password_by_keyboard(phone, live_server, home_page):
    profile = DiscoverableCandidateFactory()
    sign_in(phone, profile.user, live_server)
    phone.goto("/dashboard/")

    phone.get_by_role("link", name="Download all your data").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Enter your password again")
    assert_fits_and_passes_axe(phone)
    phone.get_by_label("Password").focus()
    phone.keyboard.type("not my password")
    phone.keyboard.press("Enter")
    expect(phone.locator(".error-summary")).to_contain_text("That is not the password")
    assert_fits_and_passes_axe(phone)
    phone.get_by_label("Password").fill("")
    phone.get_by_label("Password").focus()
    phone.keyboard.type(PASSWORD)
    phone.keyboard.press("Enter")

    expect(phone.get_by_role("heading", level=1)).to_have_text("Download all your data")
    assert_fits_and_passes_axe(phone)
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download your data").press("Enter")
    assert download.value.suggested_filename.startswith("fair-chance-jobs-data-")

"""A job seeker shares a copy of their CV with their case worker and takes it
back, on a phone's width and a desktop's, with JavaScript off (each page also
checked with axe and for sideways scrolling, the share form's error too)."""

import re

import pytest
from playwright.sync_api import expect

from candidates.services import cv_save
from partners.models import SharedCv
from tests.browser.conftest import assert_accessible, horizontal_overflow
from tests.browser.viewports import WIDTHS, check, pages_at
from tests.candidates import files
from tests.factories import ApplicationFactory
from tests.partners.factories import GrantFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def grant(es, home_page):
    grant = GrantFactory(
        seeker__first_name="Dee", case_worker__first_name="Cass", case_worker__last_name="Worker"
    )
    cv_save(user=grant.seeker, upload=files.upload("cv.pdf", files.minimal_pdf("Dee's CV")))
    application = ApplicationFactory(candidate=grant.seeker)
    application.cv.save("cv.pdf", files.upload("cv.pdf", files.minimal_pdf("Sent CV")))
    return grant


def _share_form(page):
    return page.locator("form", has=page.get_by_role("button", name="Share a copy"))


@pytest.mark.parametrize("width", WIDTHS)
def test_seeker_shares_a_copy_of_their_cv_and_takes_it_back(browser, live_server, grant, width):
    with pages_at(browser, live_server, width, user=grant.seeker) as (page, checker):
        page.goto("/case-workers/")
        check(checker, "/case-workers/")
        # Nothing chosen: the message is by the field and in the summary, on a page
        # that fits and is axe clean.
        checker.get_by_text("Share a copy of your CV with them").click()
        _share_form(checker).get_by_role("button", name="Share a copy").click()
        expect(checker.locator(".error-summary, [role=alert]").first).to_contain_text(
            "Choose one of your CVs to share."
        )
        assert horizontal_overflow(checker) <= 0
        assert_accessible(checker)

        page.get_by_text("Share a copy of your CV with them").click()
        _share_form(page).get_by_label(re.compile("The CV on your profile")).check()
        _share_form(page).get_by_role("button", name="Share a copy").click()
        expect(page.locator(".messages")).to_contain_text("They can now download a copy")
        expect(page.locator("#activity + ul")).to_contain_text("You shared a copy of your CV")
        check(checker, "/case-workers/")

    person = f"/caseload/{grant.public_id}/"
    with pages_at(browser, live_server, width, user=grant.case_worker) as (page, checker):
        page.goto(person)
        check(checker, person)
        with page.expect_download() as download:
            page.get_by_role("link", name="download the copy of their CV").click()
        assert download.value.suggested_filename == "cv.pdf"

    with pages_at(browser, live_server, width, user=grant.seeker) as (page, _checker):
        page.goto("/case-workers/")
        expect(page.locator("#activity + ul")).to_contain_text("Downloaded the copy of your CV")
        page.get_by_role("button", name=re.compile("^Take back the copy of your CV")).click()
        expect(page.locator(".messages")).to_contain_text("You took back the copy")
    assert not SharedCv.objects.exists()

    with pages_at(browser, live_server, width, user=grant.case_worker) as (page, _checker):
        page.goto(person)
        expect(page.locator("main")).not_to_contain_text("download the copy of their CV")
        assert page.request.get(f"{live_server.url}/caseload/{grant.public_id}/cv/").status == 404

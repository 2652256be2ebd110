"""Journeys 1 and 5 (their end): a job seeker applies with a CV, the employer moves
them to interview, and the job seeker sees the stage. Saving a job needs no
JavaScript. axe checks every page."""

import re

import pytest
from playwright.sync_api import expect

from candidates.models import SavedJob
from jobs.applications.models import Application, Stage
from tests.browser.conftest import assert_accessible, open_page, sign_in
from tests.candidates.files import minimal_pdf
from tests.factories import OwnerFactory, PublishedPostingFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_apply_with_a_cv_then_the_employer_moves_them_to_interview(
    page, browser, live_server, home_page, private_media
):
    owner = OwnerFactory(user__first_name="Erin")
    posting = PublishedPostingFactory(employer=owner.employer, title="Forklift driver")
    seeker = UserFactory(first_name="Sam", last_name="Rivera")
    sign_in(page, seeker, live_server)

    page.goto(posting.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Apply now")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply for Forklift driver")
    assert_accessible(page)

    # A file that is not a CV first: the error is next to the field and in the summary.
    page.get_by_label("A short note to the employer").fill("I have driven forklifts for 5 years.")
    page.get_by_label("Your CV").set_input_files(
        files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a CV"}]
    )
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator(".error-summary")).to_contain_text("must be a PDF or a Word document")
    expect(page.get_by_label("A short note to the employer")).to_have_value(
        "I have driven forklifts for 5 years."
    )
    assert_accessible(page)
    page.get_by_label("Your CV").set_input_files(
        files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf()}]
    )
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator(".messages")).to_contain_text("Your application is sent")
    expect(page.locator(".status")).to_contain_text("Sent")
    assert_accessible(page)
    application = Application.objects.get()

    # The employer, in another browser.
    employer_page = open_page(browser, live_server)
    sign_in(employer_page, owner.user, live_server)
    employer_page.goto(f"/hire/{owner.employer.slug}/")
    assert_accessible(employer_page)
    employer_page.get_by_role("link", name=re.compile("applicants for Forklift driver")).click()
    expect(employer_page.get_by_role("heading", level=1)).to_have_text(
        "Applicants for Forklift driver"
    )
    assert_accessible(employer_page)
    employer_page.get_by_role("link", name="Sam Rivera").click()
    expect(employer_page.locator(".status")).to_contain_text("Seen by the employer")
    expect(employer_page.get_by_role("link", name=re.compile("Download their CV"))).to_be_visible()
    assert_accessible(employer_page)
    employer_page.get_by_label("Move to").select_option(label="Interview")
    employer_page.get_by_label("Message to the applicant").fill("Can you come on Tuesday at 10?")
    employer_page.get_by_role("button", name="Move", exact=True).click()
    expect(employer_page.locator(".messages")).to_contain_text("Moved to “Interview”")
    expect(employer_page.locator(".status")).to_contain_text("Interview")
    assert_accessible(employer_page)
    employer_page.context.close()

    # The job seeker sees the stage and the message.
    page.goto("/dashboard/")
    assert_accessible(page)
    page.get_by_role("link", name="Forklift driver").first.click()
    expect(page.locator(".status")).to_contain_text("Interview")
    expect(page.locator(".history")).to_contain_text("Can you come on Tuesday at 10?")
    assert_accessible(page)
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEW


def test_saving_a_job_needs_no_javascript(page_without_js, live_server, home_page):
    page = page_without_js
    posting = PublishedPostingFactory(title="Line cook")
    seeker = UserFactory()
    sign_in(page, seeker, live_server)

    page.goto(posting.get_absolute_url())
    page.get_by_role("button", name=re.compile("Save.*for later")).click()

    expect(page.locator(".messages")).to_contain_text("Saved “Line cook”")
    expect(page.get_by_role("button", name=re.compile("Remove"))).to_be_visible()
    assert SavedJob.objects.filter(user=seeker, posting=posting).exists()

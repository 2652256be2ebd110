"""Journey 5 and 7 (in part): an employer sets up, posts a role, an editor approves it."""

import re

import pytest
from playwright.sync_api import expect

from jobs.models import JobPosting, Status
from tests.browser.conftest import assert_accessible, open_page, sign_in
from tests.factories import EditorFactory, EmployerUserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_employer_posts_a_role_that_an_editor_approves(
    page, browser, live_server, home_page, seeded_credentials
):
    employer_user = EmployerUserFactory(first_name="Erin")
    sign_in(page, employer_user, live_server)

    page.goto("/hire/")
    assert_accessible(page)
    page.get_by_role("main").get_by_role(
        "link", name=re.compile("Set up your organisation")
    ).click()
    assert_accessible(page)
    page.get_by_label("Organisation name").fill("Riverside Warehousing")
    page.get_by_label("Industry").select_option(label="Warehouse and logistics")
    page.get_by_label("How many people work there").select_option(label="50 to 249 people")
    page.get_by_label("Where you hire").fill("Columbus, OH")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your fair-chance policy")
    assert_accessible(page)
    page.get_by_label("Only after a conditional job offer").check()
    page.get_by_label("Basic: unspent convictions only").check()
    page.get_by_label("Mentoring").check()
    page.get_by_role("button", name="Save policy").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Riverside Warehousing")
    assert_accessible(page)
    page.get_by_role("link", name="Post a job").first.click()
    assert_accessible(page)
    page.get_by_label("Job title").fill("Warehouse operative")
    page.get_by_label("About the job").fill(
        "Pick and pack orders on day shifts.\n\nYou must pass a background check."
    )
    page.get_by_label("Category").select_option(label="Warehouse and logistics")
    page.get_by_label("Where the job is").fill("Columbus, OH")
    page.get_by_label("Pay from").fill("18")
    page.get_by_label("Pay up to").fill("21")
    page.get_by_label("Pay per").select_option(label="an hour")
    page.get_by_role("button", name="Save draft").click()

    # The wording checker flags the phrase before the employer submits.
    flags = page.get_by_role("region", name="Check your wording")
    expect(flags).to_contain_text("must pass a background check")
    expect(flags).to_contain_text("only after we make a conditional job offer")
    assert_accessible(page)
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".messages")).to_contain_text("Change it, or confirm")
    page.get_by_label("I have read the notes about wording").check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".messages")).to_contain_text("An editor will review")
    posting = JobPosting.objects.get()
    assert posting.status == Status.PENDING_REVIEW

    editor_page = open_page(browser, live_server)
    sign_in(editor_page, EditorFactory(), live_server)
    editor_page.goto("/admin/")
    editor_page.get_by_role("link", name=re.compile("Postings waiting for review")).click()
    editor_page.get_by_role("link", name="Warehouse operative").click()
    expect(editor_page.get_by_role("heading", name="Wording flags")).to_be_visible()
    editor_page.get_by_role("button", name="Approve and publish").click()
    expect(editor_page.get_by_text("is live")).to_be_visible()
    editor_page.context.close()

    posting.refresh_from_db()
    assert posting.status == Status.PUBLISHED
    visitor = open_page(browser, live_server)
    visitor.goto("/jobs/")
    assert_accessible(visitor)
    visitor.get_by_role("link", name="Warehouse operative").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Warehouse operative")
    expect(
        visitor.get_by_role("region", name="How this employer treats criminal records")
    ).to_contain_text("only look at criminal records after we offer you the job")
    assert_accessible(visitor)
    visitor.context.close()

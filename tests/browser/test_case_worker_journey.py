"""A job seeker brings in their case worker, on a phone's width and a desktop's,
with JavaScript off (each page also checked with axe and for sideways scrolling):
the seeker invites the case worker by email; the case worker, of a verified
reentry organisation, sees the seeker's matches, saves two jobs with notes and
gets an application ready; the seeker sends it; the seeker ends access and the
case worker's pages refuse at once."""

import re

import pytest
from playwright.sync_api import expect

from jobs.applications.models import Application
from partners.models import EmailInvitation, Grant
from tests.browser.viewports import WIDTHS, check, pages_at
from tests.factories import CandidateProfileFactory, PublishedPostingFactory
from tests.partners.factories import CaseWorkerFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLES = ["Forklift driver", "Warehouse picker", "Stock controller"]


@pytest.fixture
def world(es, home_page):
    from fairsite.outbox.drain import drain_due
    from fairsite.search.client import get_client
    from fairsite.search.indices import ensure
    from jobs.search.index import postings_index

    ensure(postings_index)
    for title in TITLES:
        PublishedPostingFactory(title=title, description=f"<p>{title} role with forklift work.</p>")
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)
    seeker = CandidateProfileFactory(user__first_name="Dee", user__last_name="Seeker").user
    worker = CaseWorkerFactory(
        user__first_name="Cass", user__last_name="Worker", user__email="cass@wayhome.example"
    ).user
    return seeker, worker


@pytest.mark.parametrize("width", WIDTHS)
def test_seeker_brings_in_a_case_worker_and_ends_it(browser, live_server, world, width):
    seeker, worker = world
    with pages_at(browser, live_server, width, user=seeker) as (page, checker):
        page.goto("/case-workers/")
        check(checker, "/case-workers/")
        invite = page.locator("form", has=page.get_by_role("button", name="Send the invitation"))
        invite.get_by_label("Your case worker's email address").fill("cass@wayhome.example")
        invite.get_by_label(re.compile("^Save jobs to your list")).check()
        invite.get_by_role("button", name="Send the invitation").click()
        expect(page.locator(".messages")).to_contain_text("We have emailed cass@wayhome.example")

    token = EmailInvitation.objects.get().token
    with pages_at(browser, live_server, width, user=worker) as (page, checker):
        accept = f"/caseload/invitations/{token}/"
        page.goto(accept)
        check(checker, accept)
        page.get_by_role("button", name="Accept and start helping").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Helping Dee Seeker")
        person = page.url
        check(checker, person)
        matches = page.locator(".match-list")
        for title in TITLES:
            expect(matches).to_contain_text(title)

        for title, note in (
            ("Forklift driver", "You drove forklifts for years."),
            ("Warehouse picker", "Day shifts fit your appointments."),
        ):
            page.get_by_role("link", name=re.compile(f"Save for them with a note.*{title}")).click()
            expect(page.get_by_role("heading", level=1)).to_contain_text(title)
            page.get_by_label("Your note to them").fill(note)
            page.get_by_role("button", name="Save it with my note").click()
            expect(page.locator(".messages")).to_contain_text(f"Saved “{title}”")
            expect(page.locator(".saved-jobs")).to_contain_text(note)
        check(checker, person)

        page.get_by_role(
            "link", name=re.compile("Get an application ready.*Stock controller")
        ).click()
        check(checker, page.url)
        page.get_by_label("Your note to them").fill("Say you kept stock records at your last job.")
        page.get_by_label("Send no CV").check()
        page.get_by_role("button", name="Get it ready for them").click()
        expect(page.locator(".messages")).to_contain_text("is ready")
        assert not Application.objects.exists()  # only the seeker sends

        page.goto("/caseload/")
        expect(page.locator(".caseload")).to_contain_text("Dee Seeker")
        check(checker, "/caseload/")

    with pages_at(browser, live_server, width, user=seeker) as (page, checker):
        page.goto("/case-workers/")
        expect(page.locator("#activity + ul")).to_contain_text(
            "Saved a job for you: Warehouse picker"
        )
        page.get_by_role("link", name="Check and send: Stock controller").click()
        expect(page.locator("blockquote")).to_contain_text("kept stock records")
        check(checker, page.url)
        page.get_by_label("A short note to the employer").fill("I kept stock for two years.")
        page.get_by_role("button", name="Send my application").click()
        expect(page.locator(".messages")).to_contain_text("Your application is sent")
        application = Application.objects.get()
        assert application.candidate == seeker
        assert application.cover_note == "I kept stock for two years."

        page.goto("/case-workers/")
        page.get_by_role("button", name="End access for Cass Worker").click()
        expect(page.locator(".messages")).to_contain_text("Access has ended")

    grant = Grant.objects.get()
    with pages_at(browser, live_server, width, user=worker) as (page, _checker):
        response = page.goto(person)
        assert response.status == 404
        response = page.goto(f"/caseload/{grant.public_id}/jobs/{application.posting_id}/save/")
        assert response.status == 404
        page.goto("/caseload/")
        expect(page.locator("main")).not_to_contain_text("Dee Seeker")
        expect(page.locator("main")).to_contain_text("No one has given you access yet.")

"""Journey 3: a job seeker saves a search as an alert, a matching posting is
published, and the alert email arrives with links that work (the posting, and
stopping the alert without signing in). With JavaScript and without."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from candidates.alerts.matching import check_due
from candidates.alerts.models import Alert, Frequency
from candidates.alerts.search import alerts_index
from fairsite.mail.delivery import deliver_due
from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs import services
from jobs.search.index import postings_index
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import (
    EditorFactory,
    OwnerFactory,
    PendingPostingFactory,
    PublishedPostingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def searchable(es, seeded_credentials, home_page):
    ensure(postings_index)
    ensure(alerts_index)
    PublishedPostingFactory(title="Warehouse operative", located="Columbus, OH")
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)


def search_warehouse_near_columbus(page) -> None:
    page.goto("/jobs/")
    page.get_by_label("Job title, skill or employer").fill("warehouse")
    page.get_by_label("Town, ZIP code or postcode").fill("Columbus, OH")
    page.get_by_label("Distance").select_option(label="Within 10 miles")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#results-heading")).to_contain_text("1 job for “warehouse”")


def email_path(body: str, pattern: str) -> str:
    """The path of the one link in the email whose address matches ``pattern``."""
    [url] = re.findall(rf"https?://\S*{pattern}\S*", body)
    return urlsplit(url).path


def test_alert_from_a_search_then_a_matching_posting_emails_a_working_link(
    page, searchable, live_server
):
    person = UserFactory(email="seeker@example.org")
    sign_in(page, person, live_server)
    search_warehouse_near_columbus(page)
    # A filter chosen after the search (updated in place by JavaScript) is saved too.
    page.get_by_role("link", name=re.compile(r"^Checks records only after an offer")).click()
    expect(page.locator("#results-heading")).to_contain_text("1 job for “warehouse”")
    assert_accessible(page)

    page.get_by_role("button", name="Alert me about this search").click()

    expect(page.locator(".messages")).to_contain_text("Your job alert")
    assert_accessible(page)
    [alert] = Alert.objects.filter(owner=person)
    assert (alert.text, alert.radius_miles, alert.flags) == ("warehouse", 10, ["after_offer"])
    assert alert.frequency == Frequency.INSTANT
    page.goto("/alerts/")
    expect(page.get_by_role("heading", name=alert.name)).to_be_visible()
    assert_accessible(page)

    # The worker's part: index the alert, an editor approves a matching
    # posting (its commit checks the alerts), and the mail queue is sent.
    drain_due()
    owner = OwnerFactory()
    posting = PendingPostingFactory(
        employer=owner.employer,
        created_by=owner.user,
        title="Warehouse team leader",
        located="Columbus, OH",
        check_timing="after_offer",
    )
    services.posting_approve(posting=posting, by=EditorFactory())
    check_due()
    deliver_due()

    [email] = [m for m in mail.outbox if m.to == ["seeker@example.org"]]
    assert email.subject == f"New job: Warehouse team leader at {posting.employer.name}"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = email.alternatives[0][0]
    assert "Warehouse team leader" in html

    page.goto(email_path(email.body, posting.get_absolute_url()))
    expect(page.get_by_role("heading", level=1)).to_have_text("Warehouse team leader")

    # Stopping it needs no sign-in: a fresh browser with no session.
    page.context.clear_cookies()
    page.goto(email_path(email.body, "/alerts/unsubscribe/"))
    assert_accessible(page)
    page.get_by_role("button", name="Stop these emails").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You won't get emails for this alert any more"
    )
    assert_accessible(page)
    alert.refresh_from_db()
    assert alert.is_paused


def test_saving_an_alert_works_without_javascript(page_without_js, searchable, live_server):
    page = page_without_js
    person = UserFactory()
    sign_in(page, person, live_server)
    search_warehouse_near_columbus(page)

    page.get_by_label("Weekly").check()
    page.get_by_role("button", name="Alert me about this search").click()

    expect(page.locator(".messages")).to_contain_text("Your job alert")
    [alert] = Alert.objects.filter(owner=person)
    assert (alert.text, alert.place_label, alert.frequency) == (
        "warehouse",
        "Columbus, OH",
        Frequency.WEEKLY,
    )

"""Every page of every journey, for each kind of person, on a 375 px phone and a
1280 px screen: the page is no wider than the screen, axe finds no serious or
critical problem, and it works with JavaScript off (it loads, has its one main
heading, and its header menu opens).

To have a page checked, add a `Visit` to PAGES: who looks at it, and its address
(or a function of the `world` below that gives it). One browser and one server
serve the whole sweep; each kind of person is one test, so the data is built
four times, not once a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations, horizontal_overflow, open_page, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

VISITOR, JOB_SEEKER, EMPLOYER, BOTH = "visitor", "job seeker", "employer", "both"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@dataclass(frozen=True)
class Visit:
    who: str
    path: str | Callable[[SimpleNamespace], str]
    status: int = 200

    def address(self, world: SimpleNamespace) -> str:
        return self.path(world) if callable(self.path) else self.path


PAGES = [
    # Anyone: finding a job, the employers, the guides, signing in.
    Visit(VISITOR, "/"),
    Visit(VISITOR, "/jobs/"),
    Visit(VISITOR, "/jobs/?q=warehouse&after_offer=on"),
    Visit(VISITOR, "/jobs/?q=zzzzqqqq"),
    Visit(VISITOR, "/jobs/print/?q=warehouse"),
    Visit(VISITOR, "/jobs/print/new-this-week/?place=Columbus%2C+OH"),
    Visit(VISITOR, lambda w: w.posting.get_absolute_url()),
    Visit(VISITOR, lambda w: w.employer.get_absolute_url()),
    Visit(VISITOR, "/employers/"),
    Visit(VISITOR, "/credentials/"),
    Visit(VISITOR, "/credentials/cpors/"),
    Visit(VISITOR, "/careers/"),
    Visit(VISITOR, "/careers/reentry-case-manager/"),
    Visit(VISITOR, "/guides/"),
    Visit(VISITOR, "/guides/spent-convictions/"),
    Visit(VISITOR, "/about/"),
    Visit(VISITOR, "/market/"),
    Visit(VISITOR, "/search/?q=reentry"),
    Visit(VISITOR, "/accounts/login/"),
    Visit(VISITOR, "/accounts/signup/"),
    Visit(VISITOR, "/accounts/password/reset/"),
    Visit(VISITOR, "/no-such-page/", status=404),
    # Applying or saving an alert as a visitor leads to signing in first.
    Visit(VISITOR, lambda w: reverse("jobs:apply", args=[w.other.pk, w.other.slug])),
    # A job seeker: their account, profile, jobs for them, applying, what they sent.
    Visit(JOB_SEEKER, "/dashboard/"),
    Visit(JOB_SEEKER, "/jobs/?sort=for_you"),
    Visit(JOB_SEEKER, lambda w: w.posting.get_absolute_url()),
    Visit(JOB_SEEKER, lambda w: reverse("jobs:apply", args=[w.other.pk, w.other.slug])),
    Visit(JOB_SEEKER, "/applications/"),
    Visit(JOB_SEEKER, lambda w: w.application.get_absolute_url()),
    Visit(JOB_SEEKER, "/saved-jobs/"),
    Visit(JOB_SEEKER, "/alerts/"),
    Visit(JOB_SEEKER, lambda w: reverse("alerts:edit", args=[w.alert.pk])),
    Visit(JOB_SEEKER, lambda w: reverse("alerts:delete", args=[w.alert.pk])),
    Visit(JOB_SEEKER, "/profile/"),
    Visit(JOB_SEEKER, "/profile/experience/"),
    Visit(JOB_SEEKER, "/profile/cv/"),
    Visit(JOB_SEEKER, "/profile/preferences/"),
    Visit(JOB_SEEKER, lambda w: w.profile.get_absolute_url()),
    Visit(JOB_SEEKER, "/accounts/settings/"),
    Visit(JOB_SEEKER, "/accounts/email/"),
    Visit(JOB_SEEKER, "/accounts/api-tokens/"),
    Visit(JOB_SEEKER, "/accounts/password/change/"),
    Visit(JOB_SEEKER, "/accounts/2fa/"),
    Visit(JOB_SEEKER, "/accounts/your-data/"),
    # An employer: their organisation, postings, applicants, candidates, billing.
    Visit(EMPLOYER, "/hire/"),
    Visit(EMPLOYER, "/hire/new/"),
    Visit(EMPLOYER, lambda w: reverse("employers:dashboard", args=[w.employer.slug])),
    Visit(EMPLOYER, lambda w: reverse("employers:edit", args=[w.employer.slug])),
    Visit(EMPLOYER, lambda w: reverse("employers:policy", args=[w.employer.slug])),
    Visit(EMPLOYER, lambda w: reverse("employers:team", args=[w.employer.slug])),
    Visit(EMPLOYER, lambda w: reverse("jobs:new", args=[w.employer.slug])),
    Visit(EMPLOYER, lambda w: reverse("jobs:preview", args=[w.employer.slug, w.posting.pk])),
    Visit(EMPLOYER, lambda w: reverse("jobs:edit", args=[w.employer.slug, w.draft.pk])),
    Visit(EMPLOYER, lambda w: reverse("jobs:applicants", args=[w.employer.slug, w.posting.pk])),
    Visit(EMPLOYER, lambda w: reverse("jobs:applicant", args=[w.employer.slug, w.application.pk])),
    Visit(
        EMPLOYER,
        lambda w: reverse("candidates:posting-candidates", args=[w.employer.slug, w.posting.pk]),
    ),
    Visit(
        EMPLOYER,
        lambda w: reverse(
            "candidates:invite", args=[w.employer.slug, w.posting.pk, w.discoverable.public_id]
        ),
    ),
    Visit(EMPLOYER, lambda w: w.discoverable.get_absolute_url()),
    Visit(EMPLOYER, lambda w: reverse("billing:overview", args=[w.employer.slug])),
    Visit(EMPLOYER, lambda w: reverse("billing:buy", args=[w.employer.slug])),
    # Someone who both hires and looks for work: the pages where both meet.
    Visit(BOTH, "/dashboard/"),
    Visit(BOTH, "/hire/"),
    Visit(BOTH, "/jobs/"),
]

# The header links each kind of person must have on every page.
HEADER_LINKS = {
    VISITOR: ["Find a job", "Sign in", "Create an account"],
    JOB_SEEKER: ["Jobs for you", "Your applications", "Saved jobs", "Job alerts", "Your account"],
    EMPLOYER: ["Your organisation", "Job postings", "Applicants", "Billing", "Your account"],
    BOTH: ["Jobs for you", "Your applications", "Job postings", "Applicants", "Billing"],
}


@pytest.fixture
def world(home_page, matching_indices, private_media):
    """One of everything the pages show: CMS pages, a verified employer with a live
    posting, a draft and an application, a job seeker with a profile, a saved job
    and an alert, and someone who both hires and looks for work."""
    from candidates.alerts.search import alerts_index
    from candidates.alerts.services import alert_create
    from cms.demo_pages import load_site_pages
    from cms.models import CredentialPage
    from fairsite.accounts.models import Purpose
    from fairsite.search.indices import ensure
    from jobs.search.queries import PostingQuery
    from tests.factories import (
        ApplicationFactory,
        CandidateProfileFactory,
        CreditGrantFactory,
        CreditPackFactory,
        DiscoverableCandidateFactory,
        DraftPostingFactory,
        ExperienceEntryFactory,
        OwnerFactory,
        PublishedPostingFactory,
        SavedJobFactory,
        UserFactory,
        VerifiedEmployerFactory,
    )

    ensure(alerts_index)
    load_site_pages(home_page)
    employer = VerifiedEmployerFactory(name="Riverside Warehousing", slug="riverside")
    owner = OwnerFactory(employer=employer, user__first_name="Erin").user
    posting = PublishedPostingFactory(
        employer=employer, title="Warehouse operative", category="warehouse-logistics"
    )
    posting.required_credentials.set([CredentialPage.objects.get(slug="cpors").credential])
    other = PublishedPostingFactory(employer=employer, title="Forklift driver")
    draft = DraftPostingFactory(employer=employer, title="Night shift picker")
    seeker = UserFactory(first_name="Sam", last_name="Rivera")
    profile = CandidateProfileFactory(user=seeker)
    ExperienceEntryFactory(profile=profile)
    application = ApplicationFactory(posting=posting, candidate=seeker)
    SavedJobFactory(user=seeker, posting=other)
    alert = alert_create(owner=seeker, query=PostingQuery(text="warehouse"))
    discoverable = DiscoverableCandidateFactory(headline="Forklift driver, days or nights")
    both = OwnerFactory(
        user=UserFactory(purpose=Purpose.BOTH), employer=VerifiedEmployerFactory()
    ).user
    CandidateProfileFactory(user=both)
    CreditPackFactory()
    CreditGrantFactory(employer=employer)
    matching_indices()
    return SimpleNamespace(
        employer=employer,
        posting=posting,
        other=other,
        draft=draft,
        application=application,
        profile=profile,
        alert=alert,
        discoverable=discoverable,
        people={VISITOR: None, JOB_SEEKER: seeker, EMPLOYER: owner, BOTH: both},
    )


def _problems(page: Page, visit: Visit, path: str, *, javascript: bool) -> list[str]:
    where = f"{path} at {page.viewport_size['width']} px{'' if javascript else ', no JavaScript'}"
    response = page.goto(path)
    problems = []
    if response is None or response.status != visit.status:
        problems.append(f"{where}: status {response and response.status}, not {visit.status}")
    wider = horizontal_overflow(page)
    if wider > 0:
        problems.append(f"{where}: {wider} px wider than the screen")
    if page.locator("main h1").count() != 1:
        problems.append(f"{where}: {page.locator('main h1').count()} main headings, not 1")
    if "{%" in page.inner_text("body") or "{#" in page.inner_text("body"):
        problems.append(f"{where}: template code shows on the page")
    if javascript:
        problems += [
            f"{where}: axe {v['impact']} {v['id']}: {[n['target'] for n in v['nodes'][:3]]}"
            for v in axe_violations(page)
        ]
    return problems


def _header_problems(page: Page, who: str, *, javascript: bool) -> list[str]:
    """The header's links for this person, opening the phone's menu if it is closed."""
    header = page.locator("header")
    toggle = header.locator("summary")
    if toggle.is_visible():
        toggle.click()
    where = f"{page.url} at {page.viewport_size['width']} px"
    problems = [
        f"{where}: header has no visible “{text}” link"
        for text in HEADER_LINKS[who]
        if not header.get_by_role("link", name=text, exact=True).first.is_visible()
    ]
    if horizontal_overflow(page) > 0:
        problems.append(f"{where}: wider than the screen with the menu open")
    if javascript:
        problems += [
            f"{where}, menu open: axe {v['impact']} {v['id']}" for v in axe_violations(page)
        ]
    return problems


@pytest.mark.parametrize("who", [VISITOR, JOB_SEEKER, EMPLOYER, BOTH])
def test_every_page_fits_the_screen_passes_axe_and_works_without_javascript(
    who, browser, live_server, world
):
    pages = [
        open_page(browser, live_server, viewport=PHONE),
        open_page(browser, live_server, viewport=DESKTOP),
        open_page(browser, live_server, viewport=PHONE, java_script_enabled=False),
    ]
    person = world.people[who]
    problems = []
    try:
        for page in pages:
            if person is not None:
                sign_in(page, person, live_server)
        for visit in (visit for visit in PAGES if visit.who == who):
            path = visit.address(world)
            for page in pages:
                problems += _problems(page, visit, path, javascript=page is not pages[2])
        for page in pages:
            page.goto("/jobs/")
            problems += _header_problems(page, who, javascript=page is not pages[2])
    finally:
        for page in pages:
            page.context.close()
    assert not problems, "\n".join(problems)


def test_tables_of_records_are_stacked_rows_on_a_phone_and_tables_on_a_screen(
    browser, live_server, world
):
    employer = world.people[EMPLOYER]
    tables = [
        reverse("employers:dashboard", args=[world.employer.slug]),
        reverse("jobs:applicants", args=[world.employer.slug, world.posting.pk]),
        reverse("billing:overview", args=[world.employer.slug]),
    ]
    for viewport, display in ((PHONE, "block"), (DESKTOP, "table-cell")):
        page = open_page(browser, live_server, viewport=viewport)
        try:
            sign_in(page, employer, live_server)
            for path in tables:
                page.goto(path)
                cell = page.locator(".stack-table td[data-label]").first
                assert cell.evaluate("td => getComputedStyle(td).display") == display, path
                box = cell.bounding_box()
                assert box["x"] + box["width"] <= viewport["width"], path
            if viewport is PHONE:
                # Each value says which column it is, on screen and to a screen reader.
                page.goto(tables[0])
                cell = page.get_by_role("cell", name="Applicants: 1 applicants for Warehouse")
                cell.scroll_into_view_if_needed()
                expect(cell).to_be_in_viewport(ratio=1)
        finally:
            page.context.close()

"""The demo content `make run` loads: enough of everything, honest, and stable."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from employers.demo import DEMO_EMPLOYER_OWNS, DEMO_EMPLOYER_RECRUITS_FOR, DEMO_EMPLOYERS
from employers.models import (
    CheckTiming,
    Employer,
    EmployerLocation,
    FairChancePolicy,
    Incentive,
    MemberRole,
    PolicyExclusion,
    VerificationStatus,
)
from fairsite.accounts.models import User
from fairsite.mail.models import OutgoingEmail
from fairsite.places import find_place
from jobs.demo_data import DEMO_POSTINGS
from jobs.demo_data.ironbridge import FLAGGED_DRAFT_TITLE
from jobs.forms import PostingForm
from jobs.models import Category, JobPosting, PostingEvent, PostingLocation, Status
from jobs.services import EDITABLE, wording_flags

CAREER_PATH_CATEGORIES = [
    Category.PROBATION,
    Category.CORRECTIONAL_TREATMENT,
    Category.CASE_MANAGEMENT,
    Category.PEER_SUPPORT,
    Category.MENTAL_HEALTH,
]
DEMO_EMPLOYER_EMAIL = "employer@example.com"


def load_demo() -> None:
    call_command("load_demo", stdout=StringIO())


def demo_counts() -> dict[str, int]:
    models = [
        User,
        Employer,
        EmployerLocation,
        FairChancePolicy,
        PolicyExclusion,
        JobPosting,
        PostingLocation,
        PostingEvent,
        OutgoingEmail,
    ]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_loading_the_demo_twice_creates_nothing_twice():
    load_demo()
    first = demo_counts()
    load_demo()

    assert demo_counts() == first
    assert first["Employer"] == len(DEMO_EMPLOYERS)
    assert first["JobPosting"] == len(DEMO_POSTINGS)
    assert first["OutgoingEmail"] > 0, "the services queue their emails as they would for real"


def test_each_employer_keeps_its_posting_titles_apart():
    keys = [(demo.employer, demo.title) for demo in DEMO_POSTINGS]

    assert len(keys) == len(set(keys)), "postings are found again by employer and title"


class TestDemoContent(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()
        cls.now = timezone.now()

    def visible(self):
        return JobPosting.objects.visible().select_related("employer")

    def test_there_are_at_least_forty_postings_and_thirty_are_visible(self):
        assert JobPosting.objects.count() >= 40
        assert self.visible().count() >= 30

    def test_every_career_path_has_visible_postings_asking_for_credentials(self):
        for category in CAREER_PATH_CATEGORIES:
            postings = self.visible().filter(category=category)
            asking = [
                p
                for p in postings
                if p.required_credentials.exists() or p.preferred_credentials.exists()
            ]
            assert asking, f"no visible {category.label} posting asks for a credential"

    def test_every_seeded_credential_is_asked_for_by_a_visible_posting(self):
        from jobs.models import Credential

        for credential in Credential.objects.all():
            assert (
                self.visible().filter(required_credentials=credential).exists()
                or self.visible().filter(preferred_credentials=credential).exists()
            ), credential.name

    def test_every_visible_posting_passes_the_wording_checker(self):
        flagged = {p.title: wording_flags(p) for p in self.visible() if wording_flags(p)}

        assert flagged == {}

    def test_one_draft_shows_the_wording_checker_at_work(self):
        flagged = [p for p in JobPosting.objects.all() if wording_flags(p)]

        assert [(p.title, p.status) for p in flagged] == [(FLAGGED_DRAFT_TITLE, Status.DRAFT)]

    def test_every_visible_posting_is_remote_or_placed_where_the_gazetteer_puts_it(self):
        for posting in self.visible().prefetch_related("locations"):
            locations = list(posting.locations.all())
            assert locations or posting.is_remote, posting.title
            for location in locations:
                place = find_place(location.label, prefer_country=location.country)
                assert (location.latitude, location.longitude) == place.point, location.label
                assert location.country == place.country

    def test_pay_is_in_the_currency_of_the_country(self):
        for posting in JobPosting.objects.prefetch_related("locations"):
            countries = {location.country for location in posting.locations.all()}
            expected = {"GB": "GBP", "US": "USD"}
            assert {expected[c] for c in countries} <= {posting.salary_currency}, posting.title

    def test_postings_went_live_over_the_last_six_months_and_live_ones_close_later(self):
        published = JobPosting.objects.exclude(published_at=None)
        oldest = min(p.published_at for p in published)
        weeks = {p.published_at.isocalendar()[:2] for p in published}

        assert (self.now - oldest).days <= 190
        assert len(weeks) >= 15
        assert all(p.expires_at > self.now for p in self.visible())
        assert 1 <= self.visible().filter(featured_until__gt=self.now).count() <= 6

    def test_policies_cover_every_timing_and_verification_state(self):
        policies = FairChancePolicy.objects.select_related("employer")

        assert {p.check_timing for p in policies} == set(CheckTiming.values)
        assert {p.employer.verification_status for p in policies} == set(VerificationStatus.values)
        auto = Employer.objects.filter(auto_approve_postings=True)
        assert [e.is_verified for e in auto] == [True]
        for policy in policies.filter(check_timing=CheckTiming.BEFORE_OFFER_BY_LAW):
            assert policy.exclusions.exists(), policy.employer.name

    def test_only_us_employers_use_us_hiring_incentives(self):
        for demo in DEMO_EMPLOYERS:
            policy = FairChancePolicy.objects.get(employer__slug=demo.slug)
            if demo.country == "GB":
                assert policy.incentives == [], demo.name
            assert set(policy.incentives) <= set(Incentive.values)
        assert FairChancePolicy.objects.exclude(incentives=[]).exists()

    def test_a_posting_that_checks_before_an_offer_says_why_in_its_text(self):
        for posting in self.visible().filter(check_timing=CheckTiming.BEFORE_OFFER_BY_LAW):
            assert "law" in posting.description, posting.title

    def test_the_demo_employer_dashboard_shows_postings_in_every_state(self):
        user = User.objects.get(email=DEMO_EMPLOYER_EMAIL)
        own = user.memberships.get(role=MemberRole.OWNER).employer
        statuses = set(own.postings.values_list("status", flat=True))
        self.client.force_login(user)

        response = self.client.get(f"/hire/{own.slug}/")

        assert own.slug == DEMO_EMPLOYER_OWNS
        assert response.status_code == 200
        assert {
            Status.DRAFT,
            Status.PENDING_REVIEW,
            Status.REJECTED,
            Status.PUBLISHED,
            Status.EXPIRED,
        } <= statuses
        assert own.postings.get(status=Status.REJECTED).rejection_reason
        for posting in own.postings.all():
            self.assertContains(response, posting.title.replace("'", "&#x27;"))
        recruiting = self.client.get(f"/hire/{DEMO_EMPLOYER_RECRUITS_FOR}/")
        assert recruiting.status_code == 200

    def test_every_employer_page_and_visible_posting_page_opens_for_a_visitor(self):
        for employer in Employer.objects.all():
            assert self.client.get(employer.get_absolute_url()).status_code == 200, employer
        for posting in self.visible():
            response = self.client.get(posting.get_absolute_url())
            assert response.status_code == 200, posting.title
        hidden = JobPosting.objects.exclude(pk__in=self.visible().values("pk"))
        for posting in hidden:
            # One that was live and has ended says so (410); the rest stay unknown.
            expected = 410 if posting.has_closed else 404
            response = self.client.get(posting.get_absolute_url())
            assert response.status_code == expected, posting.title

    def test_every_editable_posting_can_be_saved_again_through_the_posting_form(self):
        for posting in JobPosting.objects.filter(status__in=EDITABLE):
            form = PostingForm(data=form_data(posting), policy=posting.employer.policy)
            assert form.is_valid(), (posting.title, form.errors)


def form_data(posting: JobPosting) -> dict:
    """What the edit form would post back, unchanged, for this posting."""
    initial = PostingForm.initial_from(posting)
    data = {name: "" if value is None else value for name, value in initial.items()}
    data["locations"] = "\n".join(initial["locations"])
    data["skills"] = ", ".join(posting.skills)
    for name in ("required_credentials", "preferred_credentials"):
        data[name] = [credential.pk for credential in initial[name]]
    return data

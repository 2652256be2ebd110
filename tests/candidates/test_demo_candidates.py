"""The demo's candidates: discoverable people the demo employer finds for its
own live job, one invitation the invited person sees, and nothing twice."""

from io import StringIO

import pytest
from django.core.management import call_command

from candidates.demo import DEMO_CANDIDATES, INVITATION
from candidates.models import ApplyInvitation, CandidateProfile, PrivatePreferences
from jobs.models import JobPosting
from tests.html import parse

pytestmark = pytest.mark.django_db(transaction=True)


def load_demo() -> None:
    call_command("load_demo", stdout=StringIO())


def test_the_demo_has_discoverable_candidates_and_one_invitation_once(home_page, matching_indices):
    load_demo()
    load_demo()

    emails = {demo.email for demo in DEMO_CANDIDATES}
    profiles = CandidateProfile.objects.filter(user__email__in=emails)
    assert profiles.count() == len(DEMO_CANDIDATES) >= 4
    assert all(p.is_discoverable and p.home for p in profiles)
    assert ApplyInvitation.objects.count() == 1
    assert not PrivatePreferences.objects.filter(user__email__in=emails).exists()


def test_the_demo_employer_sees_candidates_and_the_invited_person_sees_the_invitation(
    client, home_page, matching_indices
):
    load_demo()
    matching_indices()
    invited_email, title = INVITATION
    posting = JobPosting.objects.visible().get(title=title)
    client.force_login(posting.employer.memberships.get(user__email="employer@example.com").user)

    page = parse(client.get(f"/hire/{posting.employer.slug}/matches/{posting.pk}/"))

    headlines = [h.get_text(strip=True) for h in page.select(".match-card__title")]
    assert headlines, "the employer's matched-candidates page shows someone"
    assert "You have invited them to apply." in page.get_text()
    client.force_login(CandidateProfile.objects.get(user__email=invited_email).user)
    dashboard = parse(client.get("/dashboard/"))
    assert title in dashboard.select_one("#invitations").find_next("ul").get_text()

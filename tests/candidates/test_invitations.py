"""Invitations to apply: never to someone who already applied for (or was hired
into) the same job, and the invited person sees the invitation on their
dashboard with a way to apply."""

import pytest

from candidates.models import ApplyInvitation
from candidates.services import invite_to_apply
from fairsite.mail.models import OutgoingEmail
from jobs.applications.models import Stage
from tests.candidates.test_matching_pages import _candidates_url
from tests.factories import (
    ApplicationFactory,
    DiscoverableCandidateFactory,
    OwnerFactory,
    PublishedPostingFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer_posting(client):
    """A live posting of a verified employer, whose owner is signed in."""
    membership = OwnerFactory(employer__verification_status="verified")
    posting = PublishedPostingFactory(employer=membership.employer, title="Forklift driver")
    client.force_login(membership.user)
    return posting


def invite_url(posting, profile) -> str:
    return f"{_candidates_url(posting)}invite/{profile.public_id}/"


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        (Stage.SUBMITTED, "already applied for this job"),
        (Stage.INTERVIEW, "already applied for this job"),
        (Stage.WITHDRAWN, "applied for this job and then withdrew"),
        (Stage.HIRED, "already hired this person for this job"),
    ],
)
def test_someone_who_applied_is_not_invited_again(
    client, matching_indices, employer_posting, stage, expected
):
    profile = DiscoverableCandidateFactory()
    application = ApplicationFactory(posting=employer_posting, candidate=profile.user, stage=stage)
    matching_indices()

    form_page = client.get(invite_url(employer_posting, profile))
    posted = client.post(invite_url(employer_posting, profile), {"message": "Hello"})

    assert expected in parse(form_page).select_one(".notice").get_text()
    assert not parse(form_page).select("textarea[name=message]")
    assert posted.status_code == 409
    assert expected in parse(posted).select_one(".notice").get_text()
    assert not ApplyInvitation.objects.exists()
    assert not OutgoingEmail.objects.filter(to=[profile.user.email]).exists()
    # The list of people who suit the job says they applied and links to it.
    page = parse(client.get(_candidates_url(employer_posting)))
    link = page.select_one(f"a[href$='/applicants/{application.pk}/']")
    assert link is not None
    assert not page.select(f"a[href='{invite_url(employer_posting, profile)}']")


def test_the_service_refuses_too(matching_indices, employer_posting):
    profile = DiscoverableCandidateFactory()
    ApplicationFactory(posting=employer_posting, candidate=profile.user)
    member = employer_posting.employer.memberships.get().user

    with pytest.raises(Exception, match="already applied"):
        invite_to_apply(posting=employer_posting, profile=profile, by=member)


def test_an_application_to_another_job_does_not_stop_an_invitation(
    client, matching_indices, employer_posting
):
    profile = DiscoverableCandidateFactory()
    ApplicationFactory(posting=PublishedPostingFactory(), candidate=profile.user)

    client.post(invite_url(employer_posting, profile), {"message": ""})

    assert ApplyInvitation.objects.filter(profile=profile).exists()


def test_the_invited_person_sees_the_invitation_and_can_apply(
    client, matching_indices, employer_posting
):
    profile = DiscoverableCandidateFactory()
    client.post(invite_url(employer_posting, profile), {"message": "Your forklift work fits."})
    client.force_login(profile.user)

    page = parse(client.get("/dashboard/"))

    section = page.select_one("#invitations").find_next("ul")
    text = section.get_text(" ", strip=True)
    assert employer_posting.title in text
    assert employer_posting.employer.name in text
    assert "Your forklift work fits." in text
    apply = f"/jobs/{employer_posting.pk}/{employer_posting.slug}/apply/"
    assert section.select_one(f"a[href='{apply}']")


def test_an_invitation_leaves_the_dashboard_once_they_apply_or_the_job_closes(
    client, matching_indices, employer_posting
):
    profile = DiscoverableCandidateFactory()
    client.post(invite_url(employer_posting, profile), {"message": ""})
    client.force_login(profile.user)
    ApplicationFactory(posting=employer_posting, candidate=profile.user)
    assert not parse(client.get("/dashboard/")).select_one("#invitations")

    other = PublishedPostingFactory(employer=employer_posting.employer)
    ApplyInvitation.objects.create(posting=other, profile=profile)
    other.status = "closed"
    other.save()
    assert not parse(client.get("/dashboard/")).select_one("#invitations")

"""Who may find discoverable people: only active members of employers an editor
has verified, on every route (matched candidates, the profile, the invitation's
form and its POST) and in the invitation service itself.

Anyone can sign up and make an organisation, so a member of an unverified one,
or a recruiter removed from a verified one who then makes their own, sees no one.
"""

import pytest
from django.core.exceptions import PermissionDenied

from candidates.models import ApplyInvitation
from candidates.services import invite_to_apply
from employers.models import Employer, VerificationStatus
from employers.selectors import employers_of, may_find_candidates, memberships_of
from employers.services import employer_unverify, employer_verify, membership_remove
from fairsite.mail.models import OutgoingEmail
from tests.factories import (
    DiscoverableCandidateFactory,
    EditorFactory,
    ExperienceEntryFactory,
    MembershipFactory,
    OwnerFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

HEADLINE = "Forklift driver with five years in cold stores"
SUMMARY = "I kept a 40-tonne chiller moving through two winters."
PAST_JOB = "Reach truck operator"


@pytest.fixture
def candidate(matching_indices):
    profile = DiscoverableCandidateFactory(headline=HEADLINE, summary=SUMMARY)
    ExperienceEntryFactory(profile=profile, title=PAST_JOB)
    return profile


def matches_url(posting) -> str:
    return f"/hire/{posting.employer.slug}/matches/{posting.pk}/"


def invite_url(posting, profile) -> str:
    return f"{matches_url(posting)}invite/{profile.public_id}/"


def every_route(client, posting, profile) -> list:
    """The matched candidates, the invitation form and its POST, for this posting."""
    return [
        client.get(matches_url(posting)),
        client.get(invite_url(posting, profile)),
        client.post(invite_url(posting, profile), {"message": "Hello"}),
    ]


def assert_no_one_shown(response, profile) -> None:
    text = response.content.decode()
    for private in (HEADLINE, SUMMARY, PAST_JOB, str(profile.public_id), "Columbus"):
        assert private not in text


def test_a_verified_employer_s_members_see_and_invite(client, candidate, matching_indices):
    owner = OwnerFactory(employer=VerifiedEmployerFactory())
    posting = PublishedPostingFactory(employer=owner.employer, title="Forklift driver")
    recruiter = MembershipFactory(employer=owner.employer).user
    matching_indices()
    client.force_login(recruiter)

    page = parse(client.get(matches_url(posting)))
    assert [h.get_text(strip=True) for h in page.select(".match-card__title")] == [HEADLINE]
    profile_page = client.get(candidate.get_absolute_url())
    assert profile_page.status_code == 200
    assert SUMMARY in profile_page.content.decode()
    assert client.get(invite_url(posting, candidate)).status_code == 200
    response = client.post(invite_url(posting, candidate), {"message": "Come and see us."})

    assert response.status_code == 302
    assert ApplyInvitation.objects.get().invited_by == recruiter
    assert OutgoingEmail.objects.filter(to=[candidate.user.email]).count() == 1


@pytest.mark.parametrize(
    "status", [VerificationStatus.UNVERIFIED, VerificationStatus.PENDING], ids=str
)
@pytest.mark.parametrize("role", ["owner", "recruiter"])
def test_members_of_an_unchecked_organisation_are_refused_everywhere(
    client, candidate, matching_indices, status, role
):
    membership = MembershipFactory(role=role, employer__verification_status=status)
    posting = PublishedPostingFactory(employer=membership.employer, title="Forklift driver")
    matching_indices()
    client.force_login(membership.user)

    for response in every_route(client, posting, candidate):
        assert response.status_code == 403
        assert_no_one_shown(response, candidate)
        page = parse(response)
        assert "once our editors have checked" in page.select_one(".notice").get_text()
        assert not page.select("form textarea")
        waiting = "Our editors are checking your policy now." in page.get_text()
        assert waiting is (status == VerificationStatus.PENDING)
    assert client.get(candidate.get_absolute_url()).status_code == 404
    assert not ApplyInvitation.objects.exists()
    assert not OutgoingEmail.objects.filter(to=[candidate.user.email]).exists()


def test_a_removed_recruiter_loses_the_people_with_the_membership(
    client, candidate, matching_indices
):
    owner = OwnerFactory(employer=VerifiedEmployerFactory())
    posting = PublishedPostingFactory(employer=owner.employer, title="Forklift driver")
    membership = MembershipFactory(employer=owner.employer)
    matching_indices()
    client.force_login(membership.user)
    assert HEADLINE in client.get(matches_url(posting)).content.decode()

    membership_remove(membership=membership, by=owner.user)
    # They then make an organisation of their own, with a live job.
    own = OwnerFactory(user=membership.user)
    own_posting = PublishedPostingFactory(employer=own.employer, title="Forklift driver")
    matching_indices()

    for response in every_route(client, posting, candidate):
        assert response.status_code == 404
        assert_no_one_shown(response, candidate)
    for response in every_route(client, own_posting, candidate):
        assert response.status_code == 403
        assert_no_one_shown(response, candidate)
    assert client.get(candidate.get_absolute_url()).status_code == 404
    assert not ApplyInvitation.objects.exists()


def test_losing_the_verified_badge_loses_the_people_and_regaining_it_gives_them_back(
    client, candidate, matching_indices
):
    owner = OwnerFactory(employer=VerifiedEmployerFactory())
    posting = PublishedPostingFactory(employer=owner.employer, title="Forklift driver")
    matching_indices()
    client.force_login(owner.user)
    editor = EditorFactory()

    employer_unverify(employer=owner.employer, by=editor, reason="The policy changed.")
    refused = client.get(matches_url(posting))
    employer_verify(employer=Employer.objects.get(pk=owner.employer.pk), by=editor)
    allowed = client.get(matches_url(posting))

    assert refused.status_code == 403
    assert_no_one_shown(refused, candidate)
    assert allowed.status_code == 200
    assert HEADLINE in allowed.content.decode()


def test_the_invitation_service_refuses_anyone_who_may_not_find_people(candidate):
    unverified = OwnerFactory()
    posting = PublishedPostingFactory(employer=unverified.employer)
    verified_elsewhere = OwnerFactory(employer=VerifiedEmployerFactory()).user

    for by in (unverified.user, verified_elsewhere):
        with pytest.raises(PermissionDenied):
            invite_to_apply(posting=posting, profile=candidate, by=by, message="")

    assert not ApplyInvitation.objects.exists()


def test_an_account_switched_off_is_a_member_of_nothing():
    membership = OwnerFactory(employer=VerifiedEmployerFactory())
    user = membership.user
    assert may_find_candidates(user)
    assert list(employers_of(user)) == [membership.employer]

    user.is_active = False
    user.save()

    assert not memberships_of(user).exists()
    assert not employers_of(user).exists()
    assert not may_find_candidates(user)
    assert not may_find_candidates(user, membership.employer)


def test_the_verified_queryset_and_the_badge_agree_for_every_status():
    employers = {
        status: OwnerFactory(employer__verification_status=status).employer
        for status in VerificationStatus.values
    }

    verified = set(Employer.objects.verified())

    assert verified == {employers[VerificationStatus.VERIFIED]}
    for employer in employers.values():
        assert employer.is_verified is (employer in verified)


def test_only_a_verified_employer_s_posting_page_links_to_the_people(client):
    for employer, shown in ((VerifiedEmployerFactory(), True), (OwnerFactory().employer, False)):
        member = MembershipFactory(employer=employer).user
        posting = PublishedPostingFactory(employer=employer)
        client.force_login(member)

        page = parse(client.get(f"/hire/{employer.slug}/postings/{posting.pk}/"))

        assert bool(page.select(f"a[href='{matches_url(posting)}']")) is shown


def test_the_candidate_s_own_pages_say_who_can_find_them(client):
    profile = DiscoverableCandidateFactory()
    client.force_login(profile.user)

    summary = parse(client.get(profile.get_absolute_url())).select_one("main .meta").get_text()
    form = parse(client.get("/profile/"))
    hint = form.select_one("#id_is_discoverable").find_parent(class_="field").get_text(" ")

    assert "Only staff of employers our editors have checked can find your profile" in summary
    assert "only staff of employers our editors have checked can find your profile" in hint

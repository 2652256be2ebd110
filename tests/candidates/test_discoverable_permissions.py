"""Who may see a profile its owner made discoverable: its owner and members of
verified employers, never its preferences; its CV stays its owner's
(applications decide the rest)."""

import pytest

from candidates.preferences import FairChancePreferences
from candidates.selectors import can_read_cv, can_read_profile
from candidates.services import cv_save, preferences_save
from employers.models import VerificationStatus
from employers.services import membership_remove
from tests.candidates import files
from tests.factories import (
    DiscoverableCandidateFactory,
    EditorFactory,
    ExperienceEntryFactory,
    MembershipFactory,
    OwnerFactory,
    UserFactory,
    VerifiedEmployerFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

CHOSEN = FairChancePreferences(
    only_checks_after_offer=True,
    highest_check_level="basic",
    avoid_duties=("children", "driving"),
    needs_support=("flexible_hours",),
)


@pytest.fixture
def profile():
    profile = DiscoverableCandidateFactory(
        headline="Peer mentor with lived experience", summary="I help people settle back in."
    )
    ExperienceEntryFactory(profile=profile, title="Peer mentor")
    cv_save(user=profile.user, upload=files.upload("cv.pdf", files.minimal_pdf()))
    preferences_save(user=profile.user, preferences=CHOSEN)
    return profile


# (visitor, may see the profile, may download the CV)
MATRIX = [
    ("owner", True, True),
    ("verified-employer-owner", True, False),
    ("verified-employer-recruiter", True, False),
    ("unverified-employer-owner", False, False),
    ("unverified-employer-recruiter", False, False),
    ("pending-employer-owner", False, False),
    ("removed-recruiter", False, False),
    ("another-candidate", False, False),
    ("site-editor", False, False),
]


def _removed_recruiter():
    """Removed from a verified employer, then made an organisation of their own."""
    membership = MembershipFactory(employer=VerifiedEmployerFactory())
    owner = OwnerFactory(employer=membership.employer).user
    membership_remove(membership=membership, by=owner)
    OwnerFactory(user=membership.user)
    return membership.user


def _visitor(kind, profile):
    return {
        "owner": lambda: profile.user,
        "verified-employer-owner": lambda: OwnerFactory(employer=VerifiedEmployerFactory()).user,
        "verified-employer-recruiter": lambda: (
            MembershipFactory(employer=VerifiedEmployerFactory()).user
        ),
        "unverified-employer-owner": lambda: OwnerFactory().user,
        "unverified-employer-recruiter": lambda: MembershipFactory().user,
        "pending-employer-owner": lambda: (
            OwnerFactory(employer__verification_status=VerificationStatus.PENDING).user
        ),
        "removed-recruiter": _removed_recruiter,
        "another-candidate": UserFactory,
        "site-editor": EditorFactory,
    }[kind]()


@pytest.mark.parametrize(("kind", "sees_profile", "sees_cv"), MATRIX, ids=[m[0] for m in MATRIX])
def test_the_permission_matrix_for_a_discoverable_profile(
    client, profile, kind, sees_profile, sees_cv
):
    user = _visitor(kind, profile)
    client.force_login(user)

    assert can_read_profile(user, profile) is sees_profile
    assert can_read_cv(user, profile) is sees_cv
    assert client.get(profile.get_absolute_url()).status_code == (200 if sees_profile else 404)
    cv = client.get(f"/candidates/{profile.public_id}/cv/")
    assert cv.status_code == (200 if sees_cv else 404)


def verified_owner():
    return OwnerFactory(employer=VerifiedEmployerFactory()).user


def test_an_employer_sees_the_profile_without_preferences_cv_or_address(client, profile):
    client.force_login(verified_owner())

    page = parse(client.get(profile.get_absolute_url()))
    text = page.get_text(" ", strip=True)

    assert "Peer mentor with lived experience" in text
    assert "Peer mentor, Parcel & Pallet Ltd" in text
    assert "Only you can see this page" not in text
    # The town only, never the address or postcode they typed.
    assert "Where they live Columbus, up to 10 miles" in text
    assert not page.select(f"a[href*='{profile.public_id}/cv']")
    for word in ("preference", "after an offer", "flexible hours", "children", "driving"):
        assert word not in text.lower()


def test_switching_discovery_off_hides_the_profile_from_employers_at_once(client, profile):
    client.force_login(verified_owner())
    assert client.get(profile.get_absolute_url()).status_code == 200

    profile.is_discoverable = False
    profile.save()

    assert client.get(profile.get_absolute_url()).status_code == 404


def test_a_visitor_who_is_not_signed_in_is_asked_to_sign_in(client, profile):
    response = client.get(profile.get_absolute_url())

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]

"""Who may see what: a person sees only their own profile, CV and preferences."""

import pytest

from candidates.preferences import FairChancePreferences
from candidates.selectors import can_read_cv, can_read_profile
from candidates.services import cv_save, preferences_save
from tests.candidates import files
from tests.factories import CandidateProfileFactory, EditorFactory, OwnerFactory, UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

OWN_PAGES = ["/profile/", "/profile/experience/", "/profile/cv/", "/profile/preferences/"]


@pytest.fixture
def profile():
    profile = CandidateProfileFactory(headline="Owner's own headline")
    cv_save(user=profile.user, upload=files.upload("cv.pdf", files.minimal_pdf()))
    preferences_save(
        user=profile.user, preferences=FairChancePreferences(avoid_duties=("children",))
    )
    return profile


def named_pages(profile) -> list[str]:
    return [profile.get_absolute_url(), f"/candidates/{profile.public_id}/cv/"]


def test_the_owner_sees_their_profile_and_cv(client, profile):
    client.force_login(profile.user)

    for url in [*OWN_PAGES, *named_pages(profile)]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "visitor",
    [UserFactory, lambda: OwnerFactory().user, EditorFactory],
    ids=["another-candidate", "employer", "site-editor"],
)
def test_everyone_else_gets_404_for_a_profile_and_its_cv(client, profile, visitor):
    user = visitor()
    client.force_login(user)

    for url in named_pages(profile):
        assert client.get(url).status_code == 404, url
    assert not can_read_profile(user, profile)
    assert not can_read_cv(user, profile)


def test_own_pages_only_ever_show_the_signed_in_persons_own_data(client, profile):
    client.force_login(UserFactory())

    for url in OWN_PAGES:
        page = parse(client.get(url))
        assert "Owner's own headline" not in str(page)
        assert str(profile.public_id) not in str(page)
    preferences_page = parse(client.get("/profile/preferences/"))
    assert not preferences_page.select("input[name=avoid_duties][checked]")


def test_anonymous_visitors_are_sent_to_sign_in(client, profile):
    for url in [*OWN_PAGES, *named_pages(profile)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url


def test_can_read_cv_is_the_owner_only_for_now(profile):
    assert can_read_cv(profile.user, profile)
    assert not can_read_cv(UserFactory(), profile)

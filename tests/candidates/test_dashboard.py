"""The job seeker's part of the account dashboard."""

import pytest

from candidates.preferences import FairChancePreferences
from candidates.services import preferences_save
from fairsite.accounts.models import Purpose
from tests.factories import (
    CandidateProfileFactory,
    EducationEntryFactory,
    ExperienceEntryFactory,
    UserFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

LINKS = {
    "/profile/",
    "/profile/experience/",
    "/profile/cv/",
    "/profile/preferences/",
    "/accounts/your-data/",
    "/accounts/delete/",
}


def dashboard(client, user):
    client.force_login(user)
    return parse(client.get("/dashboard/"))


def test_a_new_job_seeker_is_asked_to_make_a_profile_and_sees_every_link(client):
    page = dashboard(client, UserFactory())

    assert "You have not made a profile yet" in page.get_text()
    hrefs = {a["href"] for a in page.select("main a")}
    assert hrefs >= LINKS


def test_completeness_counts_what_is_filled_in_and_links_to_what_is_missing(client):
    profile = CandidateProfileFactory()
    ExperienceEntryFactory(profile=profile)

    page = dashboard(client, profile.user)

    # Headline, skills, kinds of work, home, start date, jobs: 6 of 8.
    assert "Your profile is 75% complete." in page.get_text()
    missing = {a.get_text(strip=True): a["href"] for a in page.select("main ul")[0].select("a")}
    assert missing == {
        "Training or education": "/profile/experience/",
        "A CV on your profile, if you have one": "/profile/cv/",
    }


def test_preferences_never_count_towards_completeness(client):
    profile = CandidateProfileFactory()
    ExperienceEntryFactory(profile=profile)
    EducationEntryFactory(profile=profile)
    before = dashboard(client, profile.user).get_text()

    preferences_save(
        user=profile.user, preferences=FairChancePreferences(only_checks_after_offer=True)
    )

    assert "88% complete" in before
    assert "88% complete" in dashboard(client, profile.user).get_text()


def test_people_only_hiring_see_no_job_search_section(client):
    page = dashboard(client, UserFactory(purpose=Purpose.HIRE))

    assert "Your job search" not in page.get_text()
    assert {"/accounts/your-data/", "/accounts/delete/"} <= {a["href"] for a in page.select("a")}

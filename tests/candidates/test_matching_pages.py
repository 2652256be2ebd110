"""Matches on the pages people see: "Jobs for you", the "Best for you" sort, the
credential gap, employers' matched candidates and the invitation to apply."""

import logging

import pytest
from django.db import connection

from candidates.models import ApplyInvitation
from candidates.preferences import FairChancePreferences
from candidates.services import preferences_save
from fairsite.mail.models import OutgoingEmail
from tests.candidates.test_preferences import TELLTALES as ALL_TELLTALES
from tests.factories import (
    CandidateProfileFactory,
    DiscoverableCandidateFactory,
    OwnerFactory,
    PublishedPostingFactory,
    credential,
)
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db

# What a preference could give away, as a name or a value, less the words
# job pages use anyway (the "Driving and delivery" category, "basic" checks).
TELLTALES = [word for word in ALL_TELLTALES if word not in {"driving", "basic", "cash"}]


@pytest.fixture
def seeker(client, seeded_credentials):
    profile = CandidateProfileFactory(headline="", kind="both", travel_radius=25)
    profile.credentials.set([credential("cpors")])
    client.force_login(profile.user)
    return profile


def _texts(page, selector):
    return [el.get_text(" ", strip=True) for el in page.select(selector)]


# The job seeker's side -------------------------------------------------------


def test_the_dashboard_lists_jobs_for_you_with_their_reasons(client, matching_indices, seeker):
    posting = PublishedPostingFactory(title="Reentry case worker", skills=["Forklift"])
    posting.required_credentials.set([credential("cpors")])
    PublishedPostingFactory(title="Checks before offer", check_timing="before_offer_by_law")
    matching_indices()
    preferences_save(
        user=seeker.user, preferences=FairChancePreferences(only_checks_after_offer=True)
    )

    page = parse(client.get("/dashboard/"))

    section = page.select_one("#jobs-for-you").find_parent()
    assert _texts(page, ".match-list .posting-card__title") == ["Reentry case worker"]
    reasons = _texts(page, ".match-list .reasons li")
    assert "You hold CPORS, which this role requires" in reasons
    assert "It asks for forklift, one of your skills" in reasons
    assert "Less than a mile from you" in reasons
    assert section.select_one("a[href='/jobs/?sort=for_you']")
    assert "Only 1 job matches your profile just now" in section.get_text(" ", strip=True)


def test_the_dashboard_says_nothing_about_few_jobs_when_there_are_enough(
    client, matching_indices, seeker
):
    for number in range(5):
        PublishedPostingFactory(title=f"Warehouse operative {number}")
    matching_indices()

    page = parse(client.get("/dashboard/"))

    assert len(_texts(page, ".match-list .posting-card__title")) == 5
    assert "Only" not in page.select_one("#jobs-for-you").find_parent().get_text()


def test_a_reentry_professional_sees_the_credentials_that_would_open_more_roles(
    client, matching_indices, seeker
):
    for _ in range(2):
        PublishedPostingFactory().required_credentials.set([credential("cpscp")])
    PublishedPostingFactory().required_credentials.set([credential("cpors")])
    far = PublishedPostingFactory(located="Far away", located__latitude=45.0)
    far.required_credentials.set([credential("reentry-mental-health-services")])
    matching_indices()

    page = parse(client.get("/dashboard/"))

    assert page.select_one("#credential-gap")
    assert _texts(page, ".gap-list li") == [
        "Certified Professional in Second Chance Programs (CPSCP): "
        "2 open roles within 25 miles require it"
    ]


def test_a_job_seeker_who_is_not_a_reentry_professional_sees_no_credential_gap(
    client, matching_indices, seeker
):
    seeker.kind = "job_seeker"
    seeker.save()
    PublishedPostingFactory().required_credentials.set([credential("cpscp")])
    matching_indices()

    page = parse(client.get("/dashboard/"))

    assert page.select_one("#jobs-for-you")
    assert page.select_one("#credential-gap") is None


def test_with_search_down_the_dashboard_says_so_and_still_works(client, seeker):
    response = client.get("/dashboard/")

    assert response.status_code == 200
    assert "We can't choose jobs for you right now" in parse(response).get_text()


def test_the_search_page_sorts_best_for_you_and_shows_why(client, matching_indices, seeker):
    PublishedPostingFactory(title="Cook", category="hospitality-food")
    PublishedPostingFactory(title="Warehouse operative")
    PublishedPostingFactory(
        title="Counts spent", employer__with_policy__ignores_spent_convictions=False
    )
    matching_indices()
    preferences_save(
        user=seeker.user, preferences=FairChancePreferences(only_ignores_spent_convictions=True)
    )

    page = parse(client.get("/jobs/?sort=for_you"))

    assert _texts(page, ".posting-card__title") == ["Warehouse operative", "Cook"]
    first = page.select_one(".posting-card")
    assert "Warehouse and logistics is work you said you want" in _texts(first, ".reasons li")
    assert page.select_one("option[value=for_you][selected]")
    # Printed, the list keeps the person's own order.
    printed = parse(client.get("/jobs/print/?sort=for_you"))
    assert _texts(printed, ".printed-job__title") == ["Warehouse operative", "Cook"]


def test_best_for_you_needs_a_profile_and_says_so_next_to_the_sort(client, matching_indices):
    PublishedPostingFactory(title="Cook")
    matching_indices()

    response = client.get("/jobs/?sort=for_you")

    assert response.status_code == 200
    page = parse(response)
    summary = page.select_one(".error-summary").get_text(" ", strip=True)
    assert "To sort jobs for you, sign in and make a profile first." in summary
    assert _texts(page, ".posting-card__title") == ["Cook"]
    assert page.select_one("option[value=for_you]") is None


def test_matching_puts_no_preference_in_urls_or_log_lines(client, matching_indices, seeker, caplog):
    PublishedPostingFactory()
    matching_indices()
    preferences_save(
        user=seeker.user,
        preferences=FairChancePreferences(
            only_checks_after_offer=True,
            avoid_duties=("vulnerable_adults",),
            needs_support=("flexible_hours",),
        ),
    )
    # Every logger at its most talkative the project allows, SQL included.
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    urls = []
    connection.force_debug_cursor = True
    try:
        for url in ("/dashboard/", "/jobs/?sort=for_you"):
            response = client.get(url, follow=True)
            urls += [url, *(hop for hop, _ in response.redirect_chain)]
            page = parse(response)
            urls += [a.get("href", "") for a in page.select("a")]
            urls += [f.get("action", "") for f in page.select("form")]
    finally:
        connection.force_debug_cursor = False

    logged = "\n".join(record.getMessage() for record in caplog.records).lower()
    assert "select" in logged  # the SQL log really was captured
    assert "_search" in logged  # and the search requests
    for word in TELLTALES:
        assert word not in logged
        assert not any(word in url.lower() for url in urls)


# The employer's side ---------------------------------------------------------


@pytest.fixture
def employer_posting(client, seeded_credentials):
    membership = OwnerFactory(employer__verification_status="verified")
    posting = PublishedPostingFactory(
        employer=membership.employer, title="Forklift driver", skills=["Forklift"]
    )
    posting.required_credentials.set([credential("cpors")])
    client.force_login(membership.user)
    return posting


def _candidates_url(posting):
    return f"/hire/{posting.employer.slug}/matches/{posting.pk}/"


def test_an_employer_sees_discoverable_matches_with_reasons_and_no_preferences(
    client, matching_indices, employer_posting
):
    holder = DiscoverableCandidateFactory(headline="Forklift driver, CPORS")
    holder.credentials.set([credential("cpors")])
    DiscoverableCandidateFactory(headline="Forklift driver without CPORS")
    CandidateProfileFactory(headline="Hidden from employers")
    matching_indices()

    def page():
        return parse(client.get(_candidates_url(employer_posting)))

    before = page()
    preferences_save(
        user=holder.user,
        preferences=FairChancePreferences(
            only_checks_after_offer=True, avoid_duties=("driving",), highest_check_level="none"
        ),
    )
    after = page()

    assert _texts(after, ".match-card__title") == [
        "Forklift driver, CPORS",
        "Forklift driver without CPORS",
    ]
    first, second = after.select(".match-card")
    assert "Holds CPORS, which this role requires" in _texts(first, ".reasons li")
    assert "Lists Forklift among their skills" in _texts(first, ".reasons li")
    assert "Lives less than a mile from the job" in _texts(first, ".reasons li")
    assert "Doesn't hold CPORS" in second.get_text()
    for token in (
        *before.select("input[name=csrfmiddlewaretoken]"),
        *after.select("input[name=csrfmiddlewaretoken]"),
    ):
        token.decompose()
    assert str(before) == str(after)


def test_matched_candidates_are_for_members_of_the_posting_s_employer_only(
    client, matching_indices, employer_posting
):
    url = _candidates_url(employer_posting)
    other = OwnerFactory()
    client.force_login(other.user)
    assert client.get(url).status_code == 404
    assert (
        client.get(f"/hire/{other.employer.slug}/matches/{employer_posting.pk}/").status_code == 404
    )
    client.logout()
    assert client.get(url).status_code == 302


def test_an_employer_invites_a_candidate_and_the_email_goes_to_them(
    client, matching_indices, employer_posting
):
    profile = DiscoverableCandidateFactory()
    matching_indices()
    url = f"{_candidates_url(employer_posting)}invite/{profile.public_id}/"

    response = client.post(url, {"message": "Your forklift work looks like a fit."}, follow=True)

    assert "Your invitation is on its way" in parse(response).get_text()
    invitation = ApplyInvitation.objects.get()
    assert (invitation.posting, invitation.profile) == (employer_posting, profile)
    email = OutgoingEmail.objects.get(to=[profile.user.email])
    assert employer_posting.title in email.subject
    assert employer_posting.get_absolute_url() in email.body_text
    assert "Your forklift work looks like a fit." in email.body_text
    assert profile.user.email not in parse(response).get_text()
    page = parse(client.get(_candidates_url(employer_posting)))
    assert "You have invited them to apply." in page.get_text()

    again = client.post(url, {"message": ""})
    assert "already invited this person" in parse(again).select_one(".error-summary").get_text()
    assert ApplyInvitation.objects.count() == 1


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("x" * 1001, "Keep the message to 1000 characters or fewer."),
        ("Apply if you have a clean record.", "Take out the words about records"),
    ],
)
def test_a_bad_invitation_message_is_refused_next_to_the_field(
    client, matching_indices, employer_posting, message, expected
):
    profile = DiscoverableCandidateFactory()
    url = f"{_candidates_url(employer_posting)}invite/{profile.public_id}/"

    response = client.post(url, {"message": message})

    page = assert_form_errors(response, "message")
    assert expected in field_error(page, "message")
    assert form_value(page) == message
    assert not ApplyInvitation.objects.exists()
    assert not OutgoingEmail.objects.exists()


def form_value(page):
    return page.select_one("textarea[name=message]").get_text().lstrip("\n")


def test_only_discoverable_people_can_be_invited_and_only_to_live_postings(
    client, matching_indices, employer_posting
):
    hidden = CandidateProfileFactory()
    base = _candidates_url(employer_posting)
    assert client.post(f"{base}invite/{hidden.public_id}/", {}).status_code == 404

    shown = DiscoverableCandidateFactory()
    employer_posting.status = "paused"
    employer_posting.save()
    response = client.post(f"{base}invite/{shown.public_id}/", {})
    assert "once the posting is live" in parse(response).select_one(".error-summary").get_text()
    assert not ApplyInvitation.objects.exists()

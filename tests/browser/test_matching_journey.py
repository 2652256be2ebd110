"""Journeys 2, 4 and 6 in the browser: a job seeker sees the jobs that suit them
with reasons, a reentry professional sees the credential gap, and an employer
sees matched candidates and invites one to apply. axe checks every page."""

import pytest
from playwright.sync_api import expect

from candidates.models import ApplyInvitation
from fairsite.mail.models import OutgoingEmail
from tests.browser.conftest import assert_accessible, sign_in
from tests.cms.factories import CredentialIndexPageFactory, CredentialPageFactory
from tests.factories import (
    CandidateProfileFactory,
    DiscoverableCandidateFactory,
    OwnerFactory,
    PublishedPostingFactory,
    credential,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_job_seeker_sets_a_preference_and_sees_jobs_for_them_with_reasons(
    page, live_server, home_page, matching_indices
):
    PublishedPostingFactory(title="Forklift operative", skills=["Forklift"])
    PublishedPostingFactory(
        title="Stock controller", check_timing="before_offer_by_law", check_level="standard"
    )
    matching_indices()
    profile = CandidateProfileFactory(headline="")
    sign_in(page, profile.user, live_server)

    page.goto("/dashboard/")
    jobs_for_you = page.locator(".match-list")
    expect(jobs_for_you.locator(".posting-card")).to_have_count(2)

    page.get_by_role("link", name="Your fair-chance preferences (private)").click()
    page.get_by_label("Only show employers who check records after a job offer, or never").check()
    page.get_by_role("button", name="Save my preferences").click()
    page.goto("/dashboard/")

    expect(jobs_for_you.locator(".posting-card")).to_have_count(1)
    card = jobs_for_you.locator(".posting-card")
    expect(card.get_by_role("link")).to_have_text("Forklift operative")
    expect(card.locator(".reasons")).to_contain_text("It asks for forklift, one of your skills")
    expect(card.locator(".reasons")).to_contain_text("They check records only after an offer")
    expect(card.locator(".reasons")).to_contain_text("Less than a mile from you")
    assert_accessible(page)

    page.get_by_role("link", name="See more jobs sorted for you").click()
    expect(page.get_by_label("Sort by")).to_have_value("for_you")
    expect(page.locator(".posting-card")).to_have_count(1)
    expect(page.locator(".posting-card .reasons")).to_contain_text("Less than a mile from you")
    assert "after" not in page.url
    assert "preference" not in page.url
    assert_accessible(page)


def test_a_reentry_professional_sees_which_credential_would_open_more_roles(
    page, live_server, home_page, matching_indices
):
    index = CredentialIndexPageFactory(parent=home_page)
    CredentialPageFactory(parent=index, credential=credential("cpscp"))
    for title in ("Reentry case manager", "Programme coordinator"):
        PublishedPostingFactory(title=title).required_credentials.set([credential("cpscp")])
    PublishedPostingFactory(title="Peer mentor").required_credentials.set([credential("cpors")])
    matching_indices()
    profile = CandidateProfileFactory(kind="reentry_professional", travel_radius=25)
    profile.credentials.set([credential("cpors")])
    sign_in(page, profile.user, live_server)

    page.goto("/dashboard/")

    gap = page.locator(".gap-list li")
    expect(gap).to_have_count(1)
    expect(gap).to_have_text(
        "Certified Professional in Second Chance Programs (CPSCP): "
        "2 open roles within 25 miles require it"
    )
    matches = page.locator(".match-list .posting-card")
    expect(matches.first).to_contain_text("You hold CPORS, which this role requires")
    expect(matches.last).to_contain_text("This role requires CPSCP, which you don't hold yet.")
    assert_accessible(page)

    gap.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Second Chance Programs")


def test_an_employer_sees_matched_candidates_and_invites_one_to_apply(
    page, live_server, home_page, matching_indices
):
    membership = OwnerFactory(employer__verification_status="verified")
    posting = PublishedPostingFactory(
        employer=membership.employer, title="Forklift operative", skills=["Forklift"]
    )
    seeker = DiscoverableCandidateFactory(headline="Forklift driver, five years")
    CandidateProfileFactory(headline="Not looking to be found")
    matching_indices()
    sign_in(page, membership.user, live_server)

    page.goto(f"/hire/{membership.employer.slug}/postings/{posting.pk}/")
    page.get_by_role("link", name="People who suit this job").click()
    cards = page.locator(".match-card")
    expect(cards).to_have_count(1)
    expect(cards.get_by_role("heading")).to_have_text("Forklift driver, five years")
    expect(cards.locator(".reasons")).to_contain_text("Lists Forklift among their skills")
    expect(cards.locator(".reasons")).to_contain_text("Wants work in warehouse and logistics")
    assert_accessible(page)

    cards.get_by_role("link", name="Invite to apply").click()
    assert_accessible(page)
    page.get_by_label("A short message (optional)").fill("Only apply with a clean record.")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".error-summary")).to_contain_text("Take out the words about records")
    assert_accessible(page)
    page.get_by_label("A short message (optional)").fill("We'd like to meet you.")
    page.get_by_role("button", name="Send the invitation").click()

    expect(page.locator(".messages")).to_contain_text("Your invitation is on its way")
    expect(cards).to_contain_text("You have invited them to apply.")
    assert_accessible(page)
    assert ApplyInvitation.objects.get().profile == seeker
    email = OutgoingEmail.objects.get(to=[seeker.user.email])
    assert "We'd like to meet you." in email.body_text

"""Invitations at a phone's width and a desktop's, with JavaScript off: the
employer is told, instead of a form, that someone already applied; the invited
person finds the invitation on their dashboard and applies from it."""

import re

import pytest
from playwright.sync_api import expect

from candidates.models import ApplyInvitation
from tests.browser.viewports import WIDTHS, check, pages_at
from tests.factories import (
    ApplicationFactory,
    DiscoverableCandidateFactory,
    OwnerFactory,
    PublishedPostingFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def posting():
    owner = OwnerFactory(employer__verification_status="verified")
    return PublishedPostingFactory(employer=owner.employer, title="Forklift driver")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_invited_person_sees_the_invitation_and_applies(
    browser, live_server, home_page, posting, width
):
    profile = DiscoverableCandidateFactory()
    ApplyInvitation.objects.create(
        posting=posting, profile=profile, message="Your forklift work fits."
    )
    with pages_at(browser, live_server, width, user=profile.user) as (page, checker):
        page.goto("/dashboard/")
        invitations = page.locator("#invitations + ul")
        expect(invitations).to_contain_text("Forklift driver")
        expect(invitations).to_contain_text("Your forklift work fits.")
        check(checker, "/dashboard/")
        invitations.get_by_role("link", name="Apply for Forklift driver").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Apply for Forklift driver")


@pytest.mark.parametrize("width", WIDTHS)
def test_an_employer_is_told_the_person_already_applied(
    browser, live_server, home_page, posting, width
):
    profile = DiscoverableCandidateFactory()
    ApplicationFactory(posting=posting, candidate=profile.user)
    owner = posting.employer.memberships.get().user
    url = f"/hire/{posting.employer.slug}/matches/{posting.pk}/invite/{profile.public_id}/"
    with pages_at(browser, live_server, width, user=owner) as (page, checker):
        page.goto(url)
        expect(page.locator("main .notice")).to_contain_text("already applied for this job")
        expect(page.get_by_role("button", name="Send the invitation")).to_have_count(0)
        check(checker, url)
        page.get_by_role("link", name=re.compile("See the applicants")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Applicants for Forklift driver")

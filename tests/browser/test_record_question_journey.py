"""An employer's invitation that asks about a record is refused the accessible way:
the error summary and the message by the field say why and what to say instead,
what they typed is still there, and the edited invitation reaches the person.
axe checks every page; the form fits a 375-pixel phone screen."""

import pytest
from playwright.sync_api import expect

from candidates.models import ApplyInvitation
from fairsite.mail.models import OutgoingEmail
from tests.browser.conftest import assert_accessible, horizontal_overflow, open_page, sign_in
from tests.factories import (
    ApplicationFactory,
    DiscoverableCandidateFactory,
    OwnerFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "Have you ever been to prison or jail? Any time served?"
EDITED = "We'd like to meet you. We only look at records after we offer you the job."


@pytest.fixture
def invitation_setting(matching_indices):
    owner = OwnerFactory(employer=VerifiedEmployerFactory())
    posting = PublishedPostingFactory(
        employer=owner.employer, title="Forklift operative", skills=["Forklift"]
    )
    seeker = DiscoverableCandidateFactory(headline="Forklift driver, five years")
    matching_indices()
    return owner, posting, seeker


def test_an_invitation_asking_about_a_record_is_refused_then_sent_as_edited(
    page, live_server, invitation_setting
):
    owner, posting, seeker = invitation_setting
    sign_in(page, owner.user, live_server)
    page.goto(f"/hire/{owner.employer.slug}/matches/{posting.pk}/")
    assert_accessible(page)
    page.locator(".match-card").get_by_role("link", name="Invite to apply").click()
    message = page.get_by_label("A short message (optional)")
    message.fill(QUESTION)
    page.get_by_role("button", name="Send the invitation").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("asks about a record")
    expect(summary).to_contain_text("before a conditional offer")
    field_message = page.locator("#id_message_error")
    expect(field_message).to_contain_text("asks about a record")
    expect(field_message).to_contain_text("We only look at records after we offer you the job")
    expect(message).to_have_attribute("aria-describedby", "id_message_helptext id_message_error")
    expect(message).to_have_value(QUESTION)
    assert not ApplyInvitation.objects.exists()
    assert not OutgoingEmail.objects.filter(to=[seeker.user.email]).exists()
    assert_accessible(page)

    summary.get_by_role("link").click()
    expect(message).to_be_focused()
    message.fill(EDITED)
    page.get_by_role("button", name="Send the invitation").click()

    expect(page.locator(".messages")).to_contain_text("Your invitation is on its way")
    expect(page.locator(".match-card")).to_contain_text("You have invited them to apply.")
    assert_accessible(page)
    assert ApplyInvitation.objects.get().message == EDITED
    email = OutgoingEmail.objects.get(to=[seeker.user.email])
    assert EDITED in email.body_text
    assert "prison" not in email.body_text


def test_the_refused_invitation_form_fits_a_375_pixel_screen(
    browser, live_server, invitation_setting
):
    owner, posting, seeker = invitation_setting
    phone = open_page(browser, live_server, viewport={"width": 375, "height": 740})
    try:
        sign_in(phone, owner.user, live_server)
        phone.goto(f"/hire/{owner.employer.slug}/matches/{posting.pk}/invite/{seeker.public_id}/")
        assert horizontal_overflow(phone) <= 0
        phone.get_by_label("A short message (optional)").fill(QUESTION * 3)
        phone.get_by_role("button", name="Send the invitation").click()

        expect(phone.locator(".error-summary")).to_contain_text("asks about a record")
        assert horizontal_overflow(phone) <= 0
        assert_accessible(phone)
    finally:
        phone.context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_other_channels_refuse_a_record_question_the_same_accessible_way(
    browser, live_server, width
):
    """A posting, a stage move and the organisation's profile, on a phone and a desktop."""
    owner = OwnerFactory(employer=VerifiedEmployerFactory())
    application = ApplicationFactory(posting__employer=owner.employer)
    page = open_page(browser, live_server, viewport={"width": width, "height": 900})
    try:
        sign_in(page, owner.user, live_server)
        refusals = [
            (f"/hire/{owner.employer.slug}/postings/new/", "About the job", "Save draft"),
            (application.get_employer_url(), "Message to the applicant", "Move"),
            (f"/hire/{owner.employer.slug}/profile/", "About your organisation", "Save"),
        ]
        for url, label, button in refusals:
            page.goto(url)
            if label == "Message to the applicant":
                page.get_by_label("Move to").select_option(label="Interview")
            page.get_by_label(label).fill(QUESTION)
            page.get_by_role("button", name=button, exact=True).click()

            expect(page.locator(".error-summary")).to_contain_text("asks about a record")
            expect(page.locator(".field-error").first).to_be_visible()
            expect(page.get_by_label(label)).to_have_value(QUESTION)
            assert horizontal_overflow(page) <= 0, url
            assert_accessible(page)
    finally:
        page.context.close()

"""Account pages and emails speak in the site's plain voice, not allauth's
defaults ("Verify Your Email Address", "Confirm Access", "Hello from ...")."""

import re

import pytest
from django.conf import settings
from django.core import mail

from tests.factories import PASSWORD, UserFactory
from tests.html import assert_form_errors, parse

pytestmark = pytest.mark.django_db(transaction=True)

ALLAUTH_WORDS = re.compile(
    r"Verify Your Email Address|Confirm Email Address|Confirm Access|Password Reset|"
    r"Change Password|Sign Out|Reset My Password|Hello from|Thank you for using|"
    r"Please reauthenticate|finalize|Bad Token|user \S+ has given"
)


def h1(response) -> str:
    return parse(response).h1.get_text(strip=True)


def assert_plain(text: str) -> None:
    assert not ALLAUTH_WORDS.search(text), ALLAUTH_WORDS.search(text).group(0)


def test_signing_up_sends_a_plain_email_and_a_plain_page(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "plain.words@example.org", "password1": PASSWORD, "purpose": "find_work"},
        follow=True,
    )

    assert h1(response) == "Check your email"
    assert_plain(response.content.decode())
    [email] = mail.outbox
    assert_plain(email.subject + email.body)
    assert "Confirm your email address" in email.subject
    # Signed with the site's configured name and address, not one written in the text.
    assert email.body.rstrip().endswith(f"{settings.SITE_NAME}\n{settings.SITE_URL}")
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", email.body).group(1)
    confirm = client.get(link)
    assert h1(confirm) == "Confirm your email address"
    assert_plain(confirm.content.decode())


def test_a_broken_confirmation_link_says_what_to_do(client):
    response = client.get("/accounts/confirm-email/not-a-real-key/")

    assert h1(response) == "Confirm your email address"
    assert "This link has run out or does not work" in parse(response).get_text()


def test_forgotten_password_pages_and_email_are_plain(client):
    user = UserFactory()

    page = client.get("/accounts/password/reset/")
    assert h1(page) == "Forgotten your password"
    assert_plain(page.content.decode())
    done = client.post("/accounts/password/reset/", {"email": user.email}, follow=True)
    assert h1(done) == "Check your email"
    [email] = mail.outbox
    assert email.subject.endswith("Choose a new password")
    assert_plain(email.subject + email.body)
    link = re.search(r"/accounts/password/reset/key/[-\w]+/", email.body).group(0)
    choose = client.get(link, follow=True)
    assert h1(choose) == "Choose a new password"
    assert_plain(choose.content.decode())


@pytest.mark.parametrize("email", ["", "not an email"])
def test_a_bad_address_on_the_forgotten_password_page_is_shown_next_to_the_field(client, email):
    response = client.post("/accounts/password/reset/", {"email": email})

    page = assert_form_errors(response, "email")
    assert page.h1.get_text(strip=True) == "Forgotten your password"
    assert not mail.outbox


def test_a_used_password_link_says_what_to_do(client):
    response = client.get("/accounts/password/reset/key/1-not-a-key/", follow=True)

    assert h1(response) == "This link does not work"
    assert_plain(response.content.decode())


def test_signed_in_account_pages_are_plain(client):
    client.force_login(UserFactory())

    for url, heading in [
        ("/accounts/logout/", "Sign out"),
        ("/accounts/password/change/", "Change your password"),
    ]:
        response = client.get(url)
        assert h1(response) == heading
        assert_plain(response.content.decode())


def test_a_bad_password_change_is_shown_next_to_the_field(client):
    client.force_login(UserFactory())

    response = client.post(
        "/accounts/password/change/", {"oldpassword": "wrong", "password1": "x", "password2": "y"}
    )

    page = assert_form_errors(response, "oldpassword")
    assert page.h1.get_text(strip=True) == "Change your password"


def test_the_mfa_check_page_is_plain(client):
    from allauth.mfa.totp.internal.auth import TOTP

    user = UserFactory()
    TOTP.activate(user, "JBSWY3DPEHPK3PXP")
    client.force_login(user)

    response = client.get("/accounts/2fa/reauthenticate/")

    assert h1(response) == "Check it is you"
    assert_plain(response.content.decode())

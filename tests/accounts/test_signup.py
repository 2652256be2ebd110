import re

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.core import mail

from fairsite.accounts.models import Purpose, User
from tests.factories import PASSWORD, UserFactory

# Transactional, so that email queued by a request goes out when it commits.
pytestmark = pytest.mark.django_db(transaction=True)

SIGNUP = "/accounts/signup/"


def signup(client, **overrides):
    data = {"email": "new.person@example.org", "password1": PASSWORD, "purpose": "find_work"}
    data.update(overrides)
    return client.post(SIGNUP, data)


def error_summary_links(html: str) -> dict[str, str]:
    page = BeautifulSoup(html, "html.parser")
    summary = page.select_one(".error-summary")
    assert summary is not None, "no error summary on the page"
    return {a["href"]: a.get_text(strip=True) for a in summary.select("a")}


def test_signup_creates_an_unverified_account_with_its_purpose_and_sends_a_link(client):
    response = signup(client, purpose="both")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="new.person@example.org")
    assert user.purpose == Purpose.BOTH
    assert user.is_looking_for_work
    assert user.is_hiring
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert re.search(r"/accounts/confirm-email/[-:\w]+/", mail.outbox[0].body)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"password1": "password"}, "password1"),
        ({"password1": "1234567890123"}, "password1"),
        ({"purpose": ""}, "purpose"),
        ({"purpose": "rob-a-bank"}, "purpose"),
    ],
)
def test_bad_signup_shows_each_error_in_a_summary_linked_to_its_field(client, overrides, field):
    response = signup(client, **overrides)

    assert response.status_code == 200
    html = response.content.decode()
    page = BeautifulSoup(html, "html.parser")
    assert page.title.get_text().startswith("Error: ")
    links = error_summary_links(html)
    field_id = page.select_one(f"[name={field}]")["id"]
    assert f"#{field_id}" in links
    message = page.select_one(f"#id_{field}_error")
    assert message is not None
    assert message.get_text(strip=True)
    # The link's target is the field itself, and the field points at its message.
    if field != "purpose":
        assert f"id_{field}_error" in page.select_one(f"#{field_id}")["aria-describedby"]
    assert not User.objects.exists()
    assert mail.outbox == []


def test_what_was_typed_is_kept_after_an_error(client):
    response = signup(client, email="kept@example.org", password1="short", purpose="hire")

    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("[name=email]")["value"] == "kept@example.org"
    assert page.select_one("[name=purpose][value=hire]").has_attr("checked")


def test_signing_up_with_a_used_email_looks_like_success_and_creates_nothing(client):
    existing = UserFactory(email="taken@example.org")
    fresh = signup(client, email="someone.new@example.org")
    mail.outbox.clear()

    response = signup(client, email="taken@example.org")

    assert response.status_code == fresh.status_code
    assert response["Location"] == fresh["Location"]
    assert User.objects.filter(email="taken@example.org").count() == 1
    assert User.objects.get(email="taken@example.org") == existing
    # The owner of the address learns that someone tried; nobody else does.
    assert [message.to for message in mail.outbox] == [["taken@example.org"]]


def test_unverified_account_cannot_sign_in_until_the_email_is_confirmed(client):
    UserFactory(email="waiting@example.org", verified_email=False)

    response = client.post(
        "/accounts/login/", {"login": "waiting@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

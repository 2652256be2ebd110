"""Sent to sign in from a page that needs it, a visitor is told why, and `next`
brings them back. Only the page's own words are shown: never the title of a job
nobody may see, and nothing for an address on another site."""

import pytest

from jobs.models import Status
from tests.factories import PASSWORD, PublishedPostingFactory, UserFactory, VerifiedEmployerFactory
from tests.html import assert_form_errors, parse

pytestmark = pytest.mark.django_db


def apply_url(posting) -> str:
    return f"/jobs/{posting.pk}/{posting.slug}/apply/"


def reason(page) -> str:
    note = page.select_one("main .notice")
    return note.get_text(" ", strip=True) if note else ""


@pytest.fixture
def posting():
    employer = VerifiedEmployerFactory(name="Fresh Start Foods")
    return PublishedPostingFactory(employer=employer, title="Kitchen porter")


def test_applying_as_a_visitor_says_why_sign_in_is_needed(client, posting):
    response = client.get(apply_url(posting))
    login = client.get(response["Location"])

    page = parse(login)
    assert reason(page) == (
        "Sign in or create an account to apply for Kitchen porter at Fresh Start Foods."
    )
    assert page.select_one("input[name=next]")["value"] == apply_url(posting)
    # The sign-up link keeps where they were going, and the sign-up page says why too.
    signup_href = page.select_one("main a[href^='/accounts/signup/']")["href"]
    assert "next=" in signup_href
    assert "Kitchen porter" in reason(parse(client.get(signup_href)))


def test_the_sign_in_page_has_one_forgotten_password_link(client, posting):
    page = parse(client.get(f"/accounts/login/?next={apply_url(posting)}"))

    text = page.select_one("main").get_text(" ")
    assert text.count("password?") == 1
    assert "Forgot your password?" not in text


def test_signing_in_goes_on_to_the_apply_form(client, posting):
    user = UserFactory()

    response = client.post(
        "/accounts/login/",
        {"login": user.email, "password": PASSWORD, "next": apply_url(posting)},
    )

    assert response.status_code == 302
    assert response["Location"] == apply_url(posting)


def test_a_wrong_password_keeps_the_reason_and_the_next_page(client, posting):
    user = UserFactory()

    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "wrong", "next": apply_url(posting)}
    )

    page = assert_form_errors(response)
    assert "Kitchen porter" in reason(page)
    assert page.select_one("input[name=next]")["value"] == apply_url(posting)


def test_an_empty_form_is_refused_with_the_reason_kept(client, posting):
    response = client.post("/accounts/login/", {"next": apply_url(posting)})

    page = assert_form_errors(response, "login", "password")
    assert "Kitchen porter" in reason(page)


def test_a_hidden_job_s_title_is_never_shown(client):
    hidden = PublishedPostingFactory(title="Secret role", status=Status.PAUSED)

    page = parse(client.get(f"/accounts/login/?next={apply_url(hidden)}"))

    assert reason(page) == "Sign in or create an account to apply for jobs."
    assert "Secret role" not in page.get_text()


@pytest.mark.parametrize(
    "next_url", ["https://elsewhere.example/jobs/1/x/apply/", "/no/such/page/", "/dashboard/"]
)
def test_other_next_pages_say_nothing_extra(client, next_url):
    page = parse(client.get("/accounts/login/", {"next": next_url}))

    assert reason(page) == ""

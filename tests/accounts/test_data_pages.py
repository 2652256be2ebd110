"""The pages where a person downloads their data and deletes their account."""

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress

from candidates.models import CandidateProfile
from fairsite.accounts.models import User
from tests.factories import PASSWORD, CandidateProfileFactory, OwnerFactory, UserFactory
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db


def test_the_download_is_a_private_zip_of_the_persons_data(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    reauthenticate(client, "/accounts/your-data/")

    assert client.get("/accounts/your-data/").status_code == 200
    response = client.post("/accounts/your-data/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="fair-chance-jobs-data-'
    )
    assert "no-store" in response["Cache-Control"]
    document = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))
    assert document["data"]["accounts.User"][0]["email"] == profile.user.email


def test_the_download_asks_for_the_password_again_and_gives_no_zip_before(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)

    page = client.get("/accounts/your-data/")
    download = client.post("/accounts/your-data/")

    for response in (page, download):
        assert response.status_code == 302
        assert response["Location"] == "/accounts/reauthenticate/?next=%2Faccounts%2Fyour-data%2F"
        assert response["Content-Type"] != "application/zip"
        assert not response.content.startswith(b"PK")


def test_after_the_password_the_download_asked_for_comes_at_once(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    asked = client.post("/accounts/your-data/")
    password_page = parse(client.get(asked["Location"]))
    assert password_page.select_one("h1").get_text() == "Enter your password again"

    response = client.post(asked["Location"], {"password": PASSWORD})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    document = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))
    assert document["data"]["accounts.User"][0]["email"] == profile.user.email
    # And for a few minutes the page and the button work without asking again.
    assert client.get("/accounts/your-data/").status_code == 200
    assert client.post("/accounts/your-data/")["Content-Type"] == "application/zip"


def test_a_wrong_password_says_so_next_to_the_field_and_gives_no_zip(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    asked = client.post("/accounts/your-data/")

    response = client.post(asked["Location"], {"password": "not-my-password"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = assert_form_errors(response, "password")
    assert "That is not the password for this account" in field_error(page, "password")
    assert "That is not the password" in page.select_one(".error-summary").get_text()
    again = client.post("/accounts/your-data/")
    assert again["Location"].startswith("/accounts/reauthenticate/")


def test_the_password_counts_for_a_few_minutes_only(client, settings):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    reauthenticate(client, "/accounts/your-data/")
    assert client.get("/accounts/your-data/").status_code == 200

    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0

    response = client.post("/accounts/your-data/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_deleting_asks_for_the_password_again_first(client):
    user = UserFactory()
    client.force_login(user)

    response = client.get("/accounts/delete/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    response = client.post("/accounts/delete/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert User.objects.filter(pk=user.pk).exists()


def reauthenticate(client, next_url="/accounts/delete/"):
    return client.post(
        f"/accounts/reauthenticate/?next={next_url}", {"password": PASSWORD}, follow=True
    )


def test_after_the_password_the_account_and_profile_are_deleted_and_the_person_signed_out(
    client, django_capture_on_commit_callbacks
):
    profile = CandidateProfileFactory()
    user = profile.user
    client.force_login(user)
    client.get("/accounts/delete/")

    page = parse(reauthenticate(client))
    assert page.select_one("h1").get_text() == "Delete your account"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/delete/", follow=True)

    assert response.redirect_chain[0][0] == "/"
    assert not User.objects.filter(pk=user.pk).exists()
    assert not CandidateProfile.objects.exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert client.get("/dashboard/").status_code == 302


def test_the_only_owner_sees_what_to_do_first_and_nothing_is_deleted(client):
    membership = OwnerFactory()
    client.force_login(membership.user)
    client.get("/accounts/delete/")
    reauthenticate(client)

    page = parse(client.post("/accounts/delete/"))

    text = page.select_one(".notice").get_text(" ", strip=True)
    assert f"only owner of {membership.employer.name}" in text
    assert page.select_one(f"a[href='/hire/{membership.employer.slug}/team/']")
    assert not page.select("button.button--warning")
    assert User.objects.filter(pk=membership.user.pk).exists()


def test_data_pages_need_a_signed_in_person(client):
    for url in ("/accounts/your-data/", "/accounts/delete/"):
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")

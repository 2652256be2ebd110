"""Failed sign-ins are limited per account, through every door into the site."""

import pytest

from tests.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_sixth_failed_login_for_one_account_within_five_minutes_gets_429(client, login_url):
    user = EditorFactory()
    for attempt in range(5):
        response = client.post(login_url, {"login": user.email, "password": f"wrong-{attempt}"})
        assert response.status_code == 200, f"attempt {attempt + 1} was not an ordinary failure"

    sixth = client.post(login_url, {"login": user.email, "password": "wrong-again"})

    assert sixth.status_code == 429


def test_the_limit_counts_attempts_made_through_both_doors_together(client):
    user = UserFactory()
    for attempt in range(3):
        client.post("/accounts/login/", {"login": user.email, "password": f"wrong-{attempt}"})
    for attempt in range(2):
        client.post("/admin/login/", {"login": user.email, "password": f"wrong-admin-{attempt}"})

    assert client.post("/admin/login/", {"login": user.email, "password": "x"}).status_code == 429


def test_the_wagtail_admin_sends_people_to_the_site_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")


def test_an_editor_who_signs_in_reaches_the_admin(client):
    editor = EditorFactory()
    client.post(
        "/admin/login/", {"login": editor.email, "password": "correct-horse-battery-staple"}
    )

    assert client.get("/admin/").status_code == 200

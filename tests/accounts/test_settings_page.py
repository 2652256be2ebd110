import pytest
from bs4 import BeautifulSoup

from fairsite.accounts.models import Purpose
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_can_change_what_they_are_here_for(client):
    user = UserFactory(purpose=Purpose.FIND_WORK)
    client.force_login(user)

    response = client.post(
        "/accounts/settings/", {"first_name": "Ana", "last_name": "", "purpose": "both"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.purpose == Purpose.BOTH
    assert user.first_name == "Ana"


def test_an_unknown_purpose_is_refused_with_a_message_and_nothing_saved(client):
    user = UserFactory(purpose=Purpose.FIND_WORK)
    client.force_login(user)

    response = client.post("/accounts/settings/", {"first_name": "Ana", "purpose": "boss"})

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.title.get_text().startswith("Error: ")
    assert page.select_one(".error-summary a[href='#id_purpose_0']")
    user.refresh_from_db()
    assert user.purpose == Purpose.FIND_WORK
    assert user.first_name != "Ana"


def test_settings_and_dashboard_need_a_signed_in_person(client):
    for url in ("/accounts/settings/", "/dashboard/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")

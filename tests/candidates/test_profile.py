"""The profile form: a good profile is saved whole; bad input saves nothing."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from candidates.models import CandidateProfile, HomeLocation
from candidates.services import profile_save
from tests.factories import CandidateProfileFactory, UserFactory, credential
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db

GOOD = {
    "kind": "both",
    "headline": "Peer support worker and forklift driver",
    "summary": "I have worked in warehouses and now mentor people leaving prison.",
    "skills": "forklift, mentoring, Forklift, stock control",
    "desired_categories": ["peer-support", "warehouse-logistics"],
    "employment_types": ["full_time", "part_time"],
    "home": "Columbus, OH",
    "travel_radius": "25",
    "remote_ok": "on",
    "salary_floor": "17.50",
    "salary_period": "hour",
    "salary_currency": "USD",
    "availability": "two_weeks",
}


@pytest.fixture
def seeker(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_a_good_profile_is_saved_with_its_place_and_credentials(client, seeker):
    cpors = credential("cpors")

    response = client.post("/profile/", {**GOOD, "credentials": [cpors.pk]})

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    profile = CandidateProfile.objects.get(user=seeker)
    assert profile.kind == "both"
    assert profile.skills == ["forklift", "mentoring", "stock control"]
    assert profile.desired_categories == ["peer-support", "warehouse-logistics"]
    assert profile.employment_types == ["full_time", "part_time"]
    assert profile.travel_radius == 25
    assert profile.remote_ok is True
    assert profile.salary_floor == Decimal("17.50")
    assert profile.salary_floor_text == "$17.50 an hour"
    assert profile.availability == "two_weeks"
    assert list(profile.credentials.all()) == [cpors]
    assert profile.home.label == "Columbus, OH"
    assert profile.home.country == "US"
    assert round(profile.home.latitude) == 40
    # Off until the person turns it on.
    assert profile.is_discoverable is False


def test_saving_again_updates_the_profile_and_can_clear_the_home_place(client, seeker):
    client.post("/profile/", GOOD)

    client.post("/profile/", {**GOOD, "home": "", "headline": "Cook", "is_discoverable": "on"})

    profile = CandidateProfile.objects.get(user=seeker)
    assert profile.headline == "Cook"
    assert profile.is_discoverable is True
    assert not HomeLocation.objects.exists()


def test_a_shared_place_name_is_saved_as_the_likeliest_and_the_person_is_told(client, seeker):
    response = client.post("/profile/", {**GOOD, "home": "Springfield"}, follow=True)

    home = CandidateProfile.objects.get(user=seeker).home
    assert home.label == "Springfield, MO"
    messages = [m.get_text(" ", strip=True) for m in parse(response).select(".message")]
    assert any(
        m.startswith(
            "We took 'Springfield' to mean Springfield, Missouri. "
            "If you meant Springfield, Massachusetts"
        )
        for m in messages
    ), messages


def test_the_profile_country_reads_a_shared_place_name(client, seeker):
    client.post("/profile/", {**GOOD, "home": "Leeds, England"})

    client.post("/profile/", {**GOOD, "home": "Birmingham"})

    assert CandidateProfile.objects.get(user=seeker).home.label == "Birmingham, England"
    client.post("/profile/", {**GOOD, "home": "Portland, ME"})
    client.post("/profile/", {**GOOD, "home": "Birmingham"})
    assert CandidateProfile.objects.get(user=seeker).home.label == "Birmingham, AL"


def test_the_form_shows_what_is_saved(client):
    profile = CandidateProfileFactory(headline="Night-shift baker")
    client.force_login(profile.user)

    page = parse(client.get("/profile/"))

    assert page.select_one("input[name=headline]")["value"] == "Night-shift baker"
    assert page.select_one("input[name=home]")["value"] == "Columbus, OH"
    assert page.select_one("input[name=desired_categories][value=warehouse-logistics]").has_attr(
        "checked"
    )


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"home": "Qwertyville Zzzz"}, "home", "couldn't find"),
        ({"salary_floor": "-5"}, "salary_floor", "can't be less than 0"),
        ({"salary_floor": "lots"}, "salary_floor", "in numbers"),
        ({"salary_period": ""}, "salary_period", "per hour"),
        ({"desired_categories": ["piracy"]}, "desired_categories", "choose from the list"),
        ({"employment_types": ["forever"]}, "employment_types", "choose from the list"),
        ({"kind": "boss"}, "kind", "choose from the list"),
        ({"kind": ""}, "kind", "choose what describes you"),
        ({"travel_radius": "500"}, "travel_radius", "choose from the list"),
        ({"availability": "yesterday"}, "availability", "choose from the list"),
        (
            {"skills": ", ".join(f"skill {n}" for n in range(21))},
            "skills",
            "at most 20 skills",
        ),
        ({"headline": "x" * 121}, "headline", "at most 120"),
        ({"credentials": ["999999"]}, "credentials", "choose credentials from the list"),
    ],
)
def test_bad_input_is_refused_with_a_message_by_the_field_and_nothing_is_saved(
    client, seeker, data, field, words
):
    response = client.post("/profile/", {**GOOD, **data})

    page = assert_form_errors(response, field)
    assert words in field_error(page, field).lower()
    assert not CandidateProfile.objects.exists()
    assert not HomeLocation.objects.exists()


def test_bad_input_keeps_everything_typed(client, seeker):
    response = client.post("/profile/", {**GOOD, "salary_floor": "-1"})

    page = parse(response)
    assert page.select_one("input[name=headline]")["value"] == GOOD["headline"]
    assert page.select_one("input[name=home]")["value"] == "Columbus, OH"
    assert page.select_one("textarea[name=summary]").get_text().strip() == GOOD["summary"]


def test_a_bad_edit_leaves_the_saved_profile_as_it_was(client):
    profile = CandidateProfileFactory(headline="Before")
    client.force_login(profile.user)

    response = client.post("/profile/", {**GOOD, "headline": "After", "home": "Nowhere Zzz"})

    assert_form_errors(response, "home")
    profile.refresh_from_db()
    assert profile.headline == "Before"
    assert profile.home.label == "Columbus, OH"


def test_the_profile_page_is_only_for_its_owner(client):
    profile = CandidateProfileFactory()
    url = profile.get_absolute_url()

    client.force_login(profile.user)
    assert client.get(url).status_code == 200

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"desired_categories": ["piracy"]}, "desired_categories"),
        ({"employment_types": ["forever"]}, "employment_types"),
        ({"skills": [f"skill {n}" for n in range(21)]}, "skills"),
        ({"salary_floor": Decimal("-1"), "salary_period": "hour"}, "salary_floor"),
        ({"salary_floor": Decimal("10")}, "salary_period"),
    ],
)
def test_the_service_refuses_what_the_form_would_for_any_other_caller(fields, field):
    user = UserFactory()

    with pytest.raises(ValidationError) as error:
        profile_save(user=user, fields=fields, home=None, credentials=[])

    assert field in error.value.message_dict
    assert not CandidateProfile.objects.exists()

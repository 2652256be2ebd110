"""The employer directory: verified employers only, filtered from the URL, never a 500."""

import pytest

from cms.demo import load_home_page
from employers.models import CheckTiming, EmployerLocation, Industry
from tests.factories import (
    EmployerFactory,
    ExpiredPostingFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
)
from tests.html import assert_form_errors, field_error, parse

from .factories import EmployerDirectoryPageFactory

pytestmark = pytest.mark.django_db

COLUMBUS = (39.9612, -82.9988)
DAYTON = (39.7589, -84.1916)  # about 67 miles from Columbus
CLEVELAND = (41.4993, -81.6944)  # about 125 miles from Columbus


def located(employer, label, point):
    EmployerLocation.objects.create(
        employer=employer, label=label, country="US", latitude=point[0], longitude=point[1]
    )
    return employer


@pytest.fixture
def directory():
    return EmployerDirectoryPageFactory(parent=load_home_page())


@pytest.fixture
def employers():
    columbus = located(
        VerifiedEmployerFactory(
            name="Columbus Kitchens",
            industry=Industry.HOSPITALITY,
            with_policy__support=["mentoring", "transport"],
            with_policy__pledges=["fair_chance_business"],
        ),
        "Columbus, OH",
        COLUMBUS,
    )
    dayton = located(
        VerifiedEmployerFactory(
            name="Dayton Depot",
            industry=Industry.WAREHOUSE,
            with_policy__check_timing=CheckTiming.BEFORE_OFFER_BY_LAW,
            with_policy__support=["training"],
            with_policy__pledges=[],
        ),
        "Dayton, OH",
        DAYTON,
    )
    cleveland = located(
        VerifiedEmployerFactory(name="Lakeside Builders", industry=Industry.CONSTRUCTION),
        "Cleveland, OH",
        CLEVELAND,
    )
    located(EmployerFactory(name="Unchecked Ltd"), "Columbus, OH", COLUMBUS)
    return {"columbus": columbus, "dayton": dayton, "cleveland": cleveland}


def names(response) -> list[str]:
    return [a.get_text(strip=True) for a in parse(response).select(".card__title a")]


def test_lists_only_verified_employers_with_links_to_their_pages(client, directory, employers):
    PublishedPostingFactory(employer=employers["columbus"])
    ExpiredPostingFactory(employer=employers["columbus"])

    response = client.get(directory.url)

    assert names(response) == ["Columbus Kitchens", "Dayton Depot", "Lakeside Builders"]
    link = parse(response).find("a", string="Columbus Kitchens")
    assert link["href"] == employers["columbus"].get_absolute_url()
    assert "1 open job." in link.find_parent("li").text


def test_filters_by_industry(client, directory, employers):
    assert names(client.get(directory.url, {"industry": "warehouse-logistics"})) == ["Dayton Depot"]


def test_filters_by_distance_from_a_typed_place_nearest_first(client, directory, employers):
    near = client.get(directory.url, {"place": "Columbus, OH", "miles": "100"})

    assert names(near) == ["Columbus Kitchens", "Dayton Depot"]
    heading = parse(near).select_one("#results-heading").text
    assert heading == "2 verified employers within 100 miles of Columbus, OH"
    assert names(client.get(directory.url, {"place": "Columbus, OH", "miles": "10"})) == [
        "Columbus Kitchens"
    ]
    assert names(client.get(directory.url, {"place": "Dayton, OH", "miles": "5"})) == [
        "Dayton Depot"
    ]


def test_an_employer_is_near_when_any_of_its_locations_is(client, directory, employers):
    located(employers["cleveland"], "Columbus, OH", COLUMBUS)

    found = names(client.get(directory.url, {"place": "Columbus, OH", "miles": "10"}))

    assert found == ["Columbus Kitchens", "Lakeside Builders"]


def test_filters_by_policy_features(client, directory, employers):
    assert names(client.get(directory.url, {"after_offer": "on"})) == [
        "Columbus Kitchens",
        "Lakeside Builders",
    ]
    both = {"support": ["mentoring", "transport"]}
    assert names(client.get(directory.url, both)) == ["Columbus Kitchens"]
    assert names(client.get(directory.url, {"support": "training"})) == ["Dayton Depot"]
    pledged = names(client.get(directory.url, {"pledges": "fair_chance_business"}))
    assert pledged == ["Columbus Kitchens", "Lakeside Builders"]


def test_a_shared_place_name_is_read_as_the_likeliest_with_the_others_as_links(
    client, directory, employers, settings
):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    located(VerifiedEmployerFactory(name="Clyde Couriers"), "Glasgow, Scotland", (55.86, -4.25))

    page = parse(client.get(directory.url, {"place": "Glasgow", "miles": "25"}))

    assert [a.get_text(strip=True) for a in page.select(".card__title a")] == ["Clyde Couriers"]
    line = page.select_one(".place-reading")
    assert line.get_text(" ", strip=True).startswith("Showing Glasgow, Scotland")
    link = {a.get_text(strip=True): a["href"] for a in line.select("a")}["Glasgow, Kentucky"]
    assert "place=Glasgow%2C+KY" in link
    assert "miles=25" in link
    assert "place_country=US" in link
    kentucky = parse(client.get(directory.url + link))
    assert kentucky.select_one("input[name=place_country]")["value"] == "US"
    assert kentucky.select(".card__title a") == []
    assert kentucky.select_one(".place-reading") is None


def test_a_place_we_cannot_find_gets_a_message_next_to_the_field(client, directory, employers):
    response = client.get(directory.url, {"place": "Columbsu, OH"})

    page = assert_form_errors(response, "place")
    assert "We couldn't find" in field_error(page, "place")
    assert page.select_one("#results-heading") is None


@pytest.mark.parametrize(
    "params",
    [
        {"industry": "spaceships"},
        {"miles": "a million"},
        {"miles": "-5", "place": "Columbus, OH"},
        {"support": "free-cake"},
        {"pledges": ["ban_the_box", "<script>"]},
        {"place": "x" * 500},
        {"page": "999"},
        {"page": "last"},
        {"place": "Birmingham"},
    ],
)
def test_bad_filter_input_gets_a_message_never_an_error_page(client, directory, employers, params):
    response = client.get(directory.url, params)

    assert response.status_code == 200
    page = parse(response)
    assert len(page.select("h1")) == 1
    assert page.select_one(".error-summary") or page.select_one("#results-heading")

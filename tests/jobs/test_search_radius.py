"""One default distance: a search from a place without a distance (the home page's
search, a shared link) is searched within DEFAULT_RADIUS, and the form shows that
same distance, so searching again does not quietly narrow it."""

import pytest

from jobs.search.queries import DEFAULT_RADIUS
from tests.html import parse
from tests.jobs.test_search import refresh
from tests.jobs.test_search_places import page_titles, posting_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def around_manchester(index):
    posting_in("Manchester, England", title="In the city")
    posting_in("Wigan, England", title="Seventeen miles out")  # 17 miles from Manchester
    refresh()


def chosen_radius(page) -> str:
    return page.select_one("select[name=radius] option[selected]")["value"]


def test_a_search_without_a_distance_is_searched_and_shown_with_the_default(
    client, around_manchester
):
    page = parse(client.get("/jobs/", {"q": "", "place": "Manchester, England"}))

    assert sorted(page_titles(page)) == ["In the city", "Seventeen miles out"]
    assert chosen_radius(page) == str(DEFAULT_RADIUS)
    heading = page.select_one("#results-heading").get_text(" ", strip=True)
    assert f"within {DEFAULT_RADIUS} miles" in heading


def test_searching_again_with_the_form_as_shown_keeps_the_distance(client, around_manchester):
    first = parse(client.get("/jobs/", {"place": "Manchester, England"}))
    again = {"place": "Manchester, England", "radius": chosen_radius(first)}

    page = parse(client.get("/jobs/", again))

    assert sorted(page_titles(page)) == ["In the city", "Seventeen miles out"]


def test_a_chosen_distance_is_kept(client, around_manchester):
    page = parse(client.get("/jobs/", {"place": "Manchester, England", "radius": "5"}))

    assert page_titles(page) == ["In the city"]
    assert chosen_radius(page) == "5"


@pytest.mark.parametrize("radius", ["7", "-5", "far"])
def test_a_distance_not_in_the_list_is_refused_next_to_the_field(client, index, radius):
    response = client.get("/jobs/", {"place": "Manchester, England", "radius": radius})

    assert response.status_code == 200
    page = parse(response)
    assert "Choose a distance from the list" in page.select_one("#id_radius_error").get_text()
    assert page.select_one("input[name=place]")["value"] == "Manchester, England"

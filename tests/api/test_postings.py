"""Postings in the API: the search page's search, details with validators, bad input."""

import pytest
from django.conf import settings
from django.urls import reverse

from jobs.models import Status
from tests.html import parse

pytestmark = pytest.mark.django_db

SEARCHES = [
    {},
    {"q": "warehouse"},
    {"q": "warehouse", "sort": "newest"},
    {"q": "warehouse", "employment_type": "part_time"},
    {"category": "warehouse-logistics", "salary": "40000"},
    {"salary": "usd-30000"},
    {"salary": "usd-20000", "place": "Columbus, OH"},
    {"after_offer": "on"},
    {"verified": "on", "sort": "newest"},
    {"credential": "cpors"},
    {"place": "Columbus, OH", "radius": "25", "sort": "nearest"},
    {"q": "driver forklift"},
    {"sort": "salary"},
]


def page_titles(client, params) -> list[str]:
    html = parse(client.get(reverse("jobs:list"), params))
    return [a.get_text().strip() for a in html.select(".posting-card__title a")]


def api_search(client, params, **headers):
    return client.get(reverse("api:postings"), params, headers=headers)


@pytest.mark.parametrize("params", SEARCHES)
def test_the_api_and_the_search_page_list_the_same_postings_in_the_same_order(
    client, corpus, params
):
    api = api_search(client, params)

    assert api.status_code == 200, api.content
    api_titles = [hit["title"] for hit in api.json()["results"]]
    assert api_titles == page_titles(client, params)
    assert api_titles, "each search on the corpus finds something"


def test_a_place_search_lists_remote_jobs_open_to_it_unless_asked_not_to(client, corpus):
    near = {"place": "Columbus, OH", "radius": "25"}

    listed = [hit["title"] for hit in api_search(client, near).json()["results"]]
    hidden = [
        hit["title"]
        for hit in api_search(client, {**near, "hide_remote": "true"}).json()["results"]
    ]

    assert "Reentry case manager" in listed
    assert "Reentry case manager" not in hidden
    assert set(hidden) < set(listed)
    assert hidden == page_titles(client, {**near, "hide_remote": "on"})


def test_search_answers_with_counts_facets_and_links(client, corpus):
    body = api_search(client, {"q": "warehouse"}).json()

    assert body["count"] == 4
    assert body["page"] == 1
    assert body["pages"] == 1
    assert body["per_page"] == 20
    assert body["limited"] is False
    types = {v["value"]: v["count"] for v in body["facets"]["employment_type"]}
    assert types == {"full_time": 3, "part_time": 1}
    hit = body["results"][0]
    assert hit["url"].startswith(f"{settings.SITE_URL}/jobs/")
    assert hit["api_url"] == f"{settings.SITE_URL}/api/v1/postings/{hit['id']}"
    assert hit["employer"]["slug"] in {"parcel-pallet", "ironbridge"}
    assert "Expired" not in str(body)
    assert "supervisor" not in str(body)


def test_a_facet_count_is_the_number_its_filter_returns(client, corpus):
    body = api_search(client, {}).json()
    for value in body["facets"]["category"]:
        filtered = api_search(client, {"category": value["value"]}).json()
        assert filtered["count"] == value["count"]


def test_when_search_is_down_the_api_answers_from_the_database(client, db, seeded_credentials):
    from tests.factories import PublishedPostingFactory

    PublishedPostingFactory(title="Warehouse operative")
    body = api_search(client, {"q": "warehouse"}).json()

    assert body["limited"] is True
    assert [hit["title"] for hit in body["results"]] == ["Warehouse operative"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"category": "astronaut"}, "category"),
        ({"radius": "7"}, "radius"),
        ({"page": "0"}, "page"),
        ({"page": "many"}, "page"),
        ({"page": "501"}, "page"),
        ({"sort": "nearest"}, "sort"),
        ({"place": "Manchestr"}, "place"),
        ({"credential": "no-such-credential"}, "credential"),
        ({"q": "x" * 201}, "q"),
        ({"q": "nul\x00byte"}, "q"),
        ({"after_offer": "perhaps"}, "after_offer"),
        ({"salary": "eur-20000"}, "salary"),
        ({"salary": "usd-25000"}, "salary"),
    ],
)
def test_bad_search_parameters_get_422_with_a_message_for_the_parameter(
    client, corpus, params, field
):
    response = api_search(client, params)

    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert list(error["fields"]) == [field]
    assert all(message for message in error["fields"][field])


def test_a_posting_in_full_with_its_employer_policy(client, corpus):
    posting = corpus[4]
    response = client.get(reverse("api:posting", kwargs={"posting_id": posting.pk}))

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Reentry case manager"
    assert body["workplace"] == "remote"
    assert (body["open_to_country"], body["open_to_region"]) == ("US", "")
    assert body["salary"] is None
    assert [c["slug"] for c in body["required_credentials"]] == ["cpors"]
    assert body["employer_policy"][0].startswith("We only look at criminal records after")
    assert body["description_text"].startswith("Pick and pack orders")


def test_a_posting_carries_etag_and_last_modified_and_answers_304(client, corpus):
    url = reverse("api:posting", kwargs={"posting_id": corpus[0].pk})
    first = client.get(url)
    assert first["ETag"].startswith('"')
    assert first["Last-Modified"].endswith("GMT")

    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304

    corpus[0].title = "Warehouse operative (nights)"
    corpus[0].save()
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


@pytest.mark.parametrize("status", [Status.CLOSED, Status.FILLED, Status.PAUSED, Status.DRAFT])
def test_a_posting_that_is_not_visible_is_404_in_the_error_shape(client, corpus, status):
    posting = corpus[1]
    posting.status = status
    posting.save()

    response = client.get(reverse("api:posting", kwargs={"posting_id": posting.pk}))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("path", ["0", "-3", "abc", "99999999999999999999999", "9007199254740993"])
def test_bad_posting_ids_are_404_or_422_never_a_crash(client, corpus, path):
    response = client.get(f"/api/v1/postings/{path}")

    assert response.status_code in {404, 422}
    assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_unknown_api_addresses_answer_in_the_error_shape(client, db):
    response = client.get("/api/v1/nothing-here")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"

"""GET /api/v1/me/matches: a person's own matches through their token (real Elasticsearch)."""

import pytest

from candidates.matching import matches_for_candidate
from candidates.preferences import FairChancePreferences
from candidates.services import preferences_save
from fairsite.api.keys import personal_token_create
from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs.search.index import postings_index
from tests.factories import (
    CandidateProfileFactory,
    PublishedPostingFactory,
    UserFactory,
    credential,
)

URL = "/api/v1/me/matches"


def bearer(user) -> dict:
    return {"Authorization": f"Bearer {personal_token_create(user=user, name='phone').secret}"}


@pytest.fixture
def person(seeded_credentials):
    profile = CandidateProfileFactory(headline="", summary="", travel_radius=50)
    profile.credentials.set([credential("cpors")])
    return profile


@pytest.fixture
def corpus(es, person):
    ensure(postings_index)
    cpors = credential("cpors")
    requires = PublishedPostingFactory(title="Reentry case manager", check_timing="after_offer")
    requires.required_credentials.set([cpors])
    PublishedPostingFactory(title="Warehouse picker", check_timing="after_offer")
    PublishedPostingFactory(title="Night loader", check_timing="before_offer")
    drain_due()
    get_client().indices.refresh(index=postings_index.alias)


def test_the_answer_is_the_dashboards_matches_with_reasons_and_no_preference(
    client, corpus, person
):
    preferences = FairChancePreferences(only_checks_after_offer=True)
    preferences_save(user=person.user, preferences=preferences)

    response = client.get(URL, headers=bearer(person.user))

    assert response.status_code == 200
    body = response.json()
    expected = matches_for_candidate(person, preferences)
    assert [hit["id"] for hit in body["results"]] == [m.posting.pk for m in expected]
    assert [hit["reasons"] for hit in body["results"]] == [list(m.reasons) for m in expected]
    titles = [hit["title"] for hit in body["results"]]
    assert "Night loader" not in titles  # checks before an offer: filtered on their side
    assert titles[0] == "Reentry case manager"
    assert "You hold CPORS, which this role requires" in body["results"][0]["reasons"]
    assert "only_checks_after_offer" not in response.content.decode()


def test_limit_keeps_the_best(client, corpus, person):
    response = client.get(URL, {"limit": 1}, headers=bearer(person.user))

    assert response.status_code == 200
    assert [hit["title"] for hit in response.json()["results"]] == ["Reentry case manager"]


def test_without_a_token_or_with_a_bad_one_the_answer_is_401(client, db):
    assert client.get(URL).status_code == 401
    bad = client.get(URL, headers={"Authorization": "Bearer wagtail_not-a-real-token"})
    assert bad.status_code == 401
    assert bad.json()["error"]["code"] == "unauthenticated"


def test_before_a_profile_the_answer_is_404_saying_what_to_do(client, db):
    response = client.get(URL, headers=bearer(UserFactory()))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "no_profile"
    assert "profile" in response.json()["error"]["message"]


@pytest.mark.parametrize("limit", ["0", "51", "lots", "-3"])
def test_a_bad_limit_gets_422_naming_it(client, person, limit):
    response = client.get(URL, {"limit": limit}, headers=bearer(person.user))

    assert response.status_code == 422
    assert list(response.json()["error"]["fields"]) == ["limit"]


def test_with_the_search_engine_down_the_answer_is_503_with_retry_after(client, person):
    # Without the `es` fixture the test settings point at a closed port.
    response = client.get(URL, headers=bearer(person.user))

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response.json()["error"]["code"] == "unavailable"

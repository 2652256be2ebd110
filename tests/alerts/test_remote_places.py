"""Alerts and matching follow the search page's place rule for remote jobs
(jobs.search.places): a remote job reaches a place's alert, or a person at home
there, only when it is open to that place. Real Elasticsearch throughout."""

import dataclasses

import pytest

from candidates.alerts.search import alerts_matching_posting
from candidates.alerts.services import alert_create
from candidates.employer_matching import candidates_for_posting_search
from candidates.matching import matches_for_candidate
from candidates.search import candidates_index
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs.models import Workplace
from jobs.search.queries import Near, PostingQuery
from tests.alerts.conftest import sync
from tests.factories import (
    CandidateProfileFactory,
    DiscoverableCandidateFactory,
    PublishedPostingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

COLUMBUS = Near(39.9612, -82.9988, 10, "Columbus, OH", country="US", region="OH")
LOS_ANGELES = Near(34.0522, -118.2437, 25, "Los Angeles, CA", country="US", region="CA")
GLASGOW = Near(55.8652, -4.2576, 25, "Glasgow, Scotland", country="GB", region="Scotland")
LEEDS = Near(53.7965, -1.5478, 25, "Leeds, England", country="GB", region="England")

# Where each remote posting is open to -> the places it is at.
REMOTE = {
    ("US", ""): {"Columbus", "Los Angeles"},
    ("US", "CA"): {"Los Angeles"},
    ("GB", ""): {"Glasgow", "Leeds"},
    ("GB", "Scotland"): {"Glasgow"},
}
PLACES = {"Columbus": COLUMBUS, "Los Angeles": LOS_ANGELES, "Glasgow": GLASGOW, "Leeds": LEEDS}


def remote_posting(country: str, region: str = ""):
    return PublishedPostingFactory(
        title="Helpline advisor",
        workplace=Workplace.REMOTE,
        open_to_country=country,
        open_to_region=region,
        located=False,
    )


def test_an_alert_hears_of_remote_jobs_open_to_its_place_and_no_others(indices):
    owner = UserFactory()
    alerts = {
        name: alert_create(owner=owner, query=PostingQuery(near=near))
        for name, near in PLACES.items()
    }
    anywhere = alert_create(owner=owner, query=PostingQuery())
    hiding = alert_create(
        owner=owner,
        query=PostingQuery(near=dataclasses.replace(COLUMBUS, include_remote=False)),
    )
    postings = {key: remote_posting(*key) for key in REMOTE}
    sync()

    for key, posting in postings.items():
        fired = set(alerts_matching_posting(posting))
        expected = {alerts[name].pk for name in REMOTE[key]} | {anywhere.pk}
        assert fired == expected, key
        assert hiding.pk not in fired


def test_an_alert_keeps_its_place_country_and_region(indices):
    alert = alert_create(owner=UserFactory(), query=PostingQuery(near=GLASGOW))
    alert.refresh_from_db()

    assert (alert.place_country, alert.place_region, alert.include_remote) == (
        "GB",
        "Scotland",
        True,
    )
    assert alert.query.near == GLASGOW


@pytest.mark.parametrize(
    ("home", "expected"),
    [
        (COLUMBUS, {("US", "")}),
        (LOS_ANGELES, {("US", ""), ("US", "CA")}),
        (GLASGOW, {("GB", ""), ("GB", "Scotland")}),
        (LEEDS, {("GB", "")}),
    ],
)
def test_jobs_for_you_lists_remote_jobs_open_to_where_the_person_lives(indices, home, expected):
    postings = {key: remote_posting(*key) for key in REMOTE}
    sync()
    profile = CandidateProfileFactory(
        remote_ok=True,
        travel_radius=10,
        home__label=home.label,
        home__region=home.region,
        home__country=home.country,
        home__latitude=home.latitude,
        home__longitude=home.longitude,
    )

    found = {m.posting.pk for m in matches_for_candidate(profile, None)}

    assert found == {postings[key].pk for key in expected}
    profile.remote_ok = False
    assert matches_for_candidate(profile, None) == []


def test_a_remote_job_is_offered_to_people_who_live_where_it_is_open_to(indices):
    ensure(candidates_index)
    people = {
        name: DiscoverableCandidateFactory(
            remote_ok=True,
            home__label=near.label,
            home__region=near.region,
            home__country=near.country,
            home__latitude=near.latitude,
            home__longitude=near.longitude,
        )
        for name, near in PLACES.items()
    }
    homeless = DiscoverableCandidateFactory(remote_ok=True, home=False)
    postings = {key: remote_posting(*key) for key in REMOTE}
    sync()
    get_client().indices.refresh(index=candidates_index.alias)

    for key, posting in postings.items():
        response = candidates_for_posting_search(posting).execute()
        found = {int(hit.meta.id) for hit in response.hits}
        expected = {people[name].pk for name in REMOTE[key]}
        assert found == expected | {homeless.pk}, key

"""The benchmark's generated data: fixed by its seed, and valid for the site."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from bench.dataset import employer_specs, posting_specs
from bench.loading import load_dataset
from bench.towns import resolved_towns, town_names
from employers.models import Employer
from jobs.models import JobPosting, Status

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def test_the_same_seed_and_time_give_the_same_rows():
    first = list(posting_specs(200, now=NOW, seed=7))

    assert first == list(posting_specs(200, now=NOW, seed=7))
    assert employer_specs(200, seed=7) == employer_specs(200, seed=7)
    assert first != list(posting_specs(200, now=NOW, seed=8))


def test_n_postings_are_live_and_one_in_twenty_more_are_in_other_states():
    specs = list(posting_specs(200, now=NOW))
    live = [s for s in specs if s.status == Status.PUBLISHED]

    assert len(live) == 200
    assert len(specs) == 210
    assert all(s.expires_at > NOW and s.published_at <= NOW for s in live)
    assert {s.status for s in specs} - {Status.PUBLISHED} == {
        Status.DRAFT,
        Status.PENDING_REVIEW,
        Status.PAUSED,
        Status.FILLED,
        Status.CLOSED,
        Status.EXPIRED,
    }


def test_the_data_has_the_variety_of_a_real_board():
    specs = list(posting_specs(2_000, now=NOW))

    assert len({s.category for s in specs}) == 17
    assert {s.salary_currency for s in specs} == {"USD", "GBP"}
    assert {s.workplace for s in specs} == {"on_site", "hybrid", "remote"}
    assert any(s.required for s in specs)
    assert any(s.preferred for s in specs)
    assert len({s.employer for s in specs}) > 30


def test_every_town_is_found_in_its_own_country():
    places = resolved_towns()

    assert len(places) == len(town_names()) > 300
    assert [p.country for p in places] == [country for _name, country in town_names()]
    assert len({p.label for p in places}) == len(places)


@pytest.mark.django_db
def test_loaded_postings_are_valid_and_the_live_ones_are_visible(seeded_credentials):
    report = load_dataset(200, now=NOW)

    assert (report.postings, report.live_postings) == (210, 200)
    assert Employer.objects.count() == report.employers
    assert JobPosting.objects.visible(now=NOW).count() == 200
    for posting in JobPosting.objects.prefetch_related("locations"):
        try:
            posting.full_clean()
            JobPosting.clean_locations(posting.workplace, list(posting.locations.all()))
        except ValidationError as error:
            pytest.fail(f"{posting.title}: {error}")

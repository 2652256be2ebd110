"""Matching a person to postings on a fixed corpus, against the real Elasticsearch.

Each test builds its postings, indexes them through the outbox as the site does,
and asks the real server.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from candidates.matching import (
    QUALIFIED,
    CandidateRanking,
    matches_for_candidate,
    posting_reasons,
)
from candidates.preferences import FairChancePreferences
from fairsite.outbox.drain import drain_due
from fairsite.search.client import get_client
from fairsite.search.indices import ensure
from jobs.search.index import postings_index
from tests.factories import CandidateProfileFactory, PublishedPostingFactory, credential

# Columbus, Ohio, and points due north of it (a degree of latitude is about 69 miles).
COLUMBUS = (39.9612, -82.9988)


def north_of_columbus(miles: float) -> dict:
    return {
        "located": f"{miles} miles north",
        "located__latitude": COLUMBUS[0] + miles / 69.05,
        "located__longitude": COLUMBUS[1],
    }


@pytest.fixture
def index(es, seeded_credentials):
    ensure(postings_index)

    def refresh():
        drain_due()
        get_client().indices.refresh(index=postings_index.alias)

    return refresh


def _titles(matches):
    return [m.posting.title for m in matches]


@pytest.fixture
def person(seeded_credentials):
    profile = CandidateProfileFactory(headline="", summary="", travel_radius=50)
    profile.credentials.set([credential("cpors")])
    return profile


def test_only_after_an_offer_never_shows_a_posting_that_checks_before_one(index, person):
    PublishedPostingFactory(title="Checks after offer", check_timing="after_offer")
    PublishedPostingFactory(
        title="Checks before offer", check_timing="before_offer_by_law", check_level="enhanced"
    )
    PublishedPostingFactory(title="Never checks", check_timing="never", check_level="none")
    index()

    everything = _titles(matches_for_candidate(person, None))
    chosen = FairChancePreferences(only_checks_after_offer=True)
    filtered = _titles(matches_for_candidate(person, chosen))

    assert "Checks before offer" in everything
    assert sorted(filtered) == ["Checks after offer", "Never checks"]


def test_each_preference_filters_its_own_postings(index, person):
    PublishedPostingFactory(title="Plain")
    PublishedPostingFactory(title="Enhanced", check_level="enhanced")
    PublishedPostingFactory(title="Driving", duties=["driving"])
    PublishedPostingFactory(title="No flexible hours", employer__with_policy__support=[])
    PublishedPostingFactory(
        title="Counts spent", employer__with_policy__ignores_spent_convictions=False
    )
    index()
    chosen = FairChancePreferences(
        highest_check_level="basic",
        avoid_duties=("driving",),
        needs_support=("flexible_hours",),
        only_ignores_spent_convictions=True,
    )

    assert len(matches_for_candidate(person, None)) == 5
    assert _titles(matches_for_candidate(person, chosen)) == ["Plain"]


def test_a_required_credential_they_hold_ranks_above_an_otherwise_equal_posting(index, person):
    plain = PublishedPostingFactory(title="Needs nothing")
    asks = PublishedPostingFactory(title="Requires CPORS")
    asks.required_credentials.set([credential("cpors")])
    index()

    matches = matches_for_candidate(person, None)

    assert _titles(matches) == ["Requires CPORS", "Needs nothing"]
    assert "You hold CPORS, which this role requires" in matches[0].reasons
    assert not any("CPORS" in reason for reason in matches[1].reasons)
    assert plain.pk == matches[1].posting.pk


def test_a_posting_requiring_a_credential_they_lack_comes_last_and_says_so(index, person):
    lacking = PublishedPostingFactory(title="Requires CPSCP", skills=["forklift"])
    lacking.required_credentials.set([credential("cpscp")])
    PublishedPostingFactory(title="Far and plain", **north_of_columbus(45))
    index()

    matches = matches_for_candidate(person, None)

    assert _titles(matches) == ["Far and plain", "Requires CPSCP"]
    assert matches[-1].missing_credentials == ("CPSCP",)
    assert matches[0].missing_credentials == ()


def test_a_posting_5_miles_away_outranks_the_same_posting_40_miles_away(index, person):
    PublishedPostingFactory(title="Forty miles", **north_of_columbus(40))
    PublishedPostingFactory(title="Five miles", **north_of_columbus(5))
    index()

    matches = matches_for_candidate(person, None)

    assert _titles(matches) == ["Five miles", "Forty miles"]
    assert "5 miles from you" in matches[0].reasons
    assert "40 miles from you" in matches[1].reasons


def test_postings_beyond_the_travel_radius_are_left_out_unless_remote_suits(index, person):
    PublishedPostingFactory(title="Sixty miles", **north_of_columbus(60))
    PublishedPostingFactory(title="Remote", workplace="remote", open_to_country="US", located=False)
    index()

    assert _titles(matches_for_candidate(person, None)) == []
    person.remote_ok = True
    assert _titles(matches_for_candidate(person, None)) == ["Remote"]


def test_the_reasons_for_a_hit_are_exactly_the_clauses_it_matched(index, person):
    person.skills = ["forklift", "first aid"]
    posting = PublishedPostingFactory(
        title="Forklift driver",
        skills=["Forklifts", "Stock control"],
        category="warehouse-logistics",
        employment_type="part_time",
        check_timing="after_offer",
        **north_of_columbus(8),
    )
    posting.preferred_credentials.set([credential("cpors")])
    index()

    [match] = matches_for_candidate(person, None)

    assert set(match.matched) == {
        QUALIFIED,
        "prefers:cpors",
        "near",
        "skill:0",
        "category",
        "after_offer",
    }
    assert match.reasons == (
        "You hold CPORS, which this role asks for",
        "8 miles from you",
        "It asks for forklift, one of your skills",
        "Warehouse and logistics is work you said you want",
        "They check records only after an offer",
    )


def test_every_hit_has_one_reason_per_matched_clause(index, person):
    person.headline = "Warehouse operative"
    for miles in (1, 10, 30):
        PublishedPostingFactory(**north_of_columbus(miles))
    PublishedPostingFactory(
        title="Cook",
        category="hospitality-food",
        employment_type="part_time",
        skills=["Stock control"],
    )
    index()

    matches = matches_for_candidate(person, None)

    assert len(matches) == 4
    for match in matches:
        named = match.matched - {QUALIFIED}
        assert len(match.reasons) == len(named)
        assert set(match.reasons) == set(
            posting_reasons(
                named,
                profile=person,
                posting=match.posting,
                miles=match.miles,
                names={"cpors": "CPORS"},
            )
        )


def test_distance_alone_never_lists_a_posting(index, seeded_credentials):
    officer = CandidateProfileFactory(
        headline="Probation officer",
        summary="Ten years supervising people on licence.",
        skills=["risk assessment"],
        desired_categories=["probation-parole"],
        travel_radius=25,
    )
    officer.credentials.set([credential("cpors")])
    PublishedPostingFactory(title="Line cook", category="hospitality-food", **north_of_columbus(8))
    PublishedPostingFactory(
        title="Construction labourer", category="construction-trades", **north_of_columbus(8)
    )
    PublishedPostingFactory(title="Probation officer", category="probation-parole")
    PublishedPostingFactory(title="Parole agent", category="other")
    PublishedPostingFactory(title="Youth worker", category="other", skills=["Risk assessment"])
    asks = PublishedPostingFactory(title="Case manager", category="case-management")
    asks.preferred_credentials.set([credential("cpors")])
    index()

    matches = matches_for_candidate(officer, None)

    assert sorted(_titles(matches)) == [
        "Case manager",
        "Parole agent",
        "Probation officer",
        "Youth worker",
    ]
    for match in matches:
        about_them = {"prefers", "requires", "skill", "category", "similar"}
        assert about_them & {name.partition(":")[0] for name in match.matched}, match


def test_a_profile_with_nothing_about_the_work_lists_no_posting(index, seeded_credentials):
    blank = CandidateProfileFactory(headline="", skills=[], desired_categories=[])
    PublishedPostingFactory(title="Warehouse operative")
    index()

    assert matches_for_candidate(blank, None) == []


def test_a_closed_posting_is_never_matched_even_before_the_index_catches_up(index, person):
    posting = PublishedPostingFactory(title="Closing")
    index()
    type(posting).objects.filter(pk=posting.pk).update(expires_at=timezone.now() - timedelta(1))

    assert matches_for_candidate(person, None) == []


def test_the_query_holds_no_preference_when_none_are_set(person):
    ranking = CandidateRanking.of(person, None)

    assert ranking.filters() == []

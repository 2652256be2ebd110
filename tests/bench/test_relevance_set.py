"""The judged relevance set: its data holds together, and the command's loader and
search-page measurement work end to end on the real Elasticsearch."""

import pytest

from bench.relevance.employers import EMPLOYERS_BY_KEY
from bench.relevance.loading import load_judged_set, place_of
from bench.relevance.postings import POSTINGS, POSTINGS_BY_KEY
from bench.relevance.queries import JUDGED_ON, QUERIES
from bench.relevance.rules import never_keys
from bench.relevance.run import measure, summarise
from bench.relevance.shapes import LIVE, NOT_LIVE, JudgedQuery, form
from fairsite.places import find_place
from fairsite.search.indices import rebuild
from jobs.models import Category, EmploymentType, JobPosting, Status, Workplace
from jobs.search.forms import SearchForm
from jobs.search.index import postings_index


def test_the_set_is_as_big_and_as_varied_as_promised():
    assert len(POSTINGS) >= 200
    assert len(QUERIES) >= 80
    assert len({p.key for p in POSTINGS}) == len(POSTINGS)
    assert len({q.key for q in QUERIES}) == len(QUERIES)
    assert {EMPLOYERS_BY_KEY[p.employer].country for p in POSTINGS} == {"US", "GB"}
    assert {p.status for p in POSTINGS} - {LIVE} <= set(NOT_LIVE)
    assert sum(p.status != LIVE for p in POSTINGS) >= 5
    assert JUDGED_ON == "2026-12-06"


def test_every_posting_uses_the_sites_own_values_and_real_places():
    for posting in POSTINGS:
        assert posting.category in Category.values, posting.key
        assert posting.employment_type in EmploymentType.values, posting.key
        assert posting.workplace in Workplace.values, posting.key
        country = EMPLOYERS_BY_KEY[posting.employer].country
        for text in posting.places:
            assert place_of(text, country=country).country == country, (posting.key, text)
        if posting.workplace == Workplace.REMOTE:
            assert not posting.places, posting.key
            assert posting.open_to["country"] == country, posting.key
            region = posting.open_to.get("region", "")
            assert region in ({"", "Scotland", "England", "Wales"} if country == "GB" else
                              {"", "CA", "PA", "MD"}), posting.key  # fmt: skip
        else:
            assert posting.places, posting.key
            assert not posting.open_to, posting.key


@pytest.mark.django_db
def test_every_query_is_what_the_form_sends_with_a_reason_and_grades_of_live_postings():
    fields = set(SearchForm.base_fields)
    for query in QUERIES:
        assert set(query.params) <= fields, query.key
        form_errors = SearchForm(query.params).errors
        # Only an ambiguous place is refused: the rest is what the form accepts.
        assert set(form_errors) <= {"place"}, (query.key, form_errors)
        assert query.why.strip(), query.key
        assert 1 <= len(query.params["q"].split()) <= 5 or query.params["place"], query.key
        for key, grade in query.grades.items():
            assert grade in (1, 2, 3), (query.key, key)
            assert POSTINGS_BY_KEY[key].status == LIVE, (query.key, key)
        if query.meant_place:
            find_place(query.meant_place)  # the place meant is one real place


def test_a_graded_posting_is_never_one_that_must_never_appear():
    for query in QUERIES:
        assert not set(query.grades) & never_keys(query), query.key


SMALL_SET = ["wh-us-01", "wh-us-02", "wh-us-11", "wh-uk-01", "ret-uk-09", "rs-uk-08"]


@pytest.mark.django_db
def test_the_set_is_loaded_through_the_services_and_measured_on_the_search_page(
    es, seeded_credentials
):
    postings = [POSTINGS_BY_KEY[key] for key in SMALL_SET]
    ids = load_judged_set(postings)
    rebuild(postings_index)

    closed = JobPosting.objects.get(pk=ids["wh-us-11"])
    chicago = JobPosting.objects.get(pk=ids["wh-us-01"])
    remote = JobPosting.objects.get(pk=ids["ret-uk-09"])
    assert closed.status == Status.CLOSED
    assert chicago.status == Status.PUBLISHED
    assert chicago.checks_after_offer
    assert [loc.label for loc in chicago.locations.all()] == ["Chicago, IL"]
    assert remote.workplace == Workplace.REMOTE
    assert not remote.locations.exists()
    if hasattr(remote, "open_to_country"):
        assert remote.open_to_country == "GB"

    words = JudgedQuery("words", form("warehouse associate"), "test", {"wh-us-01": 3})
    near = JudgedQuery(
        "near", form("warehouse", "Manchester, England"), "test", {"wh-uk-01": 3},
        meant_place="Manchester, England",
    )  # fmt: skip
    assert never_keys(near, postings) == {"wh-us-01", "wh-us-02", "wh-us-11"}
    assert never_keys(words, postings) == {"wh-us-11"}

    measured = measure([words, near], ids, postings=postings)

    by_key = {m["key"]: m for m in measured}
    assert by_key["words"]["top"][0] == "wh-us-01"
    assert by_key["words"]["ndcg"] == pytest.approx(1)
    assert by_key["near"]["top"][0] == "wh-uk-01"
    assert "wh-us-11" not in by_key["words"]["top"]
    assert all(m["violations"] == [] and m["page_ms"] > 0 for m in measured)
    overall = summarise(measured)
    assert overall["queries"] == 2
    assert overall["zero_result_rate"] == 0
    assert overall["violations"] == 0

"""The one text function: word forms people search for, and agreement with the
tokenizer Elasticsearch runs on the normalised text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fairsite.search.text import distinct_terms, normalise, terms

# What people write -> what is indexed and searched.
TABLE = [
    ("Probation Officers", "probation officer"),
    ("probation officer", "probation officer"),
    ("Correctional Treatment Specialists", "correctional treatment specialist"),
    ("Peer Support Specialists", "peer support specialist"),
    ("peer support specialist", "peer support specialist"),
    ("Reentry Case Managers", "reentry case manager"),
    ("re-entry case manager", "reentry case manager"),
    ("Re-Entry Programmes", "reentry program"),
    ("caseworkers", "caseworker"),
    ("Counsellors", "counselor"),
    ("counselors", "counselor"),
    ("Counselling", "counseling"),
    ("Warehouse Operatives", "warehouse operative"),
    ("Forklift Drivers", "forklift driver"),
    ("CPORS", "cpors"),
    ("CPSCP", "cpscp"),
    ("CSCS card holders", "cscs card holder"),
    ("DBS checks", "dbs check"),
    ("NHS", "nhs"),
    ("the manager's team", "the manager team"),
    ("employers' pledges", "employer pledge"),
    ("Women's Services", "woman service"),
    ("men and women", "man and woman"),
    ("tradesmen", "tradesman"),
    ("children", "child"),
    ("agencies", "agency"),
    ("charities and communities", "charity and community"),
    ("responsibilities", "responsibility"),
    ("policies", "policy"),
    ("boxes", "box"),
    ("classes", "class"),
    ("businesses", "business"),
    ("addresses", "address"),
    ("processes", "process"),
    ("benches and dishes", "bench and dish"),
    ("buses", "bus"),
    ("statuses", "status"),
    ("campuses", "campus"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("gases", "gas"),
    ("heroes", "hero"),
    ("photos", "photo"),
    ("movies", "movie"),
    ("creches", "creche"),
    ("wolves", "wolf"),
    ("drives", "drive"),
    ("executives", "executive"),
    ("nurses", "nurse"),
    ("courses", "course"),
    ("warehouses", "warehouse"),
    ("employees", "employee"),
    ("ties", "tie"),
    ("duties", "duty"),
    # Words that merely end in s stay as they are.
    ("bus", "bus"),
    ("status", "status"),
    ("analysis", "analysis"),
    ("business", "business"),
    ("address", "address"),
    ("process", "process"),
    ("campus", "campus"),
    ("gas", "gas"),
    ("news", "news"),
    ("series", "series"),
    ("species", "species"),
    ("us", "us"),
    ("various", "various"),
    ("bonus", "bonus"),
    ("heavy goods vehicles", "heavy goods vehicle"),
    ("customs officers", "customs officer"),
    ("reentry", "reentry"),
    ("office", "office"),
    ("offices", "office"),
    ("officer", "officer"),
    ("training", "training"),
    # British and American spellings meet.
    ("Organisations", "organization"),
    ("programme", "program"),
    ("licences", "license"),
    ("offences", "offense"),
    ("behaviour", "behavior"),
    ("co-ordinator", "coordinator"),
    ("non-profit", "nonprofit"),
    # Accents, ligatures, apostrophes, punctuation.
    ("Café Crème", "cafe creme"),
    ("naïve façade", "naive facade"),
    ("Straße", "strasse"),
    ("ﬁle", "file"),
    ("O\u2019Neill\u2019s", "oneill"),
    ("don't", "dont"),
    ("£25,000 - £30,000 a year", "25 000 30 000 a year"),
    ("3.5 hours", "3 5 hour"),
    ("sam.jones@example.org", "sam jone example org"),
    ("post-release support", "post release support"),
    ("", ""),
    ("  !!!  ", ""),
]

# Each pair must stay two different words.
APART = [
    ("office", "officer"),
    ("offices", "officers"),
    ("news", "new"),
    ("police", "policy"),
    ("bus", "busy"),
    ("goods", "good"),
    ("customs", "custom"),
    ("species", "specie"),
    ("series", "serie"),
    ("status", "statu"),
    ("analysis", "analysi"),
    ("business", "busines"),
    ("train", "training"),
    ("manage", "manager"),
    ("care", "career"),
    ("dbs", "db"),
    ("us", "u"),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_normalise_gives_the_form_people_search_for(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(("one", "other"), APART)
def test_different_words_stay_apart(one, other):
    assert normalise(one) != normalise(other)


def test_terms_keep_order_and_repeats_and_distinct_terms_keep_each_once():
    text = "Peer support specialists support peers"

    assert terms(text) == ["peer", "support", "specialist", "support", "peer"]
    assert distinct_terms(text) == ["peer", "support", "specialist"]


def test_query_and_document_meet_whatever_the_form():
    posting = "Senior Probation Officers (CPORS preferred) - Women's Reentry Services"

    for query in ["probation officer", "officers", "women", "reentry service", "cpors"]:
        assert set(terms(query)) <= set(terms(posting))
    assert not set(terms("office")) <= set(terms(posting))


def test_tokens_longer_than_elasticsearch_allows_are_cut_as_it_cuts_them():
    assert [len(term) for term in terms("x" * 600)] == [255, 255, 90]


def _analyzed(es, text):
    return [
        token["token"] for token in es.indices.analyze(analyzer="standard", text=text)["tokens"]
    ]


def test_standard_analyzer_on_normalised_text_yields_exactly_the_terms(es):
    for text, _ in TABLE:
        assert _analyzed(es, normalise(text)) == terms(text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_standard_analyzer_agrees_on_any_text(es, text):
    assert _analyzed(es, normalise(text)) == terms(text)

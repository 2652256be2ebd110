"""The one text function: word forms people search for, and agreement with the
tokenizer Elasticsearch runs on the normalised text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fairsite.search import text as text_module
from fairsite.search.synonyms import Group
from fairsite.search.text import (
    distinct_terms,
    document_terms,
    group_token,
    normalise,
    query_terms,
    terms,
)

# Each pair must meet: the same word forms, so a query with one finds the other.
MEET = [
    ("Probation Officers", "probation officer"),
    ("Correctional Treatment Specialists", "correctional treatment specialist"),
    ("Peer Support Specialists", "peer support specialist"),
    ("Reentry Case Managers", "re-entry case manager"),
    ("Re-Entry Programmes", "reentry program"),
    ("caseworkers", "caseworker"),
    ("Counsellors", "counselors"),
    ("Counselling", "counseling"),
    ("counseling", "counselor"),
    ("Warehouse Operatives", "warehouse operative"),
    ("Forklift Drivers", "forklift driver"),
    ("CPORS", "cpors"),
    ("HGVs", "HGV"),
    ("LGV", "HGV"),
    ("LGVs", "hgv"),
    ("NVQs", "NVQ"),
    ("the manager's team", "the managers team"),
    ("employers' pledges", "employer pledge"),
    ("Women's Services", "woman service"),
    ("men and women", "man and woman"),
    ("tradesmen", "tradesman"),
    ("children", "child"),
    ("agencies", "agency"),
    ("charities and communities", "charity and community"),
    ("responsibilities", "responsibility"),
    ("boxes", "box"),
    ("classes", "class"),
    ("businesses", "business"),
    ("benches and dishes", "bench and dish"),
    ("buses", "bus"),
    ("statuses", "status"),
    ("analyses", "analysis"),
    ("heroes", "hero"),
    ("movies", "movie"),
    ("shelves", "shelf"),
    ("knives", "knife"),
    ("nurses", "nurse"),
    ("warehouses", "warehouse"),
    ("duties", "duty"),
    ("heavy goods vehicles", "heavy goods vehicle"),
    ("customs officers", "customs officer"),
    ("offices", "office"),
    ("trainings", "training"),
    # The worker and the work.
    ("plumbing", "Plumber"),
    ("painting", "Painter"),
    ("roofing", "Roofer"),
    ("baking", "Baker"),
    ("bakery", "bakers"),
    ("cleaning", "cleaners"),
    ("driving", "Drivers"),
    ("welding", "welder"),
    ("carpentry", "carpenters"),
    ("joinery", "joiner"),
    ("bartending", "Bartenders"),
    ("caregiving", "caregivers"),
    ("cooking", "cooks"),
    ("nursing", "nurse"),
    ("mentoring", "mentors"),
    ("tutoring", "tutor"),
    ("accounting", "accountants"),
    ("corrections", "correctional"),
    ("managing", "managers"),
    ("management", "manager"),
    ("engineering", "engineers"),
    # British and American spellings.
    ("Organisations", "organization"),
    ("organised", "organized"),
    ("prioritising", "prioritizing"),
    ("programme", "program"),
    ("licences", "license"),
    ("offences", "offense"),
    ("behaviour", "behavior"),
    ("labourer", "laborer"),
    ("centre", "centers"),
    ("travelling", "traveling"),
    ("enrolment", "enrollment"),
    ("fulfilment", "fulfillment"),
    ("co-ordinator", "coordinator"),
    ("non-profit", "nonprofit"),
    # Accents, ligatures, apostrophes.
    ("Café Crème", "cafe creme"),
    ("naïve façade", "naive facade"),
    ("ﬁle", "file"),
    ("O\u2019Neill\u2019s", "oneill"),
    ("don't", "dont"),
]

# Exactly what some texts become (digits and punctuation, possessives, empties).
TABLE = [
    ("£25,000 - £30,000 a year", "25 000 30 000 a year"),
    ("3.5 hours", "3 5 hour"),
    ("post-release support", "post releas support"),
    ("Straße", "strass"),
    ("Plumbing and roofing", "plumber and roofer"),
    ("office officer training", "office officer training"),
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
    ("customer", "custom"),
    ("train", "training"),
    ("trained", "training"),
    ("trainer", "training"),
    ("care", "career"),
    ("caring", "career"),
    ("general", "generator"),
    ("security", "secure"),
    ("mechanic", "mechanical"),
    ("operator", "operations"),
    ("operative", "operations"),
    ("associate", "association"),
    ("engine", "engineer"),
    ("hospital", "hospitality"),
    ("probate", "probation"),
    ("custodian", "custodial"),
    ("clean", "cleaner"),
    ("drive", "driver"),
    ("machine", "machinist"),
    ("fabric", "fabricator"),
    ("builder", "building"),
    ("carer", "care"),
    ("university", "universe"),
    ("account", "accountant"),
    ("correct", "correction"),
    ("dbs", "db"),
    ("cscs", "csc"),
    ("us", "u"),
]


@pytest.mark.parametrize(("one", "other"), MEET)
def test_forms_of_one_word_meet(one, other):
    assert terms(one) == terms(other)


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_normalise_gives_these_tokens(text, expected):
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
        assert set(query_terms(query)) <= set(document_terms(posting))
    assert not set(query_terms("office")) <= set(document_terms(posting))


def test_tokens_longer_than_elasticsearch_allows_are_cut_as_it_cuts_them():
    assert [len(term) for term in terms("x" * 600)] == [255, 255, 90]


def _analyzed(es, text):
    return [
        token["token"] for token in es.indices.analyze(analyzer="standard", text=text)["tokens"]
    ]


def test_standard_analyzer_on_normalised_text_yields_exactly_the_terms(es):
    texts = [text for pair in MEET + APART for text in pair] + [text for text, _ in TABLE]
    texts += ["Bar staff and bartenders", "Forklift truck driver, HGV class 1 driver, CPSCP"]
    for text in texts:
        assert _analyzed(es, normalise(text)) == document_terms(text)
        assert _analyzed(es, " ".join(query_terms(text))) == query_terms(text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_standard_analyzer_agrees_on_any_text(es, text):
    assert _analyzed(es, normalise(text)) == document_terms(text)


def test_a_document_holds_the_tokens_of_the_groups_its_group_is_within():
    narrower, broader = group_token("reentryworker"), group_token("caseworker")

    assert normalise("Resettlement worker").split()[-2:] == [narrower, broader]
    assert normalise("Reentry case manager").split().count(broader) == 1
    # A query keeps its own group: "resettlement worker" is not every case manager.
    assert query_terms("resettlement worker") == [narrower]
    assert query_terms("case manager") == [broader]
    assert broader in normalise("Case manager")
    assert narrower not in normalise("Case manager")


def test_a_group_within_itself_is_refused(monkeypatch):
    looped = {"a": Group(("one",), within=("b",)), "b": Group(("two",), within=("a",))}
    monkeypatch.setattr(text_module, "GROUPS", looped)

    with pytest.raises(ValueError, match="within itself"):
        text_module._broader_table()

"""What people type finds what employers wrote, on the real Elasticsearch: word
families, related job titles (every group of the table) and credentials."""

import pytest

from fairsite.search.synonyms import GROUPS
from jobs.search.queries import PostingQuery
from tests.factories import PublishedPostingFactory, credential
from tests.jobs.test_search import refresh, search

pytestmark = pytest.mark.django_db

PLAIN = "<p>Join a friendly team.</p>"


def posted(*titles: str, description: str = PLAIN) -> None:
    for title in titles:
        PublishedPostingFactory(title=title, description=description)
    refresh()


# Word families ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("plumbing", "Plumber"),
        ("painting", "Painter"),
        ("roofing", "Roofer"),
        ("baking", "Baker"),
        ("plumber", "Plumbing and heating engineer"),
        ("painters", "Painting and decorating"),
        ("counselling", "Substance abuse counselor"),
        ("organisations", "Organization development lead"),
        ("programme coordinator", "Reentry program coordinator"),
        ("managing", "Case manager"),
        ("hgv", "LGV driver - nights"),
        ("LGV", "HGV Class 2 driver"),
    ],
)
def test_a_word_finds_the_other_forms_of_its_family(index, query, title):
    posted(title, "Kitchen porter")

    assert search(query) == [title]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("office", "Probation officer"),
        ("officer", "Office manager"),
        ("train", "Training coordinator"),
        ("custom", "Customer service advisor"),
        ("hospital", "Hospitality assistant"),
        ("cleaner", "Care worker, clean driving licence"),
    ],
)
def test_words_people_keep_apart_stay_apart(index, query, title):
    posted(title)

    assert search(query) == []


# Related job titles -----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("bartender", "Bar staff"),
        ("janitor", "Custodian"),
        ("carer", "Caregiver"),
        ("HGV driver", "Truck driver (CDL)"),
        ("shop assistant", "Sales associate"),
        ("resettlement worker", "Reentry case manager"),
        ("probation officer", "Probation practitioner"),
        ("warehouse operative", "Picker packer"),
        ("line cook", "Chef"),
        ("forklift operator", "Forklift truck driver"),
        ("bar staff", "Bartender"),
        ("truck driving", "Lorry driver"),
        ("fork lift", "Forklift operator"),
        ("factory work", "Production worker"),
        ("factory worker", "Assembly operative"),
        ("production operative", "Factory hand"),
        ("overnight", "Night baker"),
        ("night shift", "Warehouse operative - nights"),
        ("graveyard shift", "Overnight shelf stacker"),
        ("3rd shift", "Night custodian"),
        ("reentry", "Case manager - justice involved"),
        ("re-entry", "Housing officer for formerly incarcerated people"),
        ("mental health", "Behavioural health specialist"),
        ("caseworker", "Reentry coordinator"),
    ],
)
def test_a_title_finds_the_related_titles_people_use(index, query, title):
    posted(title, "Office manager")

    assert search(query) == [title]


@pytest.mark.parametrize("key", sorted(GROUPS))
def test_every_group_joins_its_first_and_last_phrase_both_ways(index, key):
    first, last = GROUPS[key].phrases[0], GROUPS[key].phrases[-1]
    PublishedPostingFactory(title=f"{first.title()} wanted", description=PLAIN)
    PublishedPostingFactory(title="Office manager", description=f"<p>We need a {last}.</p>")
    refresh()

    assert search(last) == [f"{first.title()} wanted", "Office manager"]
    assert sorted(search(first)) == sorted([f"{first.title()} wanted", "Office manager"])


def test_a_kind_of_case_work_is_found_as_case_work_but_not_the_reverse(index):
    posted("Resettlement worker", "Reentry navigator", "Hospital case manager")

    assert sorted(search("case manager")) == [
        "Hospital case manager",
        "Reentry navigator",
        "Resettlement worker",
    ]
    assert sorted(search("caseworker")) == sorted(search("case manager"))
    assert sorted(search("resettlement worker")) == ["Reentry navigator", "Resettlement worker"]
    assert search("probation officer") == []


def test_a_phrase_inside_a_longer_title_of_another_group_does_not_count(index):
    posted("Forklift truck driver", "HGV driver")

    assert search("truck driver") == ["HGV driver"]
    assert search("forklift driver") == ["Forklift truck driver"]


def test_a_phrase_counts_where_its_words_stand_together(index):
    posted("Kitchen staff", description="<p>Kitchen staff for a busy bar.</p>")

    assert search("bar staff") == []
    assert search("kitchen bar") == ["Kitchen staff"]


def test_a_title_written_the_same_way_ranks_first(index):
    PublishedPostingFactory(title="Warehouse associate", description=PLAIN)
    PublishedPostingFactory(title="Warehouse operative", description=PLAIN)
    refresh()

    assert search("warehouse operative")[0] == "Warehouse operative"
    assert search("warehouse associate")[0] == "Warehouse associate"


# Credentials --------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "CPSCP",
        "cpscp",
        "Certified Professional in Second Chance Programs",
        "second chance programs case manager",
    ],
)
def test_a_credential_finds_postings_that_ask_for_it_by_name_or_abbreviation(index, query):
    required = PublishedPostingFactory(title="Case manager", description=PLAIN)
    required.required_credentials.add(credential("cpscp"))
    preferred = PublishedPostingFactory(title="Reentry case manager", description=PLAIN)
    preferred.preferred_credentials.add(credential("cpscp"))
    other = PublishedPostingFactory(title="Case manager, youth", description=PLAIN)
    other.required_credentials.add(credential("cpors"))
    refresh()

    assert sorted(search(query)) == ["Case manager", "Reentry case manager"]


def test_a_credential_without_an_abbreviation_is_found_by_its_name(index):
    posting = PublishedPostingFactory(title="Mental health worker", description=PLAIN)
    posting.required_credentials.add(credential("reentry-mental-health-services"))
    PublishedPostingFactory(title="Support worker", description=PLAIN)
    refresh()

    assert search("career advancement programme") == ["Mental health worker"]


def test_renaming_a_credential_reindexes_the_postings_that_ask_for_it(index):
    posting = PublishedPostingFactory(title="Case manager", description=PLAIN)
    cpors = credential("cpors")
    posting.preferred_credentials.add(cpors)
    refresh()
    cpors.abbreviation = "CPORS-X"
    cpors.save()
    refresh()

    assert search("cpors x") == ["Case manager"]


def test_query_terms_are_what_an_alert_stores():
    assert PostingQuery(text="Bar staff, CPSCP").terms == ["zsynbartender", "zsyncpscp"]

"""Reading the words before searching: filler, intent phrases, credentials, and undoing them.

These test the reading alone; tests/jobs/test_search_understanding.py runs the
same queries through the page and the API on the real Elasticsearch.
"""

import random

import pytest

from jobs.models import Credential
from jobs.search.understanding import (
    ALL,
    FILLER,
    INTENTS,
    KEEP_CHOICES,
    credential_names,
    understand,
)

FILLER_QUERIES = [
    ("plumbing jobs", "plumbing"),
    ("work near me", ""),
    ("roofer position", "roofer"),
    ("Jobs, near me!", ""),
    ("cook vacancies in my area", "cook"),
    ("hiring now: a warehouse job", "warehouse"),
    ("looking for a job as a cleaner", "cleaner"),
    ("JOBS", ""),
]


@pytest.mark.parametrize(("typed", "words"), FILLER_QUERIES)
def test_filler_words_are_left_out(typed, words):
    understood = understand(typed)

    assert understood.text == words
    assert not understood.filters
    assert [r.key for r in understood.readings] == [FILLER]


@pytest.mark.parametrize(
    "typed", ["social work", "youth work", "social work jobs", "factory work", "production work"]
)
def test_a_filler_word_that_is_the_meaning_stays(typed):
    assert understand(typed).text.startswith(
        ("social work", "youth work", "factory work", "production work")
    )


@pytest.mark.parametrize(
    "typed",
    [
        "night shift",
        "weekend cook",
        "it support",
        "no experience",
        "us citizen",
        # They share a stem with filler words, but are not filler.
        "positive behaviour support",
        "area manager",
        "car hire",
        "special needs",
        "open university",
    ],
)
def test_words_with_a_meaning_of_their_own_stay(typed):
    # Postings say nothing about shifts, so "night" and "weekend" stay words.
    understood = understand(typed)

    assert understood.text == typed
    assert not understood.readings


@pytest.mark.parametrize(
    ("typed", "words", "filters", "flags"),
    [
        ("remote", "", {"workplace": "remote"}, set()),
        ("remote case manager jobs", "case manager", {"workplace": "remote"}, set()),
        ("work from home", "", {"workplace": "remote"}, set()),
        ("Working from home data entry", "data entry", {"workplace": "remote"}, set()),
        ("wfh customer service", "customer service", {"workplace": "remote"}, set()),
        ("home-based support worker", "support worker", {"workplace": "remote"}, set()),
        ("hybrid admin", "admin", {"workplace": "hybrid"}, set()),
        ("part time", "", {"employment_type": "part_time"}, set()),
        ("part-time cook", "cook", {"employment_type": "part_time"}, set()),
        ("full time forklift driver", "forklift driver", {"employment_type": "full_time"}, set()),
        ("seasonal warehouse", "warehouse", {"employment_type": "temporary"}, set()),
        ("apprentice electrician", "electrician", {"employment_type": "apprenticeship"}, set()),
        ("no background check", "", {}, {"after_offer"}),
        ("warehouse no background checks", "warehouse", {}, {"after_offer"}),
        ("ban the box jobs", "", {}, {"after_offer"}),
        ("remote part time no dbs", "",
         {"workplace": "remote", "employment_type": "part_time"}, {"after_offer"}),
        # Other everyday ways of saying the same.
        ("remote only", "", {"workplace": "remote"}, set()),
        ("home working admin", "admin", {"workplace": "remote"}, set()),
        ("teleworking", "", {"workplace": "remote"}, set()),
        ("hybrid working admin", "admin", {"workplace": "hybrid"}, set()),
        ("part timers", "", {"employment_type": "part_time"}, set()),
        ("full timer", "", {"employment_type": "full_time"}, set()),
        ("temps", "", {"employment_type": "temporary"}, set()),
        ("fixed term cleaner", "cleaner", {"employment_type": "temporary"}, set()),
        ("short term warehouse", "warehouse", {"employment_type": "temporary"}, set()),
        ("apprenticeships", "", {"employment_type": "apprenticeship"}, set()),
        ("internships", "", {"employment_type": "internship"}, set()),
        ("jobs that hire felons", "", {}, {"after_offer"}),
        ("ex felon", "", {}, {"after_offer"}),
        ("warehouse jobs for people with a criminal record", "warehouse", {}, {"after_offer"}),
        ("cook with convictions", "cook", {}, {"after_offer"}),
    ],
)  # fmt: skip
def test_intent_phrases_become_filters(typed, words, filters, flags):
    understood = understand(typed)

    assert understood.text == words
    assert understood.filters == filters
    assert understood.flags == flags


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("felony friendly", ""),
        ("second chance", ""),
        ("second chance jobs", ""),
        ("fair chance warehouse", "warehouse"),
        ("felon friendly jobs near me", ""),
        ("jobs for ex offenders", ""),
    ],
)
def test_fair_chance_phrases_choose_employers_who_check_only_after_an_offer(typed, words):
    understood = understand(typed)

    assert understood.text == words
    assert not understood.filters
    assert understood.flags == {"after_offer"}


def test_a_filter_chosen_in_the_url_wins_and_the_phrase_stays_words():
    understood = understand("remote cook", chosen_filters={"workplace": "hybrid"})

    assert understood.text == "remote cook"
    assert not understood.filters


def test_the_first_phrase_for_a_filter_wins_and_the_next_goes_with_it():
    understood = understand("remote or hybrid cook")

    assert understood.text == "cook"
    assert understood.filters == {"workplace": "remote"}
    assert understood.reading("workplace").said == "remote hybrid"


@pytest.mark.parametrize("key", ["workplace", "employment_type", "after_offer"])
def test_keep_searches_one_reading_as_words(key):
    typed = "remote part time cook no background check jobs"
    said = {
        "workplace": "remote",
        "employment_type": "part time",
        "after_offer": "no background check",
    }

    understood = understand(typed, keep=frozenset({key}))

    assert understood.reading(key) is None
    assert said[key] in understood.text
    assert understood.reading(FILLER).said == "jobs"


def test_keep_filler_keeps_the_filler_words():
    assert understand("plumbing jobs near me", keep=frozenset({FILLER})).text == (
        "plumbing jobs near me"
    )


def test_keep_all_searches_exactly_what_was_typed():
    understood = understand("  remote  jobs ", keep=frozenset({ALL}))

    assert understood.text == "remote jobs"
    assert not understood.readings
    assert not understood.filters


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "reading"),
    [
        ("CPSCP", "cpscp"),
        ("cpscp jobs", "cpscp"),
        ("Certified Peer Support Specialist", None),  # not exactly a credential's name
        ("CPSCP peer mentor", None),  # other words: searched as words
    ],
)
def test_a_credential_name_alone_chooses_the_credential_filter(seeded_credentials, typed, reading):
    names = credential_names(Credential.objects.all())

    understood = understand(typed, credentials=names)

    assert understood.filters.get("credential") == reading
    if reading:
        assert understood.text == ""
    else:
        assert understood.text


@pytest.mark.django_db
def test_every_credential_is_found_by_its_name_and_its_abbreviation(seeded_credentials):
    credentials = list(Credential.objects.all())
    names = credential_names(credentials)

    for credential in credentials:
        for said in filter(None, [credential.name, credential.abbreviation]):
            understood = understand(said, credentials=names)
            assert understood.filters == {"credential": credential.slug}, said


def test_words_left_out_come_back_with_typed_without():
    understood = understand("remote case manager jobs")

    assert understood.typed_without("workplace") == "case manager jobs"
    assert understood.typed_without(positions=(1,)) == "remote manager jobs"
    assert understand(understood.typed_without("workplace")).text == "case manager"


def test_punctuation_on_its_own_is_not_a_word():
    understood = understand("- & cook !")

    assert understood.text == "cook"


def test_reading_the_result_again_changes_nothing():
    """The property an alert relies on: the understood search, saved with its
    filters, is read to the very same search."""
    rng = random.Random(2026)
    phrases = [*INTENTS, "jobs", "near me", "work", "social work", "a", "cook", "warehouse"]
    phrases += ["case manager", "night", "peer support", "-", "remote", "CPSCP", "retail", "care"]
    for _ in range(2000):
        typed = " ".join(rng.choice(phrases) for _ in range(rng.randint(1, 5)))
        keep = frozenset(k for k in KEEP_CHOICES if k != ALL and rng.random() < 0.15)
        first = understand(typed, keep=keep)
        again = understand(
            first.text, chosen_filters=first.filters, chosen_flags=first.flags, keep=keep
        )
        assert (again.text, again.filters, again.flags) == (first.text, {}, frozenset()), typed

"""The maintained list of phrases that screen people out by their record."""

import pytest

from employers.models import CheckTiming
from jobs.wording import check_wording, suggestion_for
from tests.factories import FairChancePolicyFactory

FLAGGED = [
    "Applicants must have a clean criminal record.",
    "Clean record essential",
    "A clear background is required",
    "No felons.",
    "no felonies please",
    "No convictions",
    "No criminal record",
    "No ex-offenders",
    "Felons need not apply",
    "Ex-cons should not apply",
    "Must pass a background check",
    "must be able to pass a criminal background check",
    "You will need to pass a DBS check",
    "Must clear a police check",
    "Background check required",
    "Criminal record checks are mandatory",
    "Clean DBS",
    "clear DBS essential",
    "Enhanced DBS required",
    "Must not have a criminal record",
    "You must never have been convicted",
    "Have you ever been convicted of a crime?",
    "Tick the box if you have a record",
    "No arrests",
    "Must have a spotless record",
    "<p>Candidates <strong>must pass a background check</strong>.</p>",
    "Must pass a background check \u2013 no exceptions",
    "We will run a background check before the interview.",
]

NOT_FLAGGED = [
    "We check criminal records only after a conditional job offer.",
    "Keep the warehouse clean and tidy.",
    "Good record keeping is part of the job.",
    "We keep a clean safety record on site.",
    "Help people with convictions find housing.",
    "Experience supporting people with criminal records is welcome.",
    "Check stock against delivery notes.",
    "You will record background information in case notes.",
    "We welcome applicants with a criminal record.",
    "The law requires a DBS check for this role after an offer.",
    "No criminal record questions on our application form.",
    "There are no conviction boxes to tick.",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_screening_phrases_are_flagged(text):
    flags = check_wording(text)

    assert flags, f"not flagged: {text!r}"
    assert all(flag.why and flag.suggestion for flag in flags)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_ordinary_job_wording_is_not_flagged(text):
    assert check_wording(text) == []


def test_a_phrase_repeated_across_title_and_description_is_flagged_once():
    flags = check_wording("Driver: no felons", "<p>No felons.</p>")

    assert [flag.phrase for flag in flags] == ["no felons"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("timing", "expected"),
    [
        (CheckTiming.NEVER, "never check"),
        (CheckTiming.AFTER_OFFER, "only after we make a conditional job offer"),
        (CheckTiming.BEFORE_OFFER_BY_LAW, "Say which law requires a check"),
    ],
)
def test_the_suggestion_comes_from_the_employers_own_policy(timing, expected):
    policy = FairChancePolicyFactory(check_timing=timing)

    assert expected in suggestion_for(policy)
    assert expected in check_wording("No felons", policy=policy)[0].suggestion

"""The record-question check itself: what it returns, what it reads, and the
rules built on it (the posting wording flags and messages before an offer)."""

import pytest
from django.core.exceptions import ValidationError

from employers.record_questions import (
    RecordQuestion,
    record_question_errors,
    record_question_in,
    refuse_record_question,
)
from jobs.wording import before_offer_refusal, check_wording
from tests.factories import EmployerFactory


def test_it_returns_the_sentence_that_asks_and_says_why_and_what_to_say_instead():
    text = "Pick and pack orders. Tell us about any convictions when you apply. Day shifts."

    found = record_question_in(text)

    assert found == RecordQuestion(sentence="Tell us about any convictions when you apply.")
    assert found.message.startswith("“Tell us about any convictions when you apply.” asks about")
    assert "before a conditional offer" in found.message
    assert "We only look at records after we offer you the job" in found.message


def test_a_long_sentence_is_shortened_in_the_message():
    sentence = "Have you ever been convicted of " + "a very long list of things, " * 10 + "ever?"

    message = record_question_in(sentence).message

    assert "…”" in message
    assert len(message) < len(sentence) + 250


@pytest.mark.parametrize("text", ["", None, "   ", "<p></p>"])
def test_nothing_written_asks_nothing(text):
    assert record_question_in(text) is None


def test_it_reads_the_words_of_html_as_a_posting_stores_them():
    html = "<p>Great team.</p><ul><li>Forklift</li><li>Any <strong>convictions</strong>?</li></ul>"

    assert record_question_in(html).sentence == "Any convictions ?"


def test_curly_apostrophes_and_capitals_read_like_plain_ones():
    assert record_question_in("HAVEN\u2019T YOU EVER BEEN TO PRISON?")
    assert record_question_in("You\u2019ve been arrested, haven\u2019t you?")
    assert record_question_in("We don\u2019t ask about convictions.") is None


def test_a_question_asked_to_reassure_passes_but_one_to_be_answered_does_not():
    assert record_question_in("Worried about your record? You can still apply.") is None
    assert record_question_in("Been in prison? This role is for you.") is None
    assert record_question_in("Been in prison? Tell us in your cover letter.")


def test_a_record_after_an_offer_is_the_employers_process_not_a_question():
    assert record_question_in("After we make an offer, tell us about any convictions.") is None
    assert record_question_in("Before we make an offer, tell us about any convictions.")


def test_the_form_validator_and_the_model_errors_use_the_same_message():
    question = "Are you on parole?"
    with pytest.raises(ValidationError) as refused:
        refuse_record_question(question)

    assert refused.value.messages == [record_question_in(question).message]
    assert record_question_errors(title="Probation officer", about=question) == {
        "about": record_question_in(question).message
    }


@pytest.mark.django_db
def test_an_organisation_can_not_be_saved_with_a_record_question_in_its_profile():
    employer = EmployerFactory()
    employer.about = "Good people. Do you have a criminal record?"

    with pytest.raises(ValidationError) as refused:
        employer.full_clean()

    assert set(refused.value.message_dict) == {"about"}


def test_the_wording_checker_flags_a_record_question_in_an_older_posting():
    flags = check_wording("Forklift driver", "Have you ever been to prison?")

    assert [flag.phrase for flag in flags] == ["Have you ever been to prison?"]
    assert "before a conditional offer" in flags[0].why


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Are you on probation?", "asks about a record"),
        ("Only apply with a clean record.", "Take out the words about records (“clean record”)"),
        ("We will run a background check before the interview.", "Take out the words"),
        ("Come in on Tuesday. We check records only after an offer.", ""),
        ("", ""),
    ],
)
def test_a_message_before_an_offer_refuses_questions_and_screening_phrases(message, expected):
    refusal = before_offer_refusal(message)

    assert expected in refusal
    assert bool(refusal) == bool(expected)

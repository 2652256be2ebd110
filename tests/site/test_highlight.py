"""Marking the matched words, in titles and in the extract of a description."""

from fairsite.search.highlight import highlight, snippet
from fairsite.search.text import terms


def test_the_extract_starts_a_little_before_the_first_match_and_marks_every_match_in_it():
    wanted = "We need a forklift driver; drivers get training. "
    text = "Intro words here. " * 20 + wanted + "x " * 200

    extract = snippet(text, terms("driver"))

    assert extract.startswith("… words here. Intro")
    assert extract.endswith(" x …")
    assert "forklift <mark>driver</mark>; <mark>drivers</mark> get training" in extract
    assert len(extract.replace("<mark>", "").replace("</mark>", "")) <= 220 + 4


def test_a_word_cut_by_the_start_of_the_extract_is_not_marked():
    # No space to start the extract at: it begins inside "qqqqqqqqqqofficer",
    # whose last letters alone would match.
    text = "q" * 10 + "officer/officer"

    assert snippet(text, terms("officer"), length=24) == "… officer/<mark>officer</mark>"


def test_a_word_cut_by_the_end_of_the_extract_is_not_marked():
    # No space to end the extract at: it ends inside "officerzzzz".
    text = "officer/officerzzzz and more"

    assert snippet(text, terms("officer"), length=15) == "<mark>officer</mark>/officer …"


def test_without_matching_words_the_extract_is_the_start_escaped():
    assert snippet("Fish & chips <b>", []) == "Fish &amp; chips &lt;b&gt;"
    assert highlight("Fish & chips", terms("chips")) == "Fish &amp; <mark>chips</mark>"

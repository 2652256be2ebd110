"""Which country a visitor's words come from: distinctly British or American
job words and British spellings, and nothing from words both countries use."""

import pytest

from fairsite.search.word_countries import AMERICAN, BRITISH, word_country


@pytest.mark.parametrize(
    ("typed", "country"),
    [
        ("carer", "GB"),
        ("Carers", "GB"),
        ("HGV driver", "GB"),
        ("lorry drivers", "GB"),
        ("kitchen porter", "GB"),
        ("resettlement worker", "GB"),
        # British spellings, in any of their forms.
        ("labourer", "GB"),
        ("organised", "GB"),
        ("programme coordinator", "GB"),
        ("community centre", "GB"),
        ("caregiver", "US"),
        ("CDL driver", "US"),
        ("reentry case manager", "US"),
        ("re-entry", "US"),
        ("janitors", "US"),
        ("parole officer", "US"),
        # Words both countries use, and American spellings British writers use too.
        ("cook", None),
        ("warehouse", None),
        ("cleaner", None),
        ("program", None),
        ("license", None),
        ("", None),
        # Both countries' words at once say nothing.
        ("carer or caregiver", None),
        ("lorry driver cdl", None),
    ],
)
def test_words_say_a_country_only_when_they_are_one_countrys(typed, country):
    assert word_country(typed) == country


def test_no_phrase_is_both_british_and_american():
    def phrases(text: str) -> set[str]:
        return {line.strip() for line in text.splitlines() if line.strip()}

    assert len(phrases(BRITISH)) > 20
    assert not phrases(BRITISH) & phrases(AMERICAN)

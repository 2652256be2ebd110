"""Which country a visitor's words come from, when they are distinctly one
country's: "carer", "lorry driver" and "programme" are British; "caregiver",
"CDL driver" and "parole officer" are American.

A search page reads a shared place name ("Cambridge", "Richmond") by the
visitor's own country when it knows it. When it does not, the words typed are
the next best hint (``jobs.search.forms``). Only words that one country uses
for a job and the other does not are listed, and British spellings (from the
text function's spelling table: "labour", "centre", "licence"). American
spellings are not a hint: British writers use many of them ("program",
"license" as a verb). Words both countries use ("cashier", "cleaner",
"warehouse") say nothing.
"""

from __future__ import annotations

from functools import lru_cache

from .text import terms, tokens
from .word_forms import is_british_spelling

BRITISH = """
    carer
    home carer
    domiciliary care
    domiciliary carer
    care assistant
    healthcare assistant
    lorry
    lorry driver
    hgv
    lgv
    class 1 driver
    class 2 driver
    multi drop driver
    shop assistant
    retail assistant
    customer assistant
    till operator
    kitchen porter
    pot washer
    barman
    barmaid
    resettlement
    probation practitioner
    offender manager
    door supervisor
    groundworker
    site operative
    joiner
    cscs
    dbs
    warehouse operative
    production operative
    factory operative
    cleaning operative
    maintenance operative
    postcode
"""
AMERICAN = """
    caregiver
    home health aide
    personal care aide
    direct support professional
    cna
    certified nursing assistant
    custodian
    janitor
    cdl
    cdl driver
    class a driver
    otr driver
    tractor trailer driver
    semi truck driver
    sales associate
    store associate
    retail associate
    line cook
    prep cook
    short order cook
    reentry
    parole officer
    parole agent
    community supervision officer
    order selector
    fulfillment associate
    zip code
"""


def word_country(text: str) -> str | None:
    """ "GB" or "US" when the words are distinctly British or American (and not
    both at once); None when they say nothing of a country."""
    words = terms(text)
    found = set()
    if any(map(is_british_spelling, tokens(text))):
        found.add("GB")
    for country, phrases in _phrases().items():
        if any(_contains(words, phrase) for phrase in phrases):
            found.add(country)
    return found.pop() if len(found) == 1 else None


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[at : at + size]) == phrase for at in range(len(words) - size + 1))


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[tuple[str, ...]]]:
    def lines(text: str) -> list[tuple[str, ...]]:
        return [tuple(terms(line)) for line in text.strip().splitlines() if line.strip()]

    return {"GB": lines(BRITISH), "US": lines(AMERICAN)}

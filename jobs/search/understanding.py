"""Reading what people type into the job search before the query is built.

People type "plumbing jobs near me", "remote case manager", "part time cook",
"no background check warehouse". Searched as words, every word must occur in a
posting, so "jobs", "near" and "me" find nothing and "remote" finds only the
postings whose text happens to say it. This module reads such a query once,
for the search page, the API and saving an alert alike (they all go through
``SearchForm``):

- **Filler words** ("jobs", "work", "position", "near me", "hiring now", "a",
  "in") are left out of the words. A query of filler alone ("jobs near me")
  means every job. A few phrases keep their filler word because it is the
  meaning ("social work", "youth work", "factory work").
- **Intent phrases** become the filters the site already has: "remote", "work
  from home", "wfh", "home based" choose remote work and "hybrid" hybrid work;
  "part time", "full time", "temporary", "seasonal", "apprentice", "internship"
  choose the type of work; "no background check", "ban the box", "checks after
  an offer" choose employers who check records only after an offer (or never).
  Postings say nothing about shifts, so "night" and "weekend" stay words;
  "overnight", "graveyard shift" and "3rd shift" find the postings that say
  "nights" through the related-titles table (``fairsite.search.synonyms``).
- **"Felony friendly", "second chance", "fair chance", "ex offender"** choose
  the same filter. Every employer here hires people with a record, but one that
  must check before an offer by law (care work with an enhanced check, say) is
  not what someone asking this way means; the page says what it chose, with a
  link to search without it.
- **A credential's name or abbreviation**, when it is the whole query ("CPSCP"),
  chooses the credential filter. Mixed with other words it stays words.
- **A kind of work** ("retail jobs", "construction", "care work"), when it is
  the whole query less filler and filters, chooses its category: employers
  write job titles ("Cashier", "Carer"), not the name of their trade, so as
  words these find little. Only names that are seldom a title's own words are
  read this way; "warehouse" or "cleaning" stay words, which find more.

A filter the visitor chose themselves always wins: a phrase for a filter that is
already chosen stays words. Each reading can be turned off with ``keep`` (the
URL's ``keep`` parameter), and ``keep={"all"}`` searches exactly the words typed.

Phrases are compared as the text function's tokens before word forms
(``tokens``), so "Jobs", "jobs," and "JOBS" are the same filler and "part-time"
is "part time", while "positive" is not "positions" nor "hire" "hiring".
Reading the result again gives the same result (the property that lets a saved
alert store the understood query and still agree with the page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from fairsite.search.text import tokens as text_tokens

from ..models import Category, EmploymentType, Workplace
from .queries import FLAG_TITLES

# Readings that can be turned off one by one (the URL's keep=...).
FILLER = "filler"
SPELLING = "spelling"  # typo correction (jobs.search.recovery)
ALL = "all"
KEEP_CHOICES = (ALL, FILLER, SPELLING, "workplace", "employment_type", "after_offer")
KEEP_CHOICES += ("credential", "category")

FILLER_WORDS = """
    job jobs work position positions vacancy vacancies opening openings opportunity
    opportunities role roles hiring near nearby me my i local locally now today immediate
    immediately urgent urgently asap a an the in at for of to and or with on available
    looking want need find any around please as that who which will only
"""
FILLER_PHRASES = ["near me", "close to me", "around me", "in my area", "hiring now", "now hiring"]
# Phrases whose filler word is part of what they mean.
KEPT_PHRASES = ["social work", "youth work", "factory work", "production work"]

# Phrase -> (reading, filter value).
INTENTS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        [
            "remote",
            "remotely",
            "work from home",
            "working from home",
            "work at home",
            "from home",
            "wfh",
            "home based",
            "homebased",
            "work from anywhere",
            "telecommute",
            "telecommuting",
            "telework",
            "teleworking",
            "home working",
            "homeworking",
            "remote working",
        ],
        ("workplace", Workplace.REMOTE.value),
    ),
    **dict.fromkeys(
        ["hybrid", "hybrid working", "hybrid work"], ("workplace", Workplace.HYBRID.value)
    ),
    **dict.fromkeys(
        ["part time", "parttime", "part timer", "part timers"],
        ("employment_type", EmploymentType.PART_TIME.value),
    ),
    **dict.fromkeys(
        ["full time", "fulltime", "full timer"], ("employment_type", EmploymentType.FULL_TIME.value)
    ),
    **dict.fromkeys(
        ["temporary", "temp", "temps", "seasonal", "short term", "fixed term"],
        ("employment_type", EmploymentType.TEMPORARY.value),
    ),
    **dict.fromkeys(
        ["apprentice", "apprentices", "apprenticeship", "apprenticeships"],
        ("employment_type", EmploymentType.APPRENTICESHIP.value),
    ),
    **dict.fromkeys(
        ["intern", "interns", "internship", "internships"],
        ("employment_type", EmploymentType.INTERNSHIP.value),
    ),
    **dict.fromkeys(
        [
            "no background check",
            "no background checks",
            "without background check",
            "no criminal background check",
            "no record check",
            "no criminal record check",
            "no dbs",
            "no dbs check",
            "no check",
            "no checks",
            "ban the box",
            "check after offer",
            "checks after offer",
            "checks after an offer",
            "background check after offer",
            "felony friendly",
            "felon friendly",
            "felon",
            "felons",
            "for felons",
            "hire felons",
            "hires felons",
            "with a felony",
            "with a record",
            "with a criminal record",
            "with criminal record",
            "with a conviction",
            "with convictions",
            "with criminal records",
            "people with a record",
            "people with a criminal record",
            "people with criminal records",
            "people with convictions",
            "ex felons",
            "ex cons",
            "ex convict",
            "ex convicts",
            "ex prisoner",
            "ex prisoners",
            "no bg check",
            "no criminal background checks",
            "without background checks",
            "second chance",
            "fair chance",
            "ex offender",
            "ex offenders",
            "ex offender friendly",
            "ex con",
            "ex felon",
            "criminal record friendly",
            "record friendly",
            "convictions welcome",
        ],
        ("after_offer", "on"),
    ),
}
FLAG_READINGS = frozenset({"after_offer"})

# A kind of work, typed alone -> its category.
CATEGORY_NAMES: dict[str, str] = {
    **dict.fromkeys(["retail"], Category.RETAIL.value),
    **dict.fromkeys(["construction", "building trades", "trades"], Category.CONSTRUCTION.value),
    **dict.fromkeys(["manufacturing", "factory", "factories"], Category.MANUFACTURING.value),
    **dict.fromkeys(["hospitality", "catering", "food service"], Category.HOSPITALITY.value),
    **dict.fromkeys(["care", "social care", "care work"], Category.CARE.value),
    **dict.fromkeys(["logistics"], Category.WAREHOUSE.value),
}

# What each reading is called on the page.
VALUE_LABELS = {
    Workplace.REMOTE.value: "Remote",
    Workplace.HYBRID.value: "Hybrid",
    EmploymentType.PART_TIME.value: "Part time",
    EmploymentType.FULL_TIME.value: "Full time",
    EmploymentType.TEMPORARY.value: "Temporary",
    EmploymentType.APPRENTICESHIP.value: "Apprenticeship",
    EmploymentType.INTERNSHIP.value: "Internship",
}
READING_LABELS = {name: FLAG_TITLES[name] for name in FLAG_READINGS}


@dataclass(frozen=True)
class Reading:
    """One part of the query read as something other than words to match."""

    key: str  # a KEEP_CHOICES value: what ?keep=<key> turns off
    value: str  # the filter's value ("" for filler)
    words: tuple[int, ...]  # the typed words it took (their positions)
    said: str  # those words as typed
    label: str  # what the page calls it ("Remote", "Part time", "CPSCP")


@dataclass(frozen=True)
class Understanding:
    """What a query was read as: the words still to match, the filters it chose."""

    typed: str
    text: str
    filters: dict[str, str] = field(default_factory=dict)  # facets the words chose
    flags: frozenset[str] = frozenset()  # yes/no facets the words chose
    readings: tuple[Reading, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.readings)

    def reading(self, key: str) -> Reading | None:
        return next((r for r in self.readings if r.key == key), None)

    def typed_without(self, *keys: str, positions: tuple[int, ...] = ()) -> str:
        """What was typed, less the words of some readings and word positions.

        Read again, it gives this reading less those parts: the search an
        offer or an undo link leads to.
        """
        gone = set(positions)
        for reading in self.readings:
            if reading.key in keys:
                gone.update(reading.words)
        return " ".join(w for n, w in enumerate(self.typed.split()) if n not in gone)


def _phrases(texts) -> dict[tuple[str, ...], str]:
    return {tuple(text_tokens(text)): text for text in texts if text_tokens(text)}


@lru_cache(maxsize=1)
def _tables():
    # Built on first use: the text function decides the forms compared.
    filler_words = frozenset(t for word in FILLER_WORDS.split() for t in text_tokens(word))
    filler = {**_phrases(FILLER_PHRASES), **{(w,): w for w in filler_words}}
    intents = {tuple(text_tokens(phrase)): reading for phrase, reading in INTENTS.items()}
    kept = _phrases(KEPT_PHRASES)
    longest = max(len(p) for p in [*filler, *intents, *kept])
    return filler, intents, kept, longest


def understand(
    typed: str,
    *,
    chosen_filters: dict[str, str] | None = None,
    chosen_flags: frozenset[str] = frozenset(),
    keep: frozenset[str] = frozenset(),
    credentials: dict[tuple[str, ...], tuple[str, str]] | None = None,
) -> Understanding:
    """Read ``typed``; ``chosen_*`` are the filters the visitor chose, ``keep`` the
    readings turned off, ``credentials`` each credential's name and abbreviation as
    tokens -> (slug, label) (``credential_names()``)."""
    typed = " ".join(typed.split())
    if ALL in keep or not typed:
        return Understanding(typed=typed, text=typed)
    chosen = {name for name, value in (chosen_filters or {}).items() if value} | set(chosen_flags)
    words = typed.split()
    # Every token with the typed word it came from ("full-time" is two tokens).
    tokens = [(token, n) for n, word in enumerate(words) for token in text_tokens(word)]
    filler, intents, kept, longest = _tables()
    readings: list[Reading] = []
    taken_keys: set[str] = set()
    dropped: list[int] = []  # token positions left out
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            phrase = tuple(token for token, _n in tokens[i : i + size])
            if phrase in kept:
                break
            if phrase in intents:
                key, value = intents[phrase]
                if key in keep or key in chosen:
                    continue
                span = _span(tokens, i, size, words)
                if key not in taken_keys:  # the first phrase for a filter wins
                    taken_keys.add(key)
                    readings.append(Reading(key, value, *span, _label(key, value)))
                else:
                    previous = next(r for r in readings if r.key == key)
                    readings[readings.index(previous)] = _merged(previous, span)
                dropped.extend(range(i, i + size))
                break
            if phrase in filler and FILLER not in keep:
                dropped.extend(range(i, i + size))
                break
        else:
            size = 1
        i += max(size, 1)
    gone_tokens = set(dropped)
    by_word: dict[int, list[int]] = {n: [] for n in range(len(words))}
    for j, (_token, n) in enumerate(tokens):
        by_word[n].append(j)
    # A typed word is left out when every token of it is.
    gone_words = {n for n, js in by_word.items() if js and all(j in gone_tokens for j in js)}
    read = {n for r in readings for n in r.words}
    # A credential's name or abbreviation: all the words typed ("Certified
    # Professional in Second Chance Programs"), or all but filler and the
    # phrases read as filters ("remote CPSCP jobs").
    everything = [n for n, js in by_word.items() if js]
    for positions, others in (
        (everything, []),
        ([n for n in everything if n not in gone_words], readings),
    ):
        found = _credential(words, positions, chosen, keep, credentials or {})
        if found:
            readings = [*others, found]
            read = {n for r in readings for n in r.words}
            gone_words = set(everything) - read
            break
    if not any(r.key == "credential" for r in readings):
        rest = [n for n in everything if n not in gone_words]
        if found := _category(words, rest, chosen, keep):
            readings = [*readings, found]
            read = {n for r in readings for n in r.words}
    filler_words = tuple(sorted(gone_words - read))
    if filler_words:
        said = " ".join(words[n] for n in filler_words)
        readings.append(Reading(FILLER, "", filler_words, said, said))
    # A word with no letters or digits ("-", "&") matches nothing: it goes too.
    taken = read | gone_words | {n for n, js in by_word.items() if not js}
    text = " ".join(w for n, w in enumerate(words) if n not in taken)
    filters = {r.key: r.value for r in readings if r.value and r.key not in FLAG_READINGS}
    flags = frozenset(r.key for r in readings if r.key in FLAG_READINGS)
    return Understanding(typed, text, filters, flags, tuple(readings))


def _span(tokens, start: int, size: int, words: list[str]) -> tuple[tuple[int, ...], str]:
    positions = tuple(dict.fromkeys(n for _t, n in tokens[start : start + size]))
    return positions, " ".join(words[n] for n in positions)


def _merged(reading: Reading, span) -> Reading:
    positions = tuple(sorted({*reading.words, *span[0]}))
    return Reading(
        reading.key, reading.value, positions, f"{reading.said} {span[1]}", reading.label
    )


def _label(key: str, value: str) -> str:
    return VALUE_LABELS.get(value) or READING_LABELS.get(key, value)


def _credential(words, positions, chosen, keep, credentials) -> Reading | None:
    if "credential" in keep or "credential" in chosen or not positions:
        return None
    said = " ".join(words[n] for n in positions)
    found = credentials.get(tuple(text_tokens(said)))
    if found is None:
        return None
    slug, label = found
    return Reading("credential", slug, tuple(positions), said, label)


def _category(words, positions, chosen, keep) -> Reading | None:
    if "category" in keep or "category" in chosen or not positions:
        return None
    said = " ".join(words[n] for n in positions)
    value = _category_table().get(tuple(text_tokens(said)))
    if value is None:
        return None
    return Reading("category", value, tuple(positions), said, Category(value).label)


@lru_cache(maxsize=1)
def _category_table() -> dict[tuple[str, ...], str]:
    return {tuple(text_tokens(name)): value for name, value in CATEGORY_NAMES.items()}


def credential_names(credentials) -> dict[tuple[str, ...], tuple[str, str]]:
    """Each credential's full name and abbreviation, as tokens -> (slug, label)."""
    filler = _tables()[0]
    names: dict[tuple[str, ...], tuple[str, str]] = {}
    for credential in credentials:
        for name in (credential.name, credential.abbreviation):
            said = tuple(text_tokens(name))
            # Also without its filler words, as the query is compared without them.
            for key in (said, tuple(t for t in said if (t,) not in filler)):
                if key:
                    names.setdefault(key, (credential.slug, credential.short_name))
    return names

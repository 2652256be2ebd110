"""One word's form: the word forms that documents and queries meet on.

``word_form`` turns one lower-case ``[a-z0-9]`` token into its form, and is all
``fairsite.search.text`` asks of this module:

- the Snowball English stemmer joins plurals and verb forms ("officers",
  "painting", "managed" → offic…, paint, manag);
- a table of trades joins the worker to the work ("plumber" and "plumbing";
  "baker", "baking" and "bakery"), which no stemmer does;
- a table keeps apart words the stemmer would join but people do not ("office"
  and "officer", "training" and "train", "customer" and "custom");
- plurals the stemmer does not know (women, tradesmen, buses, HGVs);
- two names of one thing, by abbreviation ("LGV" is the legal name of an HGV);
- British spellings take the American form, on the stemmer's form so every
  form of the word follows (organise, organised, organisations → organiz).

**Why Snowball, through PyStemmer.** It is the algorithm Lucene and
Elasticsearch's own ``english`` analyzer use, so the index behaves as search
people know; PyStemmer is its maintained C build (from the Snowball project),
about a microsecond a word, and each word's form is worked out once and kept
(``FORMS``), so a rebuild does not slow down. A lemmatiser (lemminflect,
simplemma) keeps words closer to the dictionary but joins neither "plumbing"
and "plumber" nor more plurals than the stemmer, at many times the cost a word;
hunspell maps "officers" to "office". What the stemmer gets wrong for job words
is in the small tables below, each line tested in tests/site/test_text.py.
"""

from __future__ import annotations

import Stemmer

_stem = Stemmer.Stemmer("english").stemWord


def _words(text: str) -> list[str]:
    return text.split()


def _lines(text: str) -> list[list[str]]:
    return [line.split() for line in text.strip().splitlines() if line.strip()]


# The worker and the work, one trade a line: every word of a line (and its
# plural) becomes the line's first word. Snowball leaves "plumber" whole and
# cuts "plumbing" to "plumb"; these lines join them. The rest of a word's forms
# go through the stemmer as usual ("clean", "cleaned" stay "clean": a cleaner's
# search should not find every "clean driving licence").
_TRADES = """
    plumber plumbing
    painter painting
    roofer roofing
    baker baking bakery
    cleaner cleaning
    driver driving
    welder welding
    carpenter carpentry
    joiner joinery
    gardener gardening
    landscaper landscaping
    decorator decorating
    plasterer plastering
    bricklayer bricklaying
    tiler tiling
    glazier glazing
    butcher butchery
    caterer catering
    farmer farming
    framer framing
    packer packing
    picker picking
    barber barbering
    housekeeper housekeeping
    bookkeeper bookkeeping
    mason masonry
    electrician electrical
    counselor counseling counsellor counselling
    trucker trucking
    miner mining
    scaffolder scaffolding
    upholsterer upholstery
    detailer detailing
    groomer grooming
    accountant accounting
    teacher teaching
    machinist machining
    fabricator fabrication fabricating
    correction correctional corrections
    apprentice apprenticeship
"""
# Two names for one thing, one a line: every word of a line (and its plural)
# becomes the line's first word. In the UK a large goods vehicle (LGV) is a heavy
# goods vehicle (HGV): the same licence, the same jobs, both words in ads.
_SAME_THINGS = """
    hgv lgv
"""
# Words the stemmer joins to another that means something else: each keeps
# this form (and its plural does too). "office" is not "officer", "training" is
# not a "train", a "customer" is not "custom", "probate" is not "probation".
_KEPT_APART = """
    office officer training security mechanic operator operative association
    customer engine hospitality probate goods customs
"""
# Singulars that end in -men but are not compounds of "man".
_MEN_SINGULARS = frozenset(
    _words(
        """
    specimen regimen abdomen acumen omen amen semen stamen hymen yemen ramen lumen bitumen
    cyclamen albumen dolmen examen
    """
    )
)
# Plurals the stemmer does not know.
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "buses": "bus",
    "campuses": "campus",
    "statuses": "status",
    "analyses": "analysis",
    "diagnoses": "diagnosis",
    "crises": "crisis",
    "shelves": "shelf",
    "knives": "knife",
    "lives": "life",
    "halves": "half",
}
# Acronyms that end in s and are not plurals (most acronyms have no vowel, so
# the stemmer leaves "hgvs" whole; "cscs" must stay whole too).
_ACRONYMS = frozenset(_words("cscs cpcs sms"))
_VOWELS = frozenset("aeiouy")
# British spellings -> American, so either finds the other, joined on the
# stemmer's form so every form of the word follows ("organised", "organisations").
# Only words whose two spellings mean the same: "cheque"/"check", "tyre"/"tire"
# and "kerb"/"curb" are left alone.
_SPELLINGS = """
    organise organize
    centre center
    licence license
    offence offense
    defence defense
    programme program
    labour labor
    behaviour behavior
    colour color
    practise practice
    specialise specialize
    recognise recognize
    prioritise prioritize
    utilise utilize
    authorise authorize
    summarise summarize
    sanitise sanitize
    customise customize
    categorise categorize
    minimise minimize
    maximise maximize
    optimise optimize
    finalise finalize
    standardise standardize
    mobilise mobilize
    familiarise familiarize
    criticise criticize
    apologise apologize
    emphasise emphasize
    analyse analyze
    catalogue catalog
    honour honor
    favour favor
    harbour harbor
    neighbour neighbor
    humour humor
    mould mold
    judgement judgment
    jewellery jewelry
    aluminium aluminum
    paediatric pediatric
    orthopaedic orthopedic
    anaesthetic anesthetic
    theatre theater
    metre meter
    litre liter
    fibre fiber
    grey gray
    manoeuvre maneuver
    plough plow
"""


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _fixed_forms() -> dict[str, str]:
    fixed = {}
    for words in _lines(_TRADES) + _lines(_SAME_THINGS):
        for word in words:
            fixed[word] = fixed[_plural(word)] = words[0]
    for word in _words(_KEPT_APART):
        fixed[word] = fixed[_plural(word)] = word
    return fixed


_FIXED = _fixed_forms()
_SPELLING_STEMS = {_stem(british): _stem(american) for british, american in _lines(_SPELLINGS)}


def is_british_spelling(token: str) -> bool:
    """Whether a lower-case token is a form of a British spelling of the spelling
    table ("labour", "labourers", "organised", "centres")."""
    return _stem(token) in _BRITISH_STEMS


_BRITISH_STEMS = frozenset(_SPELLING_STEMS) - frozenset(_SPELLING_STEMS.values())


def word_form(token: str) -> str:
    """One lower-case ``[a-z0-9]`` token in the form documents and queries meet on."""
    return FORMS[token]


# At most this many words' forms are kept (a board's vocabulary is far smaller).
CACHED_WORDS = 65_536


class _WordForms(dict):
    """Each word's form, worked out once: word_form is a pure function of one
    token, and every document and highlighted word would otherwise run the rules
    again. A dict rather than functools.lru_cache because ``terms`` maps its
    ``__getitem__`` over a text's tokens in C, about four times cheaper a word;
    once full it keeps what it has and works out new words each time."""

    def __missing__(self, token: str) -> str:
        form = _word_form(token)
        if len(self) < CACHED_WORDS:
            self[token] = form
        return form


FORMS = _WordForms()


def _word_form(token: str) -> str:
    fixed = _FIXED.get(token)
    if fixed is not None:
        return fixed
    if token in _IRREGULAR:
        token = _IRREGULAR[token]
    elif token.endswith("men") and len(token) > 4 and token not in _MEN_SINGULARS:
        token = token[:-3] + "man"  # chairmen, tradesmen
    elif (
        len(token) > 3
        and token.endswith("s")
        and token not in _ACRONYMS
        and _VOWELS.isdisjoint(token[:-1])
    ):
        return token[:-1]  # an acronym's plural: HGVs, NVQs
    stem = _stem(token)
    return _SPELLING_STEMS.get(stem, stem)


def fingerprint() -> list:
    """What decides every word's form, for the text function's fingerprint."""
    return [
        _TRADES,
        _SAME_THINGS,
        _KEPT_APART,
        _SPELLINGS,
        sorted(_IRREGULAR.items()),
        sorted(_ACRONYMS),
        sorted(_MEN_SINGULARS),
        Stemmer.version(),
    ]

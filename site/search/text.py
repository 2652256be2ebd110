"""The project's one text function: word forms for matching and ranking.

The Elasticsearch build we must run on has no stemmer, no asciifolding and no
synonyms (ELASTICSEARCH.md), so text is normalised here, in Python, and the same
function runs at index time (into the fields that are matched and ranked) and at
query time (on what people type). Highlighting runs on a ``standard``-analysed
copy of the original text, so none of this is ever shown to anyone.

What it does, in order:

1. lower case, and fold accents and ligatures to plain letters (é → e, ß → ss);
2. drop possessives ("manager's" → manager, "employers'" → employers), join the
   letters around other apostrophes ("o'neill" → oneill) and join the prefixes
   people write both open and closed ("re-entry" and "reentry", "co-ordinator"
   and "coordinator", "non-profit" and "nonprofit");
3. split into tokens of ``[a-z0-9]`` only, cutting tokens longer than 255
   characters into 255-character pieces;
4. turn plurals into singulars, with tables for the words a suffix rule breaks
   (bus, status, analysis, news, series, species stay as they are; women → woman,
   agencies → agency, boxes → box, classes → class, analyses → analysis);
5. spell British and American variants of the same word one way
   (counsellor/counselor, programme/program, offence/offense).

There is no -ing/-ed stripping and no -er stripping: "office" and "officer",
"train" and "training" stay different words.

Step 3 makes the output exactly what Elasticsearch's ``standard`` tokenizer (the
``standard`` analyzer, with no stop words) produces from the normalised text:
tokens of ASCII letters and digits joined by single spaces, none longer than its
255-character limit. tests/site/test_text.py checks that against ``_analyze`` on
the real server. Text in other scripts has no ``[a-z0-9]`` letters and drops out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Elasticsearch's standard tokenizer splits longer tokens at this length.
MAX_TOKEN_LENGTH = 255

# Letters that Unicode decomposition does not turn into ASCII.
_FOLDS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "\u0131": "i",
    }
)
# Typographic apostrophes and the accents people type for one.
_APOSTROPHE_MARKS = "\u2019\u2018\u02bc`\u00b4"
_APOSTROPHES = re.compile(f"[{_APOSTROPHE_MARKS}]")
# "manager's" -> manager; "employers'" -> employers (made singular below).
_POSSESSIVE = re.compile(r"(?<=[a-z0-9])'s(?![a-z0-9])|(?<=s)'(?![a-z0-9])")
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z0-9])'(?=[a-z0-9])")
# Prefixes written both open and closed in job ads ("re-entry", "reentry"). Not
# pre-/post-: "pre-employment" and "post-release" are rarely written closed, and
# joining them would stop them matching "pre employment" and "post release".
_JOINED_PREFIX = re.compile(r"\b(re|co|non)-(?=[a-z])")
# Longer runs come out in pieces of at most this length, as the tokenizer cuts them.
_TOKEN = re.compile(rf"[a-z0-9]{{1,{MAX_TOKEN_LENGTH}}}")


def _words(text: str) -> list[str]:
    return text.split()


# Words that end in s but are not plurals, or plurals whose singular means
# something else ("goods" vehicle is not "good", "customs" officer not "custom").
_KEEP = frozenset(
    _words(
        """
        news series species goods customs lens always perhaps whereas canvas atlas alias bias
        christmas texas kansas arkansas overseas cpors cscs
        """
    )
)
# Singulars that end in -men but are not compounds of "man".
_MEN_SINGULARS = frozenset(
    _words(
        """
        specimen regimen abdomen acumen omen amen semen stamen hymen yemen ramen lumen bitumen
        cyclamen albumen dolmen examen
        """
    )
)
# Nouns ending in -us whose plural adds -es (statuses, campuses).
_US_SINGULARS = _words(
    """
    status campus bonus bus virus focus census surplus syllabus prospectus consensus
    apparatus circus chorus sinus genius octopus walrus cactus plus minus
    """
)
# Nouns ending in -ie: a plain -ies -> -y rule would make "movies" into "movy".
_IE_SINGULARS = _words(
    """
    movie cookie rookie zombie calorie brownie hippie prairie goalie selfie freebie
    smoothie hoodie auntie genie newbie sortie budgie collie pixie bookie birdie techie
    foodie roadie yuppie coterie reverie menagerie rotisserie lingerie camaraderie
    """
)
# Nouns ending in -che: a plain -ches -> -ch rule would make "creches" into "crech".
_CHE_SINGULARS = _words(
    """
    ache headache niche cache creche cliche avalanche moustache mustache psyche quiche
    tranche attache pastiche microfiche brioche
    """
)
# Nouns ending in -o whose plural adds -es (the rest just add -s: photos, shoes).
_OES_SINGULARS = _words(
    """
    hero potato tomato echo veto torpedo volcano domino mosquito embargo cargo mango
    """
)
_IRREGULAR_PLURALS = {
    "men": "man",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "indices": "index",
    "appendices": "appendix",
    "matrices": "matrix",
    "analyses": "analysis",
    "diagnoses": "diagnosis",
    "prognoses": "prognosis",
    "crises": "crisis",
    "theses": "thesis",
    "hypotheses": "hypothesis",
    "parentheses": "parenthesis",
    "syntheses": "synthesis",
    "synopses": "synopsis",
    "emphases": "emphasis",
    "oases": "oasis",
    "gases": "gas",
    "biases": "bias",
    "aliases": "alias",
    "atlases": "atlas",
    "canvases": "canvas",
    "quizzes": "quiz",
    "wolves": "wolf",
    "knives": "knife",
    "lives": "life",
    "wives": "wife",
    "halves": "half",
    "shelves": "shelf",
    "thieves": "thief",
    "selves": "self",
    "calves": "calf",
    "loaves": "loaf",
    "scarves": "scarf",
    "hooves": "hoof",
    **{word + "es": word for word in _US_SINGULARS},
    **{word + "s": word for word in _IE_SINGULARS},
    **{word + "s": word for word in _CHE_SINGULARS},
    **{word + "es": word for word in _OES_SINGULARS},
}
# British spellings -> American, so either finds the other. Only words whose two
# spellings mean the same; "cheque"/"check" and "tyre"/"tire" are left alone.
_SPELLINGS = {
    "counsellor": "counselor",
    "counselling": "counseling",
    "labour": "labor",
    "organisation": "organization",
    "organise": "organize",
    "organised": "organized",
    "organiser": "organizer",
    "programme": "program",
    "centre": "center",
    "licence": "license",
    "behaviour": "behavior",
    "behavioural": "behavioral",
    "colour": "color",
    "defence": "defense",
    "offence": "offense",
    "practise": "practice",
    "specialise": "specialize",
    "specialised": "specialized",
    "recognise": "recognize",
    "recognised": "recognized",
    "travelling": "traveling",
    "traveller": "traveler",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "judgement": "judgment",
    "neighbour": "neighbor",
    "neighbourhood": "neighborhood",
    "analyse": "analyze",
    "catalogue": "catalog",
    "honour": "honor",
    "favour": "favor",
    "harbour": "harbor",
    "mould": "mold",
}


def normalise(text: str) -> str:
    """The matchable form of ``text``: singular, folded, lower-case tokens joined by spaces."""
    return " ".join(terms(text))


def terms(text: str) -> list[str]:
    """The normalised tokens of ``text`` in order, repeats kept: what the index holds."""
    return list(map(singular, _tokens(text)))


def distinct_terms(text: str) -> list[str]:
    """The normalised tokens of ``text``, each once, in order of first appearance."""
    return list(dict.fromkeys(terms(text)))


# A pure function of one token, and a board's vocabulary is small: every
# document and every highlighted word would otherwise run the rules again.
@lru_cache(maxsize=65_536)
def singular(token: str) -> str:
    """One lower-case ``[a-z0-9]`` token in its singular, American-spelled form."""
    word = _singular(token)
    return _SPELLINGS.get(word, word)


def _fold(text: str) -> str:
    if text.isascii():
        # Nothing to fold (the table and the accents are all outside ASCII),
        # and looking at each character costs more than the rest of normalise.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLDS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _tokens(text: str) -> list[str]:
    # The look-behind rules run only on text that has the character they need:
    # most text has no apostrophe at all, and they cost the most.
    text = _APOSTROPHES.sub("'", _fold(text))
    if "'" in text:
        text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    if "-" in text:
        text = _JOINED_PREFIX.sub(r"\1", text)
    return _TOKEN.findall(text)


def _singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if len(word) <= 3 or word in _KEEP:
        # Three letters or fewer are mostly not plurals of anything: gas, bus,
        # yes, and acronyms people search for as they are (DBS, NHS).
        return word
    if word.endswith("men") and word not in _MEN_SINGULARS:
        return word[:-3] + "man"  # women, chairmen, tradesmen
    if word.endswith("ies"):
        return word[:-3] + "y" if len(word) > 4 else word[:-1]  # agencies; ties
    if word.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return word[:-2]  # classes, benches, dishes, boxes, buzzes
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word

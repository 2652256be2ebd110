"""The words of a sentence, as the record-question check reads them.

Whole words, not search stems: the check's rules name words ("conviction",
"criminal", "please"), and they must not change when the search engine's word
forms do, so this module has its own small reading. Text is lower-cased with
accents folded and apostrophes joined ("don't" -> dont); plurals become
singular (convictions, felonies, offences, charges), British spellings
American (offence -> offense, licence -> license); then the ways people
misspell record words are mapped to one spelling, so "convicitons", "felonys",
"prision" and "backround" read as the words they mean. Long words one letter
off (changed, added, dropped, or two neighbours swapped) count too; short ones
are never guessed, and real words one letter from a record word ("poison",
"person") stay themselves. Commas, colons and brackets become a clause mark,
``CLAUSE``, so a demand can be found at the start of a clause.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CLAUSE = "xxclausexx"


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, for word tables."""
    return frozenset(words.split())


_CANONICAL = {
    # exact misspellings and variants the edit distance below would not reach
    "felonie": "felony",
    "fellony": "felony",
    "felonys": "felony",
    "misdemeanour": "misdemeanor",
    "misdemeaner": "misdemeanor",
    "misdemenor": "misdemeanor",
    "misdemeanur": "misdemeanor",
    "misdemeaor": "misdemeanor",
    "offence": "offense",
    "ofence": "offense",
    "offens": "offense",
    "ofense": "offense",
    "aressted": "arrest",
    "arressted": "arrest",
    "imprisionned": "imprisoned",
    "imprisonned": "imprisoned",
    "gaol": "jail",
    "jial": "jail",
    "jale": "jail",
    "parol": "parole",
    "paroll": "parole",
    "paroled": "parole",
    "jailed": "jail",
    "gaoled": "jail",
    "imprisonment": "imprisoned",
    "incarceration": "incarcerated",
    "incarcerate": "incarcerated",
    "convict": "convicted",
    "conviction": "conviction",
    "convicted": "convicted",
    "arrest": "arrest",
    "arrested": "arrest",
    "cautioned": "cautioned",
    "licence": "license",
    "crim": "criminal",
    "disclosure": "disclosure",
    "declaration": "declare",
    "declared": "declare",
    "declaring": "declare",
    "disclosed": "disclose",
    "disclosing": "disclose",
    "youve": "you",
    "youre": "you",
    "yourself": "you",
    "u": "you",
    "wed": "we",
    "weve": "we",
    "ins": "in",
    "pls": "please",
    "plz": "please",
    "ur": "your",
    "yr": "your",
    "dont": "not",
    "doesnt": "not",
    "wont": "not",
    "never": "not",
    "nor": "not",
    "cannot": "not",
    "needn": "not",
}
# Long words people misspell: one letter wrong, missing, extra or two swapped
# still counts. Short words are not guessed ("change" is not "charge").
_FUZZY_TARGETS = {
    "conviction": "conviction",
    "convicted": "convicted",
    "criminal": "criminal",
    "felony": "felony",
    "misdemeanor": "misdemeanor",
    "incarcerated": "incarcerated",
    "imprisoned": "imprisoned",
    "probation": "probation",
    "offense": "offense",
    "offender": "offender",
    "arrested": "arrest",
    "background": "background",
    "disclose": "disclose",
    "penitentiary": "penitentiary",
    "custodial": "custodial",
    "sentenced": "sentenced",
    "prison": "prison",
    "parole": "parole",
}
# Real words one edit from a target: never read as the target.
_NOT_FUZZY = word_set(
    "poison prisms prism person arrears arrester convection convector offended "
    "offender defense offset criminally proration protection parolee payroll sentence "
    "sentences custodian disclosed enclosed closed"
)


def _within_one_edit(word: str, target: str) -> bool:
    """True when one letter changed, added, dropped, or two neighbours swapped."""
    if abs(len(word) - len(target)) > 1 or word == target:
        return word == target
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == target[diff[1]]
            and word[diff[1]] == target[diff[0]]
        )
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@lru_cache(maxsize=16_384)
def _canonical(token: str) -> str:
    if token in _CANONICAL:
        return _CANONICAL[token]
    if len(token) >= 6 and token not in _NOT_FUZZY:
        for target, canonical in _FUZZY_TARGETS.items():
            if target[0] == token[0] and _within_one_edit(token, target):
                return canonical
    return token


_CLAUSE_MARK = re.compile(r"[,:()\[\]]")
_APOSTROPHES = re.compile(r"[\u2019\u2018\u02bc`\u00b4]")
_POSSESSIVE = re.compile(r"(?<=[a-z0-9])'s\b|(?<=s)'(?![a-z0-9])")
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z0-9])'(?=[a-z0-9])")
_JOINED_PREFIX = re.compile(r"\b(re|co|non)-(?=[a-z])")
_TOKEN = re.compile(r"[a-z0-9]+")
# Plurals a suffix rule would get wrong, and words ending in s that are not plurals.
_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "people"}
_NOT_PLURAL = word_set("this is was has does yes bus plus status news series always perhaps")
# British spellings of the words the rules name, spelt one way.
_SPELLINGS = {
    "offence": "offense",
    "licence": "license",
    "defence": "defense",
    "programme": "program",
    "counsellor": "counselor",
    "neighbour": "neighbor",
    "misdemeanour": "misdemeanor",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _NOT_PLURAL:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # felonies, agencies
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]  # offences stay below; boxes, matches
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=16_384)
def _word(token: str) -> str:
    word = _singular(token)
    return _canonical(_SPELLINGS.get(word, word))


def sentence_words(sentence: str) -> list[str]:
    """The canonical words of one sentence, with CLAUSE where a clause breaks."""
    text = _APOSTROPHES.sub("'", _fold(_CLAUSE_MARK.sub(f" {CLAUSE} ", sentence)))
    text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    text = _JOINED_PREFIX.sub(r"\1", text)
    return [_word(token) for token in _TOKEN.findall(text)]

"""The words of a sentence, as the record-question check reads them.

Tokens come from the site's one text function (``fairsite.search.text``: lower
case, accents folded, singular, American spelling); then the ways people
misspell record words are mapped to one spelling, so "convicitons", "felonys",
"prision" and "backround" read as the words they mean. Long words one letter
off (changed, added, dropped, or two neighbours swapped) count too; short ones
are never guessed, and real words one letter from a record word ("poison",
"person") stay themselves. Commas, colons and brackets become a clause mark,
``CLAUSE``, so a demand can be found at the start of a clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fairsite.search.text import terms

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


def sentence_words(sentence: str) -> list[str]:
    """The canonical words of one sentence, with CLAUSE where a clause breaks."""
    marked = _CLAUSE_MARK.sub(f" {CLAUSE} ", sentence)
    return [_canonical(token) for token in terms(marked)]

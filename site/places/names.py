"""How typed text and stored names become comparable keys.

The build stores every place name as a key made here, and a lookup makes a key
from what the person typed the same way, so "ST. LOUIS", "Saint Louis" and
"st louis" all meet at "saint louis". Standard library only: the build's
compile step and the site both import it.
"""

from __future__ import annotations

import re
import unicodedata

# Whole words people shorten in place names; both sides are expanded.
ABBREVIATIONS = {
    "st": "saint",
    "ste": "sainte",
    "mt": "mount",
    "ft": "fort",
}
# Words that only say what kind of area a name is ("Multnomah County", "City of
# Richmond"), dropped when a name is used to narrow a search.
AREA_TYPE_WORDS = frozenset({"county", "parish", "borough", "city", "of", "the", "district"})

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`]")
_NOT_WORD = re.compile(r"[\W_]+")

# A UK postcode is an outward code (area letters, district digit, optional
# letter or digit) and an inward code (a digit and two letters).
OUTWARD_CODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?")
FULL_POSTCODE = re.compile(r"(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?)(?P<inward>[0-9][A-Z]{2})")
ZIP_CODE = re.compile(r"(?P<zip>[0-9]{5})(?:[0-9]{4})?")


def name_key(text: str) -> str:
    """Lowercase words without accents, punctuation or common abbreviations."""
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and "))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = _NOT_WORD.sub(" ", _APOSTROPHES.sub("", plain).casefold()).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


def area_key(text: str) -> str:
    """A name key without words such as "County" that people often leave out."""
    words = [word for word in name_key(text).split() if word not in AREA_TYPE_WORDS]
    return " ".join(words) or name_key(text)


def code_key(text: str) -> str:
    """Uppercase letters and digits only: how ZIP codes and postcodes compare."""
    return "".join(char for char in text.upper() if char.isascii() and char.isalnum())


def deletions(key: str) -> set[str]:
    """The key with any one character removed: two keys one typing slip apart
    (a missing, extra, wrong or swapped letter) share at least one of these."""
    return {key[:index] + key[index + 1 :] for index in range(len(key))}

"""The project's one text function: word forms and related titles for matching and ranking.

The Elasticsearch build we must run on has no stemmer, no asciifolding and no
synonyms, so text is normalised here, in Python, and the same function runs at
index time (into the fields that are matched and ranked) and at query time (on
what people type). Highlighting runs on a ``standard``-analysed copy of the
original text, so none of this is ever shown to anyone.

What it does to text, in order:

1. lower case, and fold accents and ligatures to plain letters (é → e, ß → ss);
2. drop possessives ("manager's" → manager, "employers'" → employers), join the
   letters around other apostrophes ("o'neill" → oneill) and join the prefixes
   people write both open and closed ("re-entry" and "reentry", "co-ordinator"
   and "coordinator", "non-profit" and "nonprofit");
3. split into tokens of ``[a-z0-9]`` only, cutting tokens longer than 255
   characters into 255-character pieces;
4. give each token its word form (``fairsite.search.word_forms``: the Snowball
   English stemmer, with small tested tables on top, and why that library);
5. related job titles (``fairsite.search.synonyms``): a document gets a group's
   token wherever one of the group's phrases occurs (``normalise``), and the
   tokens of the broader groups it is within, and a
   query has each such phrase replaced by the token (``query_terms``), so
   "bartender" finds "Bar staff" and the reverse.

Everything this module produces is exactly what Elasticsearch's ``standard``
tokenizer (the ``standard`` analyzer, with no stop words) makes of it: tokens
of ASCII letters and digits joined by single spaces, none longer than its
255-character limit. tests/site/test_text.py checks that against ``_analyze``
on the real server. Text in other scripts has no ``[a-z0-9]`` letters and drops
out.

A change to any of this changes ``TEXT_DIGEST``, which the indices that hold
normalised text carry in their mapping, so ``search_index --status`` says they
need a rebuild.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from itertools import compress

from . import word_forms
from .synonyms import GROUP_PREFIX, GROUPS
from .word_forms import FORMS

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


def normalise(text: str) -> str:
    """What a document's searched field holds: word forms, with related titles' tokens."""
    if len(text) <= _SHORT:
        return _normalise_short(text)
    return " ".join(document_terms(text))


# Titles, skills and employer names are short and repeat across a board's
# postings (and a rebuild's pages): each is worked out once.
_SHORT = 120


@lru_cache(maxsize=16_384)
def _normalise_short(text: str) -> str:
    return " ".join(document_terms(text))


def terms(text: str) -> list[str]:
    """The word forms of ``text`` in order, repeats kept (no related-title tokens)."""
    return list(map(FORMS.__getitem__, _tokens(text)))


def distinct_terms(text: str) -> list[str]:
    """The word forms of ``text``, each once, in order of first appearance."""
    return list(dict.fromkeys(terms(text)))


def document_terms(text: str) -> list[str]:
    """The tokens a document's field holds: ``terms``, then the token of each group
    whose phrases it contains."""
    return with_group_tokens(terms(text))


def query_text(text: str) -> str:
    """What a query matches a phrase or field with: ``terms`` in order, repeats kept,
    each group's phrase replaced by the group's token."""
    return " ".join(grouped(terms(text)))


def query_terms(text: str) -> list[str]:
    """The distinct words a query looks for: a group's phrase becomes its token."""
    return list(dict.fromkeys(grouped(terms(text))))


def tokens(text: str) -> list[str]:
    """The folded tokens of ``text`` before any word form is taken: how a query's
    words are read for filler and intent phrases, where "positions" (filler) and
    "positive" (not) must stay apart although they share a stem."""
    return _tokens(text)


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


# Related titles --------------------------------------------------------------


def group_token(key: str) -> str:
    """The token that stands for a group of related titles in documents and queries."""
    return GROUP_PREFIX + key


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(terms(text))


def _phrase_table() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]], dict[str, list]]:
    # first word -> [(phrase, group token)], longest phrase first; and
    # group token -> the longer phrases inside which its phrases do not count.
    starts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    owners: dict[tuple[str, ...], str] = {}
    unless: dict[str, list[tuple[str, ...]]] = {}
    for key, group in GROUPS.items():
        token = group_token(key)
        for text in group.phrases:
            phrase = _phrase(text)
            if owners.setdefault(phrase, token) != token:
                raise ValueError(f"{text!r} is in two groups of related titles")
            if (phrase, token) not in starts.get(phrase[0], []):
                starts.setdefault(phrase[0], []).append((phrase, token))
        unless[token] = [_phrase(text) for text in group.unless]
    for phrases in starts.values():
        phrases.sort(key=lambda entry: -len(entry[0]))
    return starts, unless


def _broader_table() -> dict[str, tuple[str, ...]]:
    # group token -> the tokens of the groups it is within, and theirs in turn.
    def broader(key: str, seen: tuple[str, ...] = ()) -> tuple[str, ...]:
        if key in seen:
            raise ValueError(f"Related-title group {key!r} is within itself")
        found: dict[str, None] = {}
        for outer in GROUPS[key].within:
            found[group_token(outer)] = None
            found.update(dict.fromkeys(broader(outer, (*seen, key))))
        return tuple(found)

    return {group_token(key): broader(key) for key in GROUPS if GROUPS[key].within}


_STARTS, _UNLESS = _phrase_table()
_FIRSTS = frozenset(_STARTS)
# The same phrases for documents: one-word phrases by their word, longer ones by
# their first two words (longest first), so a word is looked at only when it and
# the next one start a phrase.
_SINGLE = {
    first: [group for phrase, group in phrases if len(phrase) == 1]
    for first, phrases in _STARTS.items()
    if any(len(phrase) == 1 for phrase, _group in phrases)
}
_PAIRS: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
for _first, _phrases in _STARTS.items():
    for _phrase_words, _group in _phrases:
        if len(_phrase_words) > 1:
            _PAIRS.setdefault(_phrase_words[:2], []).append((_phrase_words, _group))
_UNLESS = {group: longer for group, longer in _UNLESS.items() if longer}
_BROADER = _broader_table()


def _occurs_around(tokens: list[str], at: int, length: int, longer: tuple[str, ...]) -> bool:
    # Does `longer` occur in tokens covering tokens[at:at + length]?
    for start in range(at + length - len(longer), at + 1):
        if start >= 0 and tuple(tokens[start : start + len(longer)]) == longer:
            return True
    return False


def with_group_tokens(tokens: list[str]) -> list[str]:
    """``tokens``, then the token of each group one of whose phrases they contain,
    once each, in the order the phrases come. At the end rather than beside the
    phrase, so the words as written still stand together for phrase ranking."""
    # Every document passes through here: one pass in C finds where a phrase
    # may start, and only those places are looked at (most words start none).
    starts = list(compress(range(len(tokens)), map(_FIRSTS.__contains__, tokens)))
    if not starts:
        return tokens
    found: dict[str, None] = {}
    last = len(tokens) - 1
    for at in starts:
        first = tokens[at]
        for group in _SINGLE.get(first, ()):
            if group not in found and _counts_here(tokens, at, (first,), group):
                found[group] = None
        for phrase, group in _PAIRS.get((first, tokens[at + 1] if at < last else ""), ()):
            if (
                group not in found
                and tuple(tokens[at : at + len(phrase)]) == phrase
                and _counts_here(tokens, at, phrase, group)
            ):
                found[group] = None
    if not found:
        return tokens
    for group in [group for group in found if group in _BROADER]:
        found.update(dict.fromkeys(_BROADER[group]))
    return [*tokens, *found]


def _counts_here(tokens: list[str], at: int, phrase: tuple[str, ...], group: str) -> bool:
    # A phrase does not count inside a longer phrase its group lists as `unless`.
    outer = _UNLESS.get(group)
    return not outer or not any(_occurs_around(tokens, at, len(phrase), u) for u in outer)


def grouped(tokens: list[str]) -> list[str]:
    """``tokens`` with every phrase of a group replaced by the group's token, longest first."""
    out: list[str] = []
    at = 0
    while at < len(tokens):
        for phrase, group in _STARTS.get(tokens[at], ()):
            if tuple(tokens[at : at + len(phrase)]) == phrase:
                out.append(group)
                at += len(phrase)
                break
        else:
            out.append(tokens[at])
            at += 1
    return out


def with_group_words(words: list[str]) -> set[str]:
    """``words`` and, for each group token among them, the words of the group's phrases:
    what to mark in a posting that a query matched."""
    return set(words).union(*(_GROUP_WORDS.get(word, ()) for word in words))


def _words_of_groups() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {}
    for phrases in _STARTS.values():
        for phrase, group in phrases:
            words.setdefault(group, set()).update(phrase)
    return {group: frozenset(each) for group, each in words.items()}


_GROUP_WORDS = _words_of_groups()


def _digest() -> str:
    groups = {key: [list(g.phrases), list(g.unless), list(g.within)] for key, g in GROUPS.items()}
    source = json.dumps([word_forms.fingerprint(), groups, GROUP_PREFIX], sort_keys=True)
    return hashlib.sha256(source.encode()).hexdigest()[:12]


# Changes whenever what this module makes of any text can change.
TEXT_DIGEST = _digest()

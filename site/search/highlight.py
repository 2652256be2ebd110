"""Marking the words that matched, in the original text people read.

Matching happens on normalised text (the server has no stemmer), so the server's
highlighter, which sees only the original words, cannot tell that "officers"
matched "officer". The same Python function that decided the match decides what
to mark here, so a highlight is never missing or wrong.
"""

import re
from functools import lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .text import terms, with_group_words

_WORD = re.compile(r"[\w'\u2019-]+")


@lru_cache(maxsize=65_536)
def _terms_of(word: str) -> frozenset[str]:
    # A results page looks at thousands of words, nearly all of them seen before.
    return frozenset(terms(word))


def _marked_spans(text: str, words: set[str]) -> list[tuple[int, int]]:
    return [match.span() for match in _WORD.finditer(text) if words & _terms_of(match.group(0))]


def highlight(text: str, words: list[str]) -> SafeString:
    """All of `text`, escaped, with the matching words in <mark>."""
    return mark_safe(_render(text, _marked_spans(text, with_group_words(words)), 0, len(text)))  # noqa: S308


def snippet(text: str, words: list[str], *, length: int = 220) -> SafeString:
    """A short extract around the first matching word (or the start), escaped and marked."""
    text = " ".join(text.split())
    spans = _marked_spans(text, with_group_words(words))
    start = max(spans[0][0] - length // 3, 0) if spans else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(start + length, len(text))
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    body = _render(text, [s for s in spans if s[0] >= start and s[1] <= end], start, end)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out, position = [], start
    for span_start, span_end in spans:
        out.append(escape(text[position:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(text[position:end]))
    return "".join(out)

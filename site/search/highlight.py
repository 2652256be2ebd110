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


def _first_marked(text: str, words: set[str]) -> int | None:
    """Where the first matching word starts (a description is long, and only the
    extract around its first match is shown, so the rest is never looked at)."""
    if words:
        for match in _WORD.finditer(text):
            if words & _terms_of(match.group(0)):
                return match.start()
    return None


def _marked_spans_within(text: str, words: set[str], start: int, end: int) -> list[tuple[int, int]]:
    """The matching words that lie wholly between ``start`` and ``end``."""
    spans = []
    if not words:
        return spans
    for match in _WORD.finditer(text, start):
        span_start, span_end = match.span()
        if span_end > end:
            break
        if span_start == start and start and _WORD.match(text, start - 1):
            continue  # the tail of a word that begins before the extract
        if words & _terms_of(match.group(0)):
            spans.append((span_start, span_end))
    return spans


def highlight(text: str, words: list[str]) -> SafeString:
    """All of `text`, escaped, with the matching words in <mark>."""
    return mark_safe(_render(text, _marked_spans(text, with_group_words(words)), 0, len(text)))  # noqa: S308


def snippet(text: str, words: list[str], *, length: int = 220) -> SafeString:
    """A short extract around the first matching word (or the start), escaped and marked."""
    text = " ".join(text.split())
    wanted = with_group_words(words)
    first = _first_marked(text, wanted)
    start = max(first - length // 3, 0) if first is not None else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(start + length, len(text))
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    body = _render(text, _marked_spans_within(text, wanted, start, end), start, end)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out, position = [], start
    for span_start, span_end in spans:
        out.append(escape(text[position:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(text[position:end]))
    return "".join(out)

"""Bar charts drawn on the server as SVG: no JavaScript, and light.

Each chart is an image with a short text description; the figures themselves are
in the data table shown beside it, which is what screen readers and people who
want exact numbers use.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

from jobs.market import Bar

COLOUR = "#0b4f8a"  # the site's brand blue: 8.6:1 against white
ROW = 30  # height of one bar's row (horizontal charts)
LABEL_WIDTH = 230
BAR_SPACE = 330
COLUMN = 14  # width of one column (weekly charts)
COLUMN_HEIGHT = 160


def _scale(count: int, largest: int, space: float) -> float:
    return round(space * count / largest, 1) if largest else 0.0


def horizontal_bar_chart(bars: Sequence[Bar], *, title: str) -> SafeString:
    """One labelled bar per item, longest first as given."""
    largest = max((bar.count for bar in bars), default=0)
    width = LABEL_WIDTH + BAR_SPACE + 60
    height = ROW * len(bars) + 10
    rows = []
    for i, bar in enumerate(bars):
        y = 5 + i * ROW
        length = _scale(bar.count, largest, BAR_SPACE)
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 19}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length}" height="{ROW - 10}" '
            f'fill="{COLOUR}" data-count="{bar.count}"></rect>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 19}">{bar.count}</text>'
        )
    return _svg(width, height, title, "".join(rows))


def column_chart(bars: Sequence[Bar], *, title: str, label_every: int = 4) -> SafeString:
    """One column per period (a week), oldest first, with every few periods labelled."""
    largest = max((bar.count for bar in bars), default=0)
    left, bottom = 40, 30
    width = left + COLUMN * len(bars) + 10
    height = COLUMN_HEIGHT + bottom + 10
    parts = [
        f'<text x="{left - 6}" y="15" text-anchor="end">{largest}</text>'
        f'<text x="{left - 6}" y="{COLUMN_HEIGHT + 10}" text-anchor="end">0</text>'
    ]
    for i, bar in enumerate(bars):
        x = left + i * COLUMN
        length = _scale(bar.count, largest, COLUMN_HEIGHT)
        parts.append(
            f'<rect x="{x + 1}" y="{10 + COLUMN_HEIGHT - length}" width="{COLUMN - 2}" '
            f'height="{length}" fill="{COLOUR}" data-count="{bar.count}"></rect>'
        )
        if i % label_every == 0:
            day_and_month = bar.label.rsplit(" ", 1)[0]  # "3 Jun 2026" -> "3 Jun"
            parts.append(f'<text x="{x}" y="{COLUMN_HEIGHT + 28}">{escape(day_and_month)}</text>')
    return _svg(width, height, title, "".join(parts))


def _svg(width: int, height: int, title: str, body: str) -> SafeString:
    # The title names the chart for assistive technology; the table beside it
    # carries the numbers, so the drawing adds nothing a screen reader needs.
    return mark_safe(  # noqa: S308 (every piece of text above is escaped)
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" role="img" aria-label="{escape(title)}. '
        f'The figures are in the table with this chart." xmlns="http://www.w3.org/2000/svg">'
        f"{body}</svg>"
    )

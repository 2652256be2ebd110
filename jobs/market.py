"""The job market in numbers: live aggregations over the postings index.

The index holds only open postings, so every figure is about roles open now
("new roles per week" counts today's open roles by the week they were posted).
Figures are cached for a few minutes: a chart is read by many and changes slowly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone
from elasticsearch.dsl import A, Q

from employers.models import CheckTiming
from fairsite.places import region_name
from fairsite.search.client import answer

from .models import Category
from .search.index import postings_index
from .search.queries import live_filters, postings_search

CACHE_SECONDS = 300
WEEKS = 26


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int


def _region_label(key: str) -> str:
    country, _, admin1 = key.partition("-")
    return f"{region_name(country, admin1)} ({'UK' if country == 'GB' else country})"


def _week_label(key: str) -> str:
    return datetime.fromisoformat(key.replace("Z", "+00:00")).strftime("%-d %b %Y")


CHARTS = {
    "category": ("Open roles by category", "category", dict(Category.choices).get),
    "region": ("Open roles by state or nation", "regions", _region_label),
    "check_timing": (
        "Open roles by when records are checked",
        "check_timing",
        dict(CheckTiming.choices).get,
    ),
    "week": ("New roles per week, last six months", "published_at", _week_label),
}


def market_counts(chart: str, *, now: datetime | None = None) -> list[Bar]:
    """The bars of one chart, from the index (cached briefly).

    Raises SearchUnavailable when the index can't be asked: the chart says so."""
    key = f"market:{postings_index.alias}:{chart}"
    bars = cache.get(key)
    if bars is None:
        bars = _aggregate(chart, now=now or timezone.now())
        cache.set(key, bars, CACHE_SECONDS)
    return bars


def _aggregate(chart: str, *, now: datetime) -> list[Bar]:
    _title, field, label_of = CHARTS[chart]
    since = None
    if chart == "week":
        start = now - timedelta(weeks=WEEKS)
        since = Q("range", published_at={"gte": start})
        aggregation = A(
            "date_histogram",
            field=field,
            calendar_interval="week",
            min_doc_count=0,
            extended_bounds={"min": start.isoformat(), "max": now.isoformat()},
        )
    else:
        aggregation = A("terms", field=field, size=100, order={"_count": "desc"})
    search = postings_search().extra(size=0).query(Q("bool", filter=live_filters(now, since)))
    search.aggs.bucket("bars", aggregation)
    buckets = answer(search).aggregations.bars.buckets
    bars = []
    for bucket in buckets:
        key = bucket.key_as_string if chart == "week" else str(bucket.key)
        bars.append(Bar(key=key, label=label_of(key) or key, count=bucket.doc_count))
    return bars

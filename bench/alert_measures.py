"""What the alerts benchmark measures, on whatever database and cluster Django uses.

The script (``bench.alerts``) runs these on 100,000 alerts; tests/bench runs
them on a few hundred against the test session's server.

- *Matching one new posting*: from the posting's id to the ids of every alert
  it satisfies, as a check does it (read the live posting and its relations,
  build its document, one reverse query and every page of it), with
  Elasticsearch's ``took`` of those requests beside it.
- *A whole check*: the same, plus recording the matches and queueing the
  instant emails (``check_posting``), whose cost grows with the matches.
- *The daily digest*: every alert made daily and due, with the matches of the
  postings measured waiting; one run of ``send_due_digests``, complete or, when
  bounded, extrapolated from its rate to every due alert (and marked so).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import timedelta
from itertools import islice

from django.utils import timezone

from candidates.alerts.digests import due_alerts, send_due_digests
from candidates.alerts.matching import check_posting
from candidates.alerts.models import Alert, AlertMatch, Frequency, PostingCheck
from candidates.alerts.search import alerts_index, alerts_matching_posting, refresh_alerts_index
from fairsite.mail.models import OutgoingEmail
from fairsite.search.indices import rebuild
from jobs.search.index import indexed_postings

from .report import percentile, summary

MATCH_ROWS_PER_WRITE = 100_000


def measure_alerts_rebuild() -> dict:
    """Rebuild the alerts index from the database (build new, swap the alias): alerts/s.

    A document is a set of criteria that several alerts may share; the rate is
    of documents.
    """
    report = rebuild(alerts_index)
    refresh_alerts_index()
    return {
        "alerts": Alert.objects.active().count(),
        "documents": report.documents,
        "seconds": report.seconds,
        "per_second": round(report.documents / report.seconds) if report.seconds else None,
    }


def sample_postings(count: int, *, offset: int = 0) -> list[int]:
    """Ids of ``count`` live postings spread over the whole set (the same ones each run)."""
    ids = list(indexed_postings().order_by("pk").values_list("pk", flat=True))
    if not ids:
        return []
    step = max(1, len(ids) // max(count, 1))
    return [ids[(offset + n * step) % len(ids)] for n in range(count)]


def match_posting(pk: int) -> tuple[list[int], float, list[int]]:
    """(alert ids, milliseconds end to end, Elasticsearch's took of each request)."""
    took: list[int] = []
    started = time.perf_counter()
    posting = indexed_postings().get(pk=pk)
    ids = alerts_matching_posting(posting, timings=took)
    return ids, (time.perf_counter() - started) * 1000, took


def measure_matching(posting_ids: Sequence[int]) -> tuple[dict, dict[int, list[int]]]:
    """Match each posting against every alert; the figures, and what each matched."""
    elapsed, took, requests, matched = [], [], [], {}
    for pk in posting_ids:
        ids, ms, tooks = match_posting(pk)
        matched[pk] = ids
        elapsed.append(ms)
        took.append(float(sum(tooks)))
        requests.append(len(tooks))
    counts = [len(ids) for ids in matched.values()]
    figures = {
        "end_to_end_ms": summary(elapsed),
        "took_ms": summary(took),
        "end_to_end_to_took_p95": _ratio(percentile(elapsed, 0.95), percentile(took, 0.95)),
        "matches_per_posting": summary(counts, digits=0),
        "requests_max": max(requests, default=0),
    }
    return figures, matched


def measure_checks(posting_ids: Sequence[int]) -> dict:
    """A whole check per posting: match, record, queue the instant emails (not yet sent)."""
    elapsed, emails = [], []
    for pk in posting_ids:
        check = PostingCheck.objects.create(posting_id=pk)
        started = time.perf_counter()
        _matched, emailed = check_posting(check)
        elapsed.append((time.perf_counter() - started) * 1000)
        emails.append(emailed)
    return {"ms": summary(elapsed), "instant_emails_per_posting": summary(emails, digits=0)}


def measure_daily_digest(
    matched: dict[int, list[int]], *, max_seconds: float | None = None
) -> dict:
    """Every alert daily and a day past its last digest, the matches waiting; one run.

    With ``max_seconds`` the run stops then (as the scheduler's runs do), and the
    time for every due alert is extrapolated from the rate so far, marked so.
    """
    yesterday = timezone.now() - timedelta(days=1, minutes=5)
    Alert.objects.update(frequency=Frequency.DAILY, last_digest_at=yesterday)
    # Written a chunk at a time: at a million alerts the samples match millions.
    rows = (
        AlertMatch(alert_id=alert_id, posting_id=pk)
        for pk, alert_ids in matched.items()
        for alert_id in alert_ids
    )
    while chunk := list(islice(rows, MATCH_ROWS_PER_WRITE)):
        AlertMatch.objects.bulk_create(chunk, batch_size=5_000, ignore_conflicts=True)
    unsent = AlertMatch.objects.filter(sent_at__isnull=True)
    waiting = unsent.count()
    alerts_waiting = unsent.values("alert_id").distinct().count()
    emails_before = OutgoingEmail.objects.count()
    report = send_due_digests(max_seconds=max_seconds)
    still_due = due_alerts(timezone.now()).count()
    per_second = report.emails / report.seconds if report.seconds else None
    return {
        "alerts": Alert.objects.count(),
        "alerts_with_new_postings": alerts_waiting,
        "matches_waiting": waiting,
        "emails": report.emails,
        "postings_listed": report.postings,
        "emails_queued": OutgoingEmail.objects.count() - emails_before,
        "seconds": report.seconds,
        "complete": still_due == 0,
        "alerts_still_due": still_due,
        "emails_per_second": round(per_second, 1) if per_second else None,
        "seconds_for_every_alert": (
            report.seconds
            if still_due == 0
            else round(report.seconds + still_due / per_second, 1)
            if per_second
            else None
        ),
    }


def _ratio(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 2) if denominator else None

"""The alerts index, and the reverse query that finds every alert a posting satisfies.

The core Elasticsearch build has no percolator plugin, so each
distinct set of criteria that active alerts hold (``AlertCriteria``) is a
document in matchable form, listing those alerts' ids, and a posting is turned
into one query over them. Alerts that share their criteria (every "all jobs"
alert, say) are one document, so the answer grows with the distinct searches a
posting meets, not with the people who saved them. The query mirrors the search
page's semantics (``jobs.search.queries``) clause by clause, reading the posting
from the very document the postings index holds (``posting_document``):

- *Every query word occurs in a searched field.* The alert holds its distinct
  normalised ``terms`` and their ``term_count``; the posting asks for a
  ``terms_set`` of its distinct searched tokens needing ``term_count`` of them,
  or ``term_count`` 0 (no words).
- *Facet = value.* The alert holds the value, or ``ANY`` for no filter; the
  posting asks for ``terms``: its own values plus ``ANY``.
- *Yes/no flag on.* The alert holds the ``flags`` it requires; the posting asks
  for none of the flags it does not satisfy.
- *At a place: within r miles of it, or remote and open to it.* The alert
  holds its ``point`` and ``radius_miles`` (``ANYWHERE`` with no place) and its
  place's ``remote_keys`` (none when it hides remote jobs); the posting asks
  for ``ANYWHERE``, or for each radius r the site offers, ``radius_miles`` r
  with the point within r miles of one of its locations, or, when it is remote,
  for its ``open_to`` key among ``remote_keys``. Both directions are written
  side by side in ``jobs.search.places``.

``ANY`` and ``ANYWHERE`` are stored values rather than missing fields, so every
clause is a plain term lookup (no ``exists`` queries). The property test in
tests/alerts proves the mirror against the search page's own query builder.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Value
from django.db.models.functions import Greatest
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from elasticsearch.dsl import Mapping, Q, field

from fairsite.outbox.services import enqueue
from fairsite.search.client import get_client
from fairsite.search.registry import SearchIndex, register
from fairsite.search.text import TEXT_DIGEST
from jobs.models import JobPosting
from jobs.search.index import SEARCHED_FIELDS, posting_document
from jobs.search.places import alert_place_fields, alerts_at_posting
from jobs.search.queries import FACETS, FLAGS, RADII_MILES

from .models import Alert, AlertCriteria

logger = logging.getLogger(__name__)

INDEX_NAME = "alerts"
ANY = "*"  # a facet with no filter: no facet value or credential slug can be "*"
# A terms_set takes at most index.max_terms_count terms (Elasticsearch's
# default). A posting's description is at most 20,000 characters (PostingForm),
# so its distinct words stay far below; the cap only guards against the absurd.
MAX_POSTING_TERMS = 65_536
MICROSECOND = timedelta(microseconds=1)
# Hits (sets of criteria) per request; a broad posting can satisfy thousands of
# them, fetched page after page with search_after.
PAGE_SIZE = 10_000


def _mapping() -> dict:
    mapping = Mapping()
    mapping.field("criteria_id", field.Long())
    # Read from doc values by the reverse query, never searched.
    mapping.field("alert_ids", field.Long(index=False))
    mapping.field("terms", field.Keyword())
    mapping.field("term_count", field.Integer())
    for name in FACETS:
        mapping.field(name, field.Keyword())
    mapping.field("flags", field.Keyword())
    mapping.field("point", field.GeoPoint())
    mapping.field("radius_miles", field.Integer())
    mapping.field("remote_keys", field.Keyword())
    # The text function's fingerprint: when it changes, --status asks for a rebuild.
    return {**mapping.to_dict(), "dynamic": "strict", "_meta": {"text": TEXT_DIGEST}}


def alert_document(criteria: AlertCriteria) -> dict[str, Any]:
    """The document for one set of criteria: the criteria, and the ids of its
    active alerts; nothing about their owners."""
    if criteria.first_alert is None:
        # Its alerts were paused or deleted since the batch was read: a document
        # that matches nothing (no words clause can meet it), until the outbox
        # entry of that change removes it.
        return {"criteria_id": criteria.pk, "alert_ids": []}
    # Every alert of the set has the same criteria (models.criteria_key).
    query = criteria.first_alert.query
    terms = query.terms
    document: dict[str, Any] = {
        "criteria_id": criteria.pk,
        "alert_ids": criteria.alert_ids,
        "terms": terms,
        "term_count": len(terms),
        **{name: query.filters.get(name) or ANY for name in FACETS},
        "flags": sorted(name for name in query.flags if name in FLAGS),
        **alert_place_fields(query.near),
    }
    return document


def indexed_criteria(*, after: int | None = None):
    """The sets of criteria that belong in the index: those of at least one
    active alert; only those with an id above ``after``, when given.

    ``after`` bounds the alerts too (a rebuild's pages, through
    ``queryset_after``): PostgreSQL answers a page with a merge join that would
    otherwise read the alerts' criteria index from its start every time, which
    made a rebuild at a million alerts take 539 s instead of about 60.
    """
    active = Alert.objects.active()
    sets = AlertCriteria.objects.all()
    if after is not None:
        active = active.filter(criteria__gt=after)
        sets = sets.filter(pk__gt=after)
    return sets.filter(Exists(active.filter(criteria=OuterRef("pk"))))


def _load_active_alerts(batch: list[AlertCriteria]) -> None:
    """For a batch of sets, in two queries: each set's active alert ids, and the
    first of them, whose criteria are the set's.

    Only ids for the rest: the set of every "all jobs" alert can list tens of
    thousands, and each is rebuilt whenever one of them changes.
    """
    ids: dict[int, list[int]] = {criteria.pk: [] for criteria in batch}
    for criteria_id, pk in (
        Alert.objects.active()
        .filter(criteria__in=batch)
        .order_by("pk")
        .values_list("criteria_id", "pk")
    ):
        ids[criteria_id].append(pk)
    first = Alert.objects.in_bulk([pks[0] for pks in ids.values() if pks])
    for criteria in batch:
        criteria.alert_ids = ids[criteria.pk]
        criteria.first_alert = first.get(criteria.alert_ids[0]) if criteria.alert_ids else None


alerts_index = register(
    SearchIndex(
        name=INDEX_NAME,
        mappings=_mapping(),
        queryset=indexed_criteria,
        queryset_after=lambda after: indexed_criteria(after=after),
        to_document=alert_document,
        prepare=_load_active_alerts,
        index_settings={
            "max_result_window": PAGE_SIZE,
            # Stored in the order the reverse query reads its hits: each page
            # stops once it has PAGE_SIZE of them, and the next one starts past
            # the last (search_after) instead of matching every set again.
            "sort.field": "criteria_id",
            "sort.order": "asc",
        },
    )
)


def posting_tokens(document: dict[str, Any]) -> list[str]:
    """The distinct normalised tokens of a posting document's searched fields."""
    # The *_norm fields hold the text function's output, which the standard
    # analyzer splits at exactly these spaces (tests/site/test_text.py).
    tokens = dict.fromkeys(
        token for name in SEARCHED_FIELDS for token in (document.get(name) or "").split()
    )
    if len(tokens) > MAX_POSTING_TERMS:
        logger.warning(
            "A posting has %s distinct words; alerts match the first %s",
            len(tokens),
            MAX_POSTING_TERMS,
        )
    return list(tokens)[:MAX_POSTING_TERMS]


def _values(value: Any) -> list[str]:
    values = value if isinstance(value, list | tuple) else [value]
    return [str(each) for each in values if each not in (None, "")]


def reverse_query(document: dict[str, Any]) -> Q:
    """One filter that every alert the posting (as its index document) satisfies passes."""
    tokens = posting_tokens(document)
    no_words = Q("term", term_count=0)
    words = (
        Q(
            "bool",
            should=[
                Q(
                    "terms_set",
                    terms={"terms": tokens, "minimum_should_match_field": "term_count"},
                ),
                no_words,
            ],
            minimum_should_match=1,
        )
        if tokens
        else no_words
    )
    clauses = [words]
    clauses += [
        Q("terms", **{name: [*_values(document.get(doc_field)), ANY]})
        for name, doc_field in FACETS.items()
    ]
    unmet = sorted(name for name, doc_field in FLAGS.items() if document.get(doc_field) is not True)
    if unmet:
        clauses.append(Q("bool", must_not=[Q("terms", flags=unmet)]))
    clauses.append(alerts_at_posting(document, RADII_MILES))
    return Q("bool", filter=clauses)


def alerts_matching_document(
    document: dict[str, Any], *, timings: list[int] | None = None
) -> list[int]:
    """Ids of every indexed alert the posting document satisfies, in order, all
    pages of them.

    ``timings``, when given, receives Elasticsearch's ``took`` of each request.
    """
    query = reverse_query(document).to_dict()
    ids: list[int] = []
    after: list[Any] | None = None
    client = get_client()
    while True:
        response = client.search(
            index=alerts_index.alias,
            query=query,
            sort=[{"criteria_id": "asc"}],
            size=PAGE_SIZE,
            # Not even _id: the fetch phase reads stored fields hit by hit, which
            # cost more than the query itself (about 40 of 50 ms for a thousand
            # hits, measured); the alerts' ids come from doc values.
            stored_fields="_none_",
            docvalue_fields=["alert_ids"],
            track_total_hits=False,
            search_after=after,
            # Only the sort values and the ids: each hit's index name and null
            # score would be most of the answer.
            filter_path=["took", "hits.hits.sort", "hits.hits.fields"],
        )
        if timings is not None:
            timings.append(response["took"])
        # filter_path leaves out "hits" altogether when nothing matched.
        hits = response.body.get("hits", {}).get("hits", [])
        for hit in hits:
            # A set that lists no alert (see alert_document) has no "fields".
            ids.extend(hit.get("fields", {}).get("alert_ids", ()))
        if len(hits) < PAGE_SIZE:
            ids.sort()
            return ids
        after = hits[-1]["sort"]


def alerts_matching_posting(posting: JobPosting, **kwargs: Any) -> list[int]:
    """Ids of every indexed alert that the posting satisfies (its current state)."""
    return alerts_matching_document(posting_document(posting), **kwargs)


def refresh_alerts_index() -> None:
    """Make every alert the index has taken searchable now (not in a second)."""
    get_client().indices.refresh(index=alerts_index.alias)


# Keeping the index true: every save or delete of an alert queues its set of
# criteria (and the set it left) in the outbox and moves on their versions,
# inside the same transaction; the drain reads the current state (a set with no
# active alert left is removed).


def _previous_criteria(sender, instance: Alert, **kwargs) -> None:
    """Before a save or delete: the set the alert is in as stored, not as this
    (perhaps older) instance says."""
    instance.previous_criteria_id = (
        Alert.objects.filter(pk=instance.pk).values_list("criteria_id", flat=True).first()
        if instance.pk
        else None
    )


def _alert_changed(sender, instance: Alert, **kwargs) -> None:
    changed = sorted(
        {instance.criteria_id, getattr(instance, "previous_criteria_id", None)} - {None}
    )
    with transaction.atomic():
        # The outbox first, as every other writer does: its row lock is then
        # always taken before a set's, and no two transactions wait on each other.
        enqueue(INDEX_NAME, changed)
        # Later than any version the set had, whatever the clocks of the
        # machines that wrote it: the row is locked while this runs.
        AlertCriteria.objects.filter(pk__in=changed).update(
            updated_at=Greatest(F("updated_at") + MICROSECOND, Value(timezone.now()))
        )


def connect_signals() -> None:
    """Called once from AlertsConfig.ready()."""
    uid = "alerts.search"
    pre_save.connect(_previous_criteria, sender=Alert, dispatch_uid=f"{uid}.alert-before")
    pre_delete.connect(_previous_criteria, sender=Alert, dispatch_uid=f"{uid}.alert-del-before")
    post_save.connect(_alert_changed, sender=Alert, dispatch_uid=f"{uid}.alert")
    post_delete.connect(_alert_changed, sender=Alert, dispatch_uid=f"{uid}.alert-del")

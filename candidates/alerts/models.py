"""Job alerts, the postings each has matched, and postings waiting to be matched.

An alert holds a saved search's criteria and nothing else: no notes, nothing
about records, no copy of the owner's profile: record data stays with its
owner and is never indexed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import timedelta

import orjson
from django.conf import settings
from django.db import models
from django.utils import timezone

from jobs.models import JobPosting
from jobs.search.queries import RADII_MILES, Near, PostingQuery

MAX_ALERTS_PER_PERSON = 25


class Frequency(models.TextChoices):
    INSTANT = "instant", "As soon as a job is posted"
    DAILY = "daily", "Once a day, at most"
    WEEKLY = "weekly", "Once a week, at most"


# How long each frequency waits between emails; instant alerts also send any
# leftover matches (say, after a change from daily) in the next digest run.
DIGEST_PERIOD = {
    Frequency.INSTANT: timedelta(0),
    Frequency.DAILY: timedelta(days=1),
    Frequency.WEEKLY: timedelta(days=7),
}


class AlertQuerySet(models.QuerySet):
    def active(self):
        """Alerts that match new postings: not paused. The alerts index holds exactly these."""
        return self.filter(is_paused=False)

    def deliverable(self):
        """Active alerts whose owner's account is active: the ones that email."""
        return self.active().filter(owner__is_active=True)


class AlertCriteria(models.Model):
    """One set of criteria that any number of alerts share: what the alerts index holds.

    Many people save the same search ("every job", a category near a big town),
    so the index has one document per distinct set of criteria, listing its
    active alerts' ids, and a new posting's reverse query meets each set once
    rather than once per alert. ``key`` is a fingerprint of the saved fields
    the document is built from (``criteria_key``): alerts with the same key
    always have the same document. Rows are never deleted; a set with no active
    alert is simply not in the index.
    """

    key = models.CharField(max_length=64, unique=True)
    # The document's version: moved on whenever one of its alerts is saved or deleted.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "alert criteria"

    def __str__(self) -> str:
        return f"alert criteria {self.pk}"


class Alert(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_alerts"
    )
    name = models.CharField(max_length=100)
    # The saved PostingQuery (jobs.search.queries), never its page or sort order.
    text = models.CharField(max_length=200, blank=True)
    filters = models.JSONField(default=dict, blank=True)  # facet -> value
    flags = models.JSONField(default=list, blank=True)  # yes/no facets that are on
    place_label = models.CharField(max_length=100, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    radius_miles = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=[(r, f"{r} miles") for r in RADII_MILES]
    )
    # The place's country and US state or UK nation: remote jobs open to them
    # are at the place too (jobs.search.places), unless include_remote is off.
    place_country = models.CharField(max_length=2, blank=True)
    place_region = models.CharField(max_length=40, blank=True)
    include_remote = models.BooleanField(default=True)
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.INSTANT
    )
    is_paused = models.BooleanField(default=False)
    # Moves on with every use of an unsubscribe link; links carry the value they
    # were sent with, so each works once and older ones stop working with it.
    unsubscribe_stamp = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # When it last changed (the alerts index versions its set of criteria instead).
    updated_at = models.DateTimeField(auto_now=True)
    # Digests go out when this is a period ago; it starts at creation so a daily
    # alert's digest comes at about the time of day it was made.
    last_digest_at = models.DateTimeField(default=timezone.now)
    # Derived from the fields above on every save (assign_criteria), never entered.
    criteria = models.ForeignKey(
        AlertCriteria, on_delete=models.PROTECT, related_name="alerts", editable=False
    )

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["is_paused", "frequency", "last_digest_at"], name="alerts_digest_due"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Its set follows the fields saved; a save of other fields alone keeps
        # the stored set. (search.py's signals requeue the set it leaves.)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or not set(CRITERIA_FIELDS).isdisjoint(update_fields):
            assign_criteria([self])
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "criteria"}
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None) -> None:
        # Not validated as input: save() sets it.
        super().clean_fields(exclude={*(exclude or ()), "criteria"})

    @property
    def query(self) -> PostingQuery:
        """The saved search, exactly as the search page would run it."""
        near = None
        if self.latitude is not None and self.longitude is not None and self.radius_miles:
            near = Near(
                self.latitude,
                self.longitude,
                self.radius_miles,
                self.place_label,
                country=self.place_country,
                region=self.place_region,
                include_remote=self.include_remote,
            )
        return PostingQuery(
            text=self.text,
            near=near,
            filters=dict(self.filters),
            flags=frozenset(self.flags),
        )

    @property
    def digest_period(self) -> timedelta:
        return DIGEST_PERIOD[Frequency(self.frequency)]


def alert_fields(query: PostingQuery) -> dict:
    """The model fields that save ``query`` (without its page or sort order)."""
    near = query.near
    return {
        "text": " ".join(query.text.split()),
        "filters": {name: value for name, value in sorted(query.filters.items()) if value},
        "flags": sorted(query.flags),
        "place_label": near.label if near else "",
        "latitude": near.latitude if near else None,
        "longitude": near.longitude if near else None,
        "radius_miles": near.radius_miles if near else None,
        "place_country": near.country if near else "",
        "place_region": near.region if near else "",
        "include_remote": near.include_remote if near else True,
    }


# The fields an alert's document is built from (search.py's alert_document):
# alerts equal in all of them have equal documents. The place's label is not
# among them; its point, radius, country and region are.
CRITERIA_FIELDS = (
    "text",
    "filters",
    "flags",
    "latitude",
    "longitude",
    "radius_miles",
    "place_country",
    "place_region",
    "include_remote",
)


def criteria_key(alert: Alert) -> str:
    """The fingerprint of the alert's criteria: equal for alerts with equal documents."""
    values = [getattr(alert, name) for name in CRITERIA_FIELDS]
    encoded = orjson.dumps(values, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(encoded).hexdigest()


def assign_criteria(alerts: Iterable[Alert]) -> None:
    """Point each alert at the row of its criteria, making the rows that are new.

    Alert.save calls it for one alert; code that writes alerts with
    ``bulk_create`` calls it first for the whole batch (two queries).
    """
    keyed = [(alert, criteria_key(alert)) for alert in alerts]
    keys = {key for _alert, key in keyed}
    AlertCriteria.objects.bulk_create(
        [AlertCriteria(key=key) for key in keys], ignore_conflicts=True
    )
    ids = dict(AlertCriteria.objects.filter(key__in=keys).values_list("key", "pk"))
    for alert, key in keyed:
        alert.criteria_id = ids[key]


class AlertMatch(models.Model):
    """A posting an alert matched: recorded once per alert, ever, so nothing is sent twice."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="matches")
    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="+")
    matched_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "posting"], name="alerts_match_once")
        ]
        indexes = [models.Index(fields=["alert", "sent_at"], name="alerts_match_unsent")]

    def __str__(self) -> str:
        return f"alert {self.alert_id} matched posting {self.posting_id}"


class PostingCheck(models.Model):
    """A posting that went live and is still to be matched against every alert.

    Written in the transaction that publishes the posting, like an outbox row,
    so a check is never lost when Elasticsearch or the worker is down: it is
    deleted only once its matches are recorded.
    """

    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # Status and error type only.
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(fields=["next_attempt_at", "id"], name="alerts_check_due")]

    def __str__(self) -> str:
        return f"check alerts for posting {self.posting_id}"

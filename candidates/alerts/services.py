"""Writes to alerts: create, change, pause, resume, delete, unsubscribe.

Every write saves or deletes the Alert in a transaction; the alerts index
follows through the outbox (search.py's signals), so a paused or deleted alert
leaves the index with the same commit that stops it in the database.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from fairsite.accounts.models import User
from jobs.search.queries import PostingQuery

from .models import MAX_ALERTS_PER_PERSON, Alert, Frequency, alert_fields
from .selectors import alert_from_token
from .summary import search_summary

NAME_LENGTH = Alert._meta.get_field("name").max_length


def default_name(query: PostingQuery) -> str:
    """The name an alert gets unless its owner gives one: its search in words."""
    summary = search_summary(query)
    return summary if len(summary) <= NAME_LENGTH else summary[: NAME_LENGTH - 1] + "…"


def _what_it_finds(query: PostingQuery) -> dict:
    # Two searches whose words normalise to the same set ("Bakers" and "baker")
    # find the same jobs, so they count as the same search.
    return {**alert_fields(query), "text": sorted(query.terms)}


def _refuse_duplicate(owner: User, query: PostingQuery, *, exclude: int | None = None) -> None:
    finds = _what_it_finds(query)
    for alert in Alert.objects.filter(owner=owner).exclude(pk=exclude):
        if _what_it_finds(alert.query) == finds:
            raise ValidationError(
                f"You already have an alert for this search, called “{alert.name}”.",
                code="duplicate",
            )


@transaction.atomic
def alert_create(
    *, owner: User, query: PostingQuery, frequency: str = Frequency.INSTANT, name: str = ""
) -> Alert:
    """Save a search as an alert; refuses a 26th alert and a second alert for the same search."""
    # Locking the owner's row makes two quick clicks count one after the other.
    User.objects.select_for_update().filter(pk=owner.pk).first()
    fields = alert_fields(query)
    _refuse_duplicate(owner, query)
    if Alert.objects.filter(owner=owner).count() >= MAX_ALERTS_PER_PERSON:
        raise ValidationError(
            f"You have {MAX_ALERTS_PER_PERSON} job alerts, the most you can have. "
            "Delete one you no longer need, then save this search again.",
            code="too_many",
        )
    alert = Alert(
        owner=owner,
        name=" ".join(name.split()) or default_name(query),
        frequency=frequency,
        **fields,
    )
    alert.full_clean()
    alert.save()
    return alert


@transaction.atomic
def alert_update(*, alert: Alert, query: PostingQuery, name: str, frequency: str) -> Alert:
    """Change an alert's search, name or frequency; a new search forgets what the old one
    matched but has not sent yet, and never sends a posting already sent."""
    User.objects.select_for_update().filter(pk=alert.owner_id).first()
    fields = alert_fields(query)
    _refuse_duplicate(alert.owner, query, exclude=alert.pk)
    if fields != alert_fields(alert.query):
        alert.matches.filter(sent_at__isnull=True).delete()
    for attribute, value in fields.items():
        setattr(alert, attribute, value)
    alert.name = " ".join(name.split()) or default_name(query)
    alert.frequency = frequency
    alert.full_clean()
    alert.save()
    return alert


@transaction.atomic
def alert_pause(*, alert: Alert) -> Alert:
    """Stop an alert's emails; it leaves the alerts index, and matches nothing while paused."""
    if not alert.is_paused:
        alert.is_paused = True
        alert.save()
    return alert


@transaction.atomic
def alert_resume(*, alert: Alert) -> Alert:
    """Start a paused alert again; it matches postings that go live from now on."""
    if alert.is_paused:
        alert.is_paused = False
        alert.save()
    return alert


@transaction.atomic
def alert_delete(*, alert: Alert) -> None:
    """Delete an alert and what it matched; it leaves the alerts index."""
    alert.delete()


@transaction.atomic
def alert_unsubscribe(*, token: str) -> tuple[Alert, bool]:
    """Pause the alert an email's signed link names; (alert, whether it was running).

    Pausing rather than deleting: the link can be followed by mistake or by a
    mail program, and the owner can start the alert again or delete it from
    their alerts page. The link works once: a second use raises
    ``UsedUnsubscribeLink`` and changes nothing. Raises ``BadUnsubscribeLink``
    for a token we did not sign, ``Alert.DoesNotExist`` once the alert is deleted.
    """
    alert = alert_from_token(token, for_update=True)
    was_running = not alert.is_paused
    alert.is_paused = True
    alert.unsubscribe_stamp += 1
    alert.save()
    return alert, was_running

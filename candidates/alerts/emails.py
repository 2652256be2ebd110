"""Alert emails and their one-click unsubscribe links.

Every alert email carries a signed link that stops that alert without signing
in, in the body and in the ``List-Unsubscribe`` header with
``List-Unsubscribe-Post`` (RFC 8058), so mail programs can offer their own
"unsubscribe" button. The link names the alert and its owner, signed with the
site's secret and a salt of its own: it cannot be guessed, altered or reused
for another alert. It works once: it also carries the alert's unsubscribe stamp,
which each use moves on, so a link used once (or any link older than it) stops
the alert no more, even after its owner starts the alert again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse

from fairsite.mail.delivery import queue_messages, render_email
from fairsite.mail.models import OutgoingEmail
from jobs.models import JobPosting

from .models import Alert
from .summary import search_path, search_summary

UNSUBSCRIBE_SALT = "alerts.unsubscribe"

# Sent when alert emails are queued (in the same transaction), with `emails`:
# a QueuedAlertEmail for each one queued. Receivers may queue copies for people
# the owner chose; what they get holds neither the owner's saved search nor
# their unsubscribe link, so no copy can carry them. They get a whole batch at
# once (a digest run's batch of alerts, a check's chunk of matches), so they
# read what they need for all its owners in one go.
alert_emails_queued = Signal()


class BadUnsubscribeLink(Exception):
    """The link was altered, cut short or made up."""


class UsedUnsubscribeLink(Exception):
    """The link (or a later one for the same alert) has been used already."""


def unsubscribe_token(alert: Alert) -> str:
    """The signed token of the alert's unsubscribe link."""
    return signing.dumps(
        [alert.pk, alert.owner_id, alert.unsubscribe_stamp], salt=UNSUBSCRIBE_SALT, compress=True
    )


def unsubscribe_target(token: str) -> tuple[int, int, int]:
    """(alert id, owner id, stamp) from a token; ``BadUnsubscribeLink`` if we did not sign it."""
    try:
        alert_id, owner_id, stamp = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(alert_id), int(owner_id), int(stamp)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadUnsubscribeLink from error


def unsubscribe_url(alert: Alert) -> str:
    return settings.SITE_URL + reverse("alerts:unsubscribe", args=[unsubscribe_token(alert)])


def posting_block(posting: JobPosting) -> dict[str, str]:
    """The posting's part of an alert email, as HTML and text.

    It is the same in every email that lists the posting, so a check or a digest
    run renders it once for all of them (thousands of emails at a time).
    """
    context = {"posting": posting, "SITE_URL": settings.SITE_URL}
    return {
        "html": render_to_string("alerts/email/posting.html", context),
        "text": render_to_string("alerts/email/posting.txt", context, using="text"),
    }


def _context(alert: Alert, labels: dict | None) -> dict:
    return {
        "alert": alert,
        "summary": search_summary(alert.query, labels=labels),
        "search_url": settings.SITE_URL + search_path(alert.query),
        "manage_url": settings.SITE_URL + reverse("alerts:list"),
        "unsubscribe_url": unsubscribe_url(alert),
    }


def _headers(context: dict) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@dataclass
class AlertEmail:
    """An alert email written and ready to queue (``queue_alert_emails``)."""

    alert: Alert
    blocks: list[dict[str, str]]  # the postings' parts of it
    key: str  # its dedupe key: an alert's email about a posting, or its digest, once ever
    message: OutgoingEmail  # not saved yet


def _alert_email(alert: Alert, template: str, context: dict, key: str) -> AlertEmail:
    return AlertEmail(
        alert=alert,
        blocks=list(context["blocks"]),
        key=key,
        message=render_email(
            to=alert.owner.email,
            template=template,
            context=context,
            headers=_headers(context),
            dedupe_key=key,
        ),
    )


def instant_email(
    alert: Alert,
    posting: JobPosting,
    *,
    block: dict[str, str] | None = None,
    labels: dict | None = None,
) -> AlertEmail:
    """The email about one new posting. ``block`` (``posting_block(posting)``) and
    ``labels`` (``facet_labels()``) save work when many alerts get the same posting."""
    context = {
        **_context(alert, labels),
        "posting": posting,
        "blocks": [block or posting_block(posting)],
    }
    return _alert_email(
        alert, "alerts/email/instant", context, f"alert:{alert.pk}:posting:{posting.pk}"
    )


def digest_email(
    alert: Alert,
    blocks: Sequence[dict[str, str]],
    *,
    last_match: int,
    labels: dict | None = None,
) -> AlertEmail:
    """A digest of new postings (their ``posting_block``s); one per set of matches."""
    context = {**_context(alert, labels), "blocks": blocks}
    # Matches are sent once each, so the newest one names this digest.
    return _alert_email(
        alert, "alerts/email/digest", context, f"alert:{alert.pk}:digest:{last_match}"
    )


@dataclass(frozen=True)
class QueuedAlertEmail:
    """What ``alert_emails_queued`` tells of one queued alert email: whose alert
    it was, the postings' parts of it and its dedupe key, and nothing else."""

    alert_id: int
    owner_id: int
    blocks: list[dict[str, str]]
    key: str


def queue_alert_emails(emails: Sequence[AlertEmail]) -> list[AlertEmail]:
    """Queue alert emails in the caller's transaction, all in a few statements,
    each key once ever, and send ``alert_emails_queued`` with those queued;
    returns them.

    The caller has claimed what the emails announce (their matches, or the
    alerts' digests), so no one else queues the same keys meanwhile. A failure
    here, a receiver's included, fails the caller's transaction: its claims roll
    back with it and the emails go out later, none lost.
    """
    # queue_messages returns the very messages it queued.
    queued = {id(message) for message in queue_messages([email.message for email in emails])}
    sent = [email for email in emails if id(email.message) in queued]
    if sent:
        alert_emails_queued.send(
            sender=Alert,
            emails=[
                QueuedAlertEmail(
                    alert_id=email.alert.pk,
                    owner_id=email.alert.owner_id,
                    blocks=email.blocks,
                    key=email.key,
                )
                for email in sent
            ],
        )
    return sent


def queue_instant_email(alert: Alert, posting: JobPosting, **kwargs: Any) -> None:
    """Queue the email about one new posting, in the caller's transaction, once ever
    (the arguments of ``instant_email``)."""
    queue_alert_emails([instant_email(alert, posting, **kwargs)])

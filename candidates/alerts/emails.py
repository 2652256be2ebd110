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

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import signing
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse

from fairsite.mail.delivery import queue_email
from jobs.models import JobPosting

from .models import Alert
from .summary import search_path, search_summary

UNSUBSCRIBE_SALT = "alerts.unsubscribe"

# Sent when an alert email is queued (in the same transaction), with `alert`,
# `blocks` (the postings' parts of the email), `key` (the email's dedupe key)
# and `batch` (an EmailBatch, or None for an email queued on its own):
# receivers may queue copies for people the owner chose, never with the
# owner's unsubscribe link.
alert_email_queued = Signal()


@dataclass
class EmailBatch:
    """Alert emails queued one after the other in one transaction (a digest run's
    batch of alerts, a check's chunk of matches).

    A receiver of ``alert_email_queued`` reads what it needs for every owner of
    the batch at once, the first time it is called, and keeps it in ``memo``
    under a key of its own, in place of one database read per email.
    """

    owner_ids: Collection[int]
    memo: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, alerts) -> EmailBatch:
        return cls(owner_ids=frozenset(alert.owner_id for alert in alerts))


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


def queue_instant_email(
    alert: Alert,
    posting: JobPosting,
    *,
    block: dict[str, str] | None = None,
    labels: dict | None = None,
    batch: EmailBatch | None = None,
) -> None:
    """Queue the email about one new posting, in the caller's transaction, once ever.

    ``block`` (``posting_block(posting)``), ``labels`` (``facet_labels()``) and
    ``batch`` save work when many alerts get the same posting.
    """
    context = {
        **_context(alert, labels),
        "posting": posting,
        "blocks": [block or posting_block(posting)],
    }
    key = f"alert:{alert.pk}:posting:{posting.pk}"
    queued = queue_email(
        to=alert.owner.email,
        template="alerts/email/instant",
        context=context,
        headers=_headers(context),
        dedupe_key=key,
    )
    if queued is not None:
        alert_email_queued.send(
            sender=Alert, alert=alert, blocks=context["blocks"], key=key, batch=batch
        )


def queue_digest_email(
    alert: Alert,
    blocks: Sequence[dict[str, str]],
    *,
    last_match: int,
    labels: dict | None = None,
    batch: EmailBatch | None = None,
) -> None:
    """Queue a digest of new postings (their ``posting_block``s), in the caller's
    transaction; one per set of matches."""
    context = {**_context(alert, labels), "blocks": blocks}
    # Matches are sent once each, so the newest one names this digest.
    key = f"alert:{alert.pk}:digest:{last_match}"
    queued = queue_email(
        to=alert.owner.email,
        template="alerts/email/digest",
        context=context,
        headers=_headers(context),
        dedupe_key=key,
    )
    if queued is not None:
        alert_email_queued.send(
            sender=Alert, alert=alert, blocks=list(blocks), key=key, batch=batch
        )

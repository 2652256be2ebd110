"""A posting's life, one service per move.

    draft → pending_review → published → paused / filled / expired / closed
                           ↘ rejected (with a reason) → (edit) → pending_review

Each service checks that its move is allowed from the current status, records
a PostingEvent, and in the same transaction queues what the change sets off:
the posting's document for the search index (``jobs.indexing``), a job-alert
check when it goes live, emails. Each of those is done after the commit, so
nothing happens for a change that rolls back. Views, the Wagtail admin, the
API, billing and commands all call these; none repeats their rules, and none
writes a posting any other way (a ``QuerySet.update()`` would reach no index).
"""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone

from employers.billing import entitlements
from employers.models import Employer
from employers.selectors import is_member, owner_emails, policy_of
from fairsite.accounts.models import User
from fairsite.mail.delivery import queue_email
from fairsite.richtext import html_to_plain_text

from . import alert_checks
from .indexing import postings_queue, written_by_service
from .models import JobPosting, PostingEvent, PostingLocation, Status
from .wording import Flag, check_wording

# Sent after a posting is filled or closed, so that applications (which live in
# another module) can tell the people still waiting, once.
posting_closed = Signal()

EDITABLE = {Status.DRAFT, Status.PENDING_REVIEW, Status.REJECTED, Status.PUBLISHED, Status.PAUSED}
LIVE = {Status.PUBLISHED, Status.PAUSED}

# Each move and the statuses it may start from.
MOVES = {
    "edit": EDITABLE,
    "submit": {Status.DRAFT, Status.REJECTED},
    "approve": {Status.PENDING_REVIEW},
    "reject": {Status.PENDING_REVIEW},
    "pause": {Status.PUBLISHED},
    "resume": {Status.PAUSED},
    "mark as filled": LIVE,
    "close": {Status.DRAFT, Status.PENDING_REVIEW, Status.REJECTED, *LIVE},
    "relist": {Status.EXPIRED, Status.FILLED, Status.CLOSED},
}
EMPLOYER_MOVES = ["edit", "submit", "pause", "resume", "mark as filled", "close", "relist"]


MODERATE = "jobs.moderate_jobposting"


class TransitionNotAllowed(ValidationError):
    """The move is not possible from the posting's current status."""


def available_moves(posting: JobPosting) -> list[str]:
    """The moves an employer can make on the posting now."""
    return [move for move in EMPLOYER_MOVES if posting.status in MOVES[move]]


def _require(posting: JobPosting, action: str) -> None:
    if posting.status not in MOVES[action]:
        raise TransitionNotAllowed(
            f"You can't {action} a posting that is {posting.get_status_display().lower()}."
        )


def _save(posting: JobPosting, **kwargs) -> None:
    """Save the posting; the calling service queues it for the index (``_index``)."""
    with written_by_service():
        posting.save(**kwargs)


def _index(posting: JobPosting) -> None:
    """Queue the posting's document for the search index, sent after the commit."""
    postings_queue([posting.pk])


def _move(posting: JobPosting, to: str, *, by: User | None, reason: str = "", **changes) -> None:
    """Change the status (and ``changes``), record the step and queue the new document."""
    from_status = posting.status
    posting.status = to
    for name, value in changes.items():
        setattr(posting, name, value)
    _save(posting)
    PostingEvent.objects.create(
        posting=posting, from_status=from_status, to_status=to, actor=by, reason=reason
    )
    _index(posting)


def wording_flags(posting: JobPosting) -> list[Flag]:
    """Phrases in the posting that screen people out by record, with suggestions."""
    return check_wording(
        posting.title,
        html_to_plain_text(posting.description),
        policy=policy_of(posting.employer),
    )


@transaction.atomic
def posting_create(
    *, employer: Employer, by: User, fields: dict, locations: list[dict], credentials: dict
) -> JobPosting:
    """A new draft; record-check timing and level default from the employer's policy."""
    policy = policy_of(employer)
    posting = JobPosting(employer=employer, created_by=by, status=Status.DRAFT, **fields)
    if policy is not None:
        posting.check_timing = posting.check_timing or policy.check_timing
        posting.check_level = posting.check_level or policy.check_level
    posting.full_clean()
    JobPosting.clean_locations(posting.workplace, locations)
    _save(posting)
    _save_related(posting, locations, credentials)
    PostingEvent.objects.create(posting=posting, to_status=Status.DRAFT, actor=by)
    _index(posting)
    return posting


@transaction.atomic
def posting_update(
    *,
    posting: JobPosting,
    by: User,
    fields: dict,
    locations: list[dict] | None = None,
    credentials: dict | None = None,
) -> JobPosting:
    """Save changes; a live posting whose new wording is flagged goes back to review.

    `locations` and `credentials` replace the posting's own when given.
    """
    _require(posting, "edit")
    for name, value in fields.items():
        setattr(posting, name, value)
    posting.full_clean()
    if locations is not None:
        JobPosting.clean_locations(posting.workplace, locations)
    elif not posting.is_remote:
        JobPosting.clean_locations(posting.workplace, list(posting.locations.all()))
    _save(posting)
    _save_related(posting, locations, credentials)
    if posting.status in LIVE and wording_flags(posting):
        _move(posting, Status.PENDING_REVIEW, by=by, reason="Edited wording needs review.")
    else:
        _index(posting)
    return posting


def _save_related(
    posting: JobPosting, locations: list[dict] | None, credentials: dict | None
) -> None:
    """Replace the posting's places and credentials; the caller queues the posting."""
    with written_by_service():
        if locations is not None:
            posting.locations.all().delete()
            PostingLocation.objects.bulk_create(
                PostingLocation(posting=posting, **loc) for loc in locations
            )
        if credentials is not None:
            posting.required_credentials.set(credentials.get("required", []))
            posting.preferred_credentials.set(credentials.get("preferred", []))


@transaction.atomic
def posting_submit(*, posting: JobPosting, by: User, accept_flags: bool = False) -> JobPosting:
    """Send a draft for review, or straight live for an auto-approved employer.

    Flagged wording must be seen and accepted first; auto-approval never skips
    review for flagged wording.
    """
    _require(posting, "submit")
    if policy_of(posting.employer) is None:
        raise ValidationError(
            "Set out your organisation's fair-chance policy before you submit a posting."
        )
    flags = wording_flags(posting)
    if flags and not accept_flags:
        raise ValidationError(
            "Some wording may put people with records off applying. Change it, or confirm "
            "that you want an editor to review it as it is."
        )
    # Holds a plan place or a credit (nothing with payments off); refuses if there is neither.
    entitlements.allowance_hold(posting=posting, by=by)
    if posting.employer.auto_approve_postings and posting.employer.is_verified and not flags:
        return _publish(posting, by=by, reason="Approved automatically (verified employer).")
    _move(posting, Status.PENDING_REVIEW, by=by, rejection_reason="")
    return posting


def _publish(posting: JobPosting, *, by: User | None, reason: str = "") -> JobPosting:
    """Put the posting live: it is searchable, alerts are checked, the employer is told.

    Each of the three is queued in the caller's transaction and done after it
    commits: the search index by the outbox, the alert check by its task, the
    email by the mail queue.
    """
    now = timezone.now()
    expires_at = posting.expires_at if posting.expires_at and posting.expires_at > now else None
    # Saved, the step recorded, and the document queued for the search index.
    _move(
        posting,
        Status.PUBLISHED,
        by=by,
        reason=reason,
        published_at=now,
        expires_at=expires_at or posting.default_expiry(now),
        rejection_reason="",
    )
    entitlements.allowance_use(posting=posting)
    alert_checks.queue_check(posting=posting)
    _email_employer(posting, "jobs/email/approved", {})
    return posting


@transaction.atomic
def posting_approve(*, posting: JobPosting, by: User) -> JobPosting:
    """An editor puts a reviewed posting live; the employer is told after commit."""
    if not by.has_perm(MODERATE):
        raise PermissionDenied("Only site editors can approve postings.")
    _require(posting, "approve")
    return _publish(posting, by=by)


@transaction.atomic
def posting_reject(*, posting: JobPosting, by: User, reason: str) -> JobPosting:
    """An editor sends a posting back with a reason the employer receives."""
    if not by.has_perm(MODERATE):
        raise PermissionDenied("Only site editors can reject postings.")
    _require(posting, "reject")
    if not reason.strip():
        raise ValidationError("Give the employer a reason, so they know what to change.")
    _move(posting, Status.REJECTED, by=by, reason=reason, rejection_reason=reason)
    entitlements.allowance_release(posting=posting, reason="Not approved: " + reason)
    edit_url = reverse("jobs:edit", kwargs={"slug": posting.employer.slug, "pk": posting.pk})
    _email_employer(posting, "jobs/email/rejected", {"reason": reason, "edit_url": edit_url})
    return posting


@transaction.atomic
def posting_pause(*, posting: JobPosting, by: User) -> JobPosting:
    """Take a live posting down for a while; it keeps its closing date."""
    _require(posting, "pause")
    _move(posting, Status.PAUSED, by=by)
    return posting


@transaction.atomic
def posting_resume(*, posting: JobPosting, by: User) -> JobPosting:
    """Put a paused posting back up, if its closing date has not passed."""
    _require(posting, "resume")
    if posting.expires_at and posting.expires_at <= timezone.now():
        raise TransitionNotAllowed("Its closing date has passed. Relist it to post it again.")
    # A posting paused because its plan went unpaid needs paying for again.
    entitlements.allowance_reinstate(posting=posting)
    _move(posting, Status.PUBLISHED, by=by)  # and queued for the search index
    alert_checks.queue_check(posting=posting)
    return posting


@transaction.atomic
def posting_mark_filled(*, posting: JobPosting, by: User) -> JobPosting:
    """The role is filled: it comes down and applicants still waiting are told."""
    _require(posting, "mark as filled")
    _move(posting, Status.FILLED, by=by)
    posting_closed.send(sender=JobPosting, posting=posting)
    return posting


@transaction.atomic
def posting_close(*, posting: JobPosting, by: User) -> JobPosting:
    """Close a posting for good (relisting makes a new draft)."""
    _require(posting, "close")
    was_live = posting.status in LIVE
    _move(posting, Status.CLOSED, by=by)
    entitlements.allowance_release(posting=posting, reason="Closed before it went live.")
    if was_live:
        posting_closed.send(sender=JobPosting, posting=posting)
    return posting


def postings_expire(*, now: datetime | None = None) -> int:
    """Mark every live or paused posting past its closing time as expired."""
    now = now or timezone.now()
    expired = 0
    due = JobPosting.objects.filter(status__in=LIVE, expires_at__lte=now).values_list(
        "pk", flat=True
    )
    for pk in list(due):
        with transaction.atomic():
            posting = JobPosting.objects.select_for_update().get(pk=pk)
            if posting.status in LIVE and posting.expires_at <= now:
                _move(posting, Status.EXPIRED, by=None, reason="Closing date passed.")
                expired += 1
    return expired


@transaction.atomic
def posting_relist(*, posting: JobPosting, by: User) -> JobPosting:
    """A new draft copied from an expired, filled or closed posting."""
    _require(posting, "relist")
    copy = JobPosting.objects.get(pk=posting.pk)
    copy.pk = None
    copy.status = Status.DRAFT
    copy.published_at = copy.expires_at = copy.featured_until = None
    copy.rejection_reason = ""
    copy.view_count = 0
    copy.relisted_from = posting
    copy.created_by = by
    _save(copy)
    _save_related(
        copy,
        [_location_fields(loc) for loc in posting.locations.all()],
        {
            "required": list(posting.required_credentials.all()),
            "preferred": list(posting.preferred_credentials.all()),
        },
    )
    PostingEvent.objects.create(posting=copy, to_status=Status.DRAFT, actor=by, reason="Relisted.")
    _index(copy)
    return copy


def posting_feature(*, posting_id: int, days: int) -> JobPosting:
    """Feature a posting for ``days`` more days: from now, or from the end of its
    featured period if it has one. Search ranks it a little higher after the commit.

    Locks the posting, so call it inside the caller's transaction after any
    rows that caller locks first (billing locks its payment and order).
    """
    with transaction.atomic():
        posting = JobPosting.objects.select_for_update(no_key=True).get(pk=posting_id)
        now = timezone.now()
        start = max(now, posting.featured_until or now)
        posting.featured_until = start + timedelta(days=days)
        _save(posting, update_fields=["featured_until", "updated_at"])
        _index(posting)
    return posting


def posting_feature_take_back(*, posting_id: int, days: int) -> JobPosting:
    """Take ``days`` off a posting's featured period (a refund), ending it now at the earliest.

    A period already over is left as it is. Locks like ``posting_feature``.
    """
    with transaction.atomic():
        posting = JobPosting.objects.select_for_update(no_key=True).get(pk=posting_id)
        now = timezone.now()
        if posting.featured_until is not None and posting.featured_until > now:
            posting.featured_until = max(posting.featured_until - timedelta(days=days), now)
            _save(posting, update_fields=["featured_until", "updated_at"])
            _index(posting)
    return posting


def _location_fields(location: PostingLocation) -> dict:
    names = [
        f.name for f in PostingLocation._meta.concrete_fields if f.name not in {"id", "posting"}
    ]
    return {name: getattr(location, name) for name in names}


def employer_recipients(posting: JobPosting) -> list[str]:
    """Who hears about a posting: the employer's owners and the member who wrote it."""
    recipients = set(owner_emails(posting.employer))
    if posting.created_by_id and is_member(posting.created_by, posting.employer_id):
        recipients.add(posting.created_by.email)
    return sorted(recipients)


def _email_employer(posting: JobPosting, template: str, context: dict) -> None:
    if recipients := employer_recipients(posting):
        queue_email(
            to=recipients,
            template=template,
            context={"posting": posting, "employer": posting.employer, **context},
        )

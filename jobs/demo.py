"""Demo postings for `make run`, written and moderated through the posting services.

Each posting goes through the same services a person's clicks do (create,
submit, approve or reject, expire, mark as filled), so its history and its
emails are the real ones. The services stamp everything "now", and a demo whose
postings all went live this minute would have no history to chart; so once a
posting has made its moves, the loader sets its timestamps back to the day
the data gives. That is the one thing done outside the services.
"""

from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from employers.demo import DEMO_EMPLOYERS_BY_SLUG, demo_location, owner_of
from employers.models import Employer
from fairsite.accounts.models import User
from fairsite.richtext import clean_rich_text

from . import services
from .demo_data import DEMO_POSTINGS, DemoPosting
from .indexing import postings_queue
from .models import (
    ApplicationMethod,
    Credential,
    Currency,
    JobPosting,
    PostingEvent,
    Status,
    Workplace,
)

# Featuring is paid for (a later feature); the demo shows a few as if it had been.
FEATURED_FOR = timedelta(days=10)
WRITTEN_BEFORE_LIVE = timedelta(days=1)
UNPUBLISHED = {Status.DRAFT, Status.PENDING_REVIEW, Status.REJECTED}
ENDING_MOVES = {
    Status.FILLED: services.posting_mark_filled,
    Status.CLOSED: services.posting_close,
    Status.PAUSED: services.posting_pause,
}


def days_open(days_ago: int) -> int:
    """How long a posting that went live `days_ago` stays open (at most 120,
    as the form allows), so every posting from the last 16 weeks is still live."""
    for younger_than, days in ((20, 30), (50, 60), (80, 90)):
        if days_ago < younger_than:
            return days
    return 120


@transaction.atomic
def load_demo_postings(
    *, editor: User, employers: dict[str, Employer], now: datetime | None = None
) -> list[JobPosting]:
    """The demo postings; one that exists (same employer and title) is left alone."""
    now = now or timezone.now()
    credentials = {credential.slug: credential for credential in Credential.objects.all()}
    postings = []
    for demo in DEMO_POSTINGS:
        employer = employers[demo.employer]
        posting = JobPosting.objects.filter(employer=employer, title=demo.title).first()
        if posting is None:
            posting = _create_posting(
                demo, employer=employer, editor=editor, credentials=credentials, now=now
            )
        postings.append(posting)
    return postings


def _create_posting(
    demo: DemoPosting,
    *,
    employer: Employer,
    editor: User,
    credentials: dict[str, Credential],
    now: datetime,
) -> JobPosting:
    owner = owner_of(employer)
    country = DEMO_EMPLOYERS_BY_SLUG[demo.employer].country
    live_at = now - timedelta(days=demo.days_ago)
    closes_at = live_at + timedelta(days=days_open(demo.days_ago))
    # Drafts leave the closing date empty, as most employers do: going live sets it.
    closing_date = closes_at if demo.status not in UNPUBLISHED and closes_at > now else None
    posting = services.posting_create(
        employer=employer,
        by=owner,
        fields=_fields(demo, country=country, closes_at=closing_date),
        locations=[demo_location(place, country=country) for place in demo.places],
        credentials={
            "required": [credentials[slug] for slug in demo.required],
            "preferred": [credentials[slug] for slug in demo.preferred],
        },
    )
    if demo.status in UNPUBLISHED:
        return _leave_unpublished(demo, posting, owner=owner, editor=editor, written=live_at)

    services.posting_submit(posting=posting, by=owner)
    if posting.status == Status.PENDING_REVIEW:  # not an auto-approved employer
        services.posting_approve(posting=posting, by=editor)
    written = live_at - WRITTEN_BEFORE_LIVE
    ended_at = live_at + (closes_at - live_at) / 3
    _set_times(
        posting,
        published_at=live_at,
        expires_at=closes_at,
        featured_until=now + FEATURED_FOR if demo.featured else None,
    )
    if demo.status == Status.EXPIRED:
        services.postings_expire(now=now)
    elif demo.status in ENDING_MOVES:
        ENDING_MOVES[demo.status](posting=posting, by=owner)
    _set_event_times(
        posting,
        written=written,
        moves={
            Status.PENDING_REVIEW: written + timedelta(hours=1),
            Status.PUBLISHED: live_at,
            Status.EXPIRED: closes_at,
            **dict.fromkeys(ENDING_MOVES, ended_at),
        },
    )
    return posting


def _leave_unpublished(
    demo: DemoPosting, posting: JobPosting, *, owner: User, editor: User, written: datetime
) -> JobPosting:
    if demo.status != Status.DRAFT:
        services.posting_submit(posting=posting, by=owner)
    if demo.status == Status.REJECTED:
        services.posting_reject(posting=posting, by=editor, reason=demo.rejection_reason)
    _set_event_times(
        posting,
        written=written,
        moves={
            Status.PENDING_REVIEW: written + timedelta(hours=1),
            Status.REJECTED: written + timedelta(days=1),
        },
    )
    return posting


def _fields(demo: DemoPosting, *, country: str, closes_at: datetime | None) -> dict:
    low, high, period = demo.pay or (None, None, "")
    fields = {
        "title": demo.title,
        # The same cleaning the posting form does: paragraphs and "-" lists to safe HTML.
        "description": clean_rich_text(demo.body),
        "category": demo.category,
        "employment_type": demo.employment_type,
        "workplace": demo.workplace,
        "open_to_country": country if demo.workplace == Workplace.REMOTE else "",
        "open_to_region": demo.open_to_region if demo.workplace == Workplace.REMOTE else "",
        "salary_min": _money(low),
        "salary_max": _money(high),
        "salary_period": period,
        "salary_currency": Currency.GBP if country == "GB" else Currency.USD,
        "skills": list(demo.skills),
        "experience_level": demo.experience,
        "duties": list(demo.duties),
        "expires_at": closes_at,
        **_application(demo.apply),
    }
    if demo.checks:
        fields["check_timing"], fields["check_level"] = demo.checks
    return fields


def _money(amount: float | None) -> Decimal | None:
    return None if amount is None else Decimal(str(amount))


def _application(apply: str) -> dict:
    if apply.startswith("https://"):
        return {"application_method": ApplicationMethod.EXTERNAL_URL, "apply_url": apply}
    if "@" in apply:
        return {"application_method": ApplicationMethod.EMAIL, "apply_email": apply}
    return {"application_method": ApplicationMethod.ON_SITE}


def _set_times(posting: JobPosting, **times) -> None:
    """Backdate the posting as if it had been written over the weeks before now.

    No service moves time; this write is the demo's own, so it queues the
    posting for the search index itself.
    """
    with transaction.atomic():
        JobPosting.objects.filter(pk=posting.pk).update(**times)
        postings_queue([posting.pk])
    posting.refresh_from_db()


def _set_event_times(posting: JobPosting, *, written: datetime, moves: dict) -> None:
    last = written
    for event in posting.events.all():
        at = moves[event.to_status] if event.from_status else written
        PostingEvent.objects.filter(pk=event.pk).update(created_at=at)
        last = max(last, at)
    _set_times(posting, created_at=written, updated_at=last)

"""Writes to applications: applying, moving between stages, withdrawing.

    submitted → viewed → shortlisted → interview → offer → hired
    any stage still in progress → rejected (by the employer) or withdrawn (by the candidate)

Each service checks its rules, records an ApplicationEvent and queues the
emails in the same transaction, so an email goes only if the change commits,
and each email carries a dedupe key, so a retried change never sends twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from candidates.cv import cv_kind
from candidates.services import cv_save, profile_get_or_create
from employers.selectors import is_member
from fairsite.accounts.models import User
from fairsite.mail.delivery import queue_email
from fairsite.private_storage import private_storage

from ..models import ApplicationMethod, JobPosting
from ..services import employer_recipients
from ..wording import before_offer_refusal
from .models import (
    IN_PROGRESS,
    Application,
    ApplicationEvent,
    Stage,
    application_cv_upload_to,
)

# Each stage an employer may move to, and the stages it may come from.
EMPLOYER_MOVES: dict[str, set[str]] = {
    Stage.VIEWED: {Stage.SUBMITTED},
    Stage.SHORTLISTED: {Stage.SUBMITTED, Stage.VIEWED},
    Stage.INTERVIEW: {Stage.SUBMITTED, Stage.VIEWED, Stage.SHORTLISTED},
    Stage.OFFER: {Stage.VIEWED, Stage.SHORTLISTED, Stage.INTERVIEW},
    Stage.HIRED: {Stage.OFFER},
    Stage.REJECTED: set(IN_PROGRESS),
}
# An offer follows an individual assessment, so it is never made in bulk; hiring
# follows an offer.
BULK_STAGES = [Stage.VIEWED, Stage.SHORTLISTED, Stage.INTERVIEW, Stage.REJECTED]
# The changes a candidate is emailed about ("viewed" is shown, not emailed).
CANDIDATE_IS_TOLD = {Stage.SHORTLISTED, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED, Stage.REJECTED}
# Still waiting when a posting is filled or closed (an offer holder already knows).
WAITING = (Stage.SUBMITTED, Stage.VIEWED, Stage.SHORTLISTED, Stage.INTERVIEW)

# The stages whose message goes with or after a conditional offer: only then, or
# to someone who already holds one, may a message raise a record.
OFFER_MADE = {Stage.OFFER, Stage.HIRED}
CONFIRM_CONDITIONAL = (
    "Tick the box to confirm the offer is conditional and that any record check "
    "will be judged on this person's own circumstances."
)


class ApplyNotAllowed(ValidationError):
    """The posting does not take applications on this site now."""


class AlreadyApplied(ValidationError):
    """The candidate applied to this posting before (`application` is that one)."""

    def __init__(self, application: Application):
        super().__init__("You have already applied for this job.")
        self.application = application


class StageMoveNotAllowed(ValidationError):
    """The move is not possible from the application's current stage."""


def apply_refusal(posting: JobPosting) -> str:
    """Why a candidate can't apply on this site now, in plain words ("" when they can)."""
    if posting.application_method != ApplicationMethod.ON_SITE:
        return "This employer takes applications on their own website or by email."
    if not posting.is_visible:
        return "This job has closed. It is no longer taking applications."
    return ""


def application_create(
    *,
    posting: JobPosting,
    candidate: User,
    cover_note: str = "",
    upload: UploadedFile | None,
    send_cv: bool = True,
    keep_upload: bool = False,
) -> Application:
    """One application per candidate per posting, with a private copy of their CV if any.

    A CV is never required. `upload` None means "the CV on my profile", or no CV
    when there is none there or `send_cv` is False. `keep_upload` also keeps the
    uploaded CV on the profile when the profile has none. A second call for the
    same posting (two tabs, a retried POST) raises AlreadyApplied and changes nothing.
    """
    if refusal := apply_refusal(posting):
        raise ApplyNotAllowed(refusal)
    existing = Application.objects.filter(posting=posting, candidate=candidate).first()
    if existing is not None:
        raise AlreadyApplied(existing)
    profile = profile_get_or_create(user=candidate)
    name = _copy_cv(upload, profile) if send_cv else ""
    try:
        with transaction.atomic():
            application = Application(posting=posting, candidate=candidate, cover_note=cover_note)
            application.cv.name = name
            application.full_clean(validate_constraints=False)
            application.save()
            ApplicationEvent.objects.create(
                application=application, to_stage=Stage.SUBMITTED, actor=candidate
            )
            _email_employer_of(application)
            _email_candidate(application, "jobs/email/application_sent", key="sent")
    except IntegrityError:
        _delete_copy(name)
        existing = Application.objects.filter(posting=posting, candidate=candidate).first()
        if existing is None:
            raise
        raise AlreadyApplied(existing) from None
    except BaseException:
        _delete_copy(name)
        raise
    if upload is not None and keep_upload and not profile.cv:
        upload.seek(0)
        cv_save(user=candidate, upload=upload)
    return application


def _copy_cv(upload: UploadedFile | None, profile) -> str:
    """Store the copy of the CV that goes with an application; "" when there is none."""
    if upload is not None:
        kind, source = cv_kind(upload), upload
    elif profile.cv:
        kind, source = profile.cv_kind, profile.cv.open("rb")
    else:
        return ""
    try:
        return private_storage().save(application_cv_upload_to(None, f"cv.{kind}"), source)
    finally:
        if upload is None:
            source.close()


def _delete_copy(name: str) -> None:
    if name:
        private_storage().delete(name)


def move_refusal(application: Application, to: str) -> str:
    """Why the employer can't move the application to `to` now ("" when they can)."""
    if to not in EMPLOYER_MOVES:
        return "Choose a stage from the list."
    if application.stage == to:
        return f"This application is already at “{Stage(to).label}”."
    if application.stage not in EMPLOYER_MOVES[to]:
        return (
            f"An application at “{application.get_stage_display()}” can't move to "
            f"“{Stage(to).label}”."
        )
    return ""


@transaction.atomic
def application_move(
    *,
    application: Application,
    to: str,
    by: User,
    message: str = "",
    offer_is_conditional: bool = False,
) -> Application:
    """Move one application on; the candidate is emailed after commit when it matters to them.

    An offer must be confirmed as conditional; nothing about a record is stored.
    """
    application = (
        Application.objects.select_for_update().select_related("posting").get(pk=application.pk)
    )
    if not is_member(by, application.posting.employer_id):
        raise PermissionDenied("Only the employer's team can move its applicants.")
    if refusal := move_refusal(application, to):
        raise StageMoveNotAllowed({"stage": refusal})
    _check_message(message, to, holds_offer=[application])
    if to == Stage.OFFER:
        if not offer_is_conditional:
            raise ValidationError({"offer_is_conditional": CONFIRM_CONDITIONAL})
        application.offer_is_conditional = True
    _record(application, to, by=by, message=message)
    return application


@transaction.atomic
def applications_move(
    *, applications: list[Application], to: str, by: User, message: str = ""
) -> int:
    """Move several applications at once, all or none; returns how many moved.

    Refuses the lot (StageMoveNotAllowed naming each problem) if any one can't move.
    """
    if to not in BULK_STAGES:
        raise StageMoveNotAllowed(
            {"stage": "Offers and hires are made one person at a time. Choose another stage."}
        )
    locked = list(
        Application.objects.select_for_update()
        .select_related("posting", "candidate")
        .filter(pk__in=[a.pk for a in applications])
        .order_by("pk")
    )
    if not locked:
        raise ValidationError({"applications": "Choose at least one applicant."})
    _check_message(message, to, holds_offer=locked)
    if not all(is_member(by, application.posting.employer_id) for application in locked):
        raise PermissionDenied("Only the employer's team can move its applicants.")
    refused = [
        f"{application.candidate}: {reason}"
        for application in locked
        if (reason := move_refusal(application, to))
    ]
    if refused:
        raise StageMoveNotAllowed({"applications": ["Nothing was moved.", *refused]})
    for application in locked:
        _record(application, to, by=by, message=message)
    return len(locked)


@transaction.atomic
def application_mark_viewed(*, application: Application, by: User) -> bool:
    """The first time the employer's team opens a new application, it becomes "viewed"."""
    updated = Application.objects.filter(pk=application.pk, stage=Stage.SUBMITTED).update(
        stage=Stage.VIEWED, stage_changed_at=timezone.now()
    )
    if updated:
        ApplicationEvent.objects.create(
            application=application, from_stage=Stage.SUBMITTED, to_stage=Stage.VIEWED, actor=by
        )
        application.refresh_from_db(fields=["stage", "stage_changed_at"])
    return bool(updated)


@transaction.atomic
def application_withdraw(*, application: Application, by: User) -> Application:
    """The candidate takes their application back, from any stage still in progress."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.candidate_id != by.pk:
        raise PermissionDenied("Only the person who applied can withdraw an application.")
    if application.stage not in IN_PROGRESS:
        raise StageMoveNotAllowed(
            f"You can't withdraw an application that is “{application.get_stage_display()}”."
        )
    _record(application, Stage.WITHDRAWN, by=by)
    return application


def applications_tell_posting_closed(*, posting: JobPosting) -> int:
    """Tell each applicant still waiting that the posting is filled or closed, once each.

    Runs in the transaction that closed the posting; returns how many were told.
    """
    waiting = Application.objects.select_for_update().filter(
        posting=posting, stage__in=WAITING, posting_closed_noted_at__isnull=True
    )
    told = 0
    for application in waiting.select_related("posting__employer", "candidate"):
        application.posting_closed_noted_at = timezone.now()
        application.save(update_fields=["posting_closed_noted_at"])
        _email_candidate(application, "jobs/email/application_posting_closed", key="closed")
        told += 1
    return told


def _check_message(message: str, to: str, *, holds_offer: list[Application]) -> None:
    """A message may raise a record only with an offer, or to people who hold one."""
    if to in OFFER_MADE or all(application.stage == Stage.OFFER for application in holds_offer):
        return
    if refusal := before_offer_refusal(message):
        raise ValidationError({"message": refusal})


def _record(application: Application, to: str, *, by: User, message: str = "") -> None:
    from_stage = application.stage
    application.stage = to
    application.stage_changed_at = timezone.now()
    application.save(update_fields=["stage", "stage_changed_at", "offer_is_conditional"])
    event = ApplicationEvent.objects.create(
        application=application, from_stage=from_stage, to_stage=to, actor=by, message=message
    )
    if to in CANDIDATE_IS_TOLD:
        _email_candidate(
            application,
            "jobs/email/application_stage",
            key=f"event-{event.pk}",
            extra={"event": event, "message": message},
        )


def _email_candidate(
    application: Application, template: str, *, key: str, extra: dict | None = None
) -> None:
    queue_email(
        to=application.candidate.email,
        template=template,
        context={
            "application": application,
            "posting": application.posting,
            "employer": application.posting.employer,
            **(extra or {}),
        },
        dedupe_key=f"application-{application.pk}-{key}",
    )


def _email_employer_of(application: Application) -> None:
    recipients = employer_recipients(application.posting)
    if recipients:
        queue_email(
            to=recipients,
            template="jobs/email/application_received",
            context={
                "application": application,
                "posting": application.posting,
                "employer": application.posting.employer,
            },
            dedupe_key=f"application-{application.pk}-received",
        )


def offer_messages_forget(*, now=None) -> int:
    """Delete the text of messages sent with or after an offer, once they are old; how many.

    From an offer on, a message may talk about a record (the check, what it
    showed), so it is kept as long as the email that carried it
    (`SENT_EMAIL_BODY_DAYS`), then only the stage change stays.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SENT_EMAIL_BODY_DAYS)
    offered_before = ApplicationEvent.objects.filter(
        application=OuterRef("application"),
        to_stage__in=OFFER_MADE,
        created_at__lte=OuterRef("created_at"),
    )
    return (
        ApplicationEvent.objects.exclude(message="")
        .filter(created_at__lte=cutoff)
        .filter(Exists(offered_before))
        .update(message="")
    )

"""What a case worker does with the access a seeker gave them: open their page,
save jobs to their list with a note, and get an application ready that only the
seeker sends. Every action checks the grant it is done under first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from candidates.services import saved_job_add
from fairsite.accounts.models import User
from fairsite.mail.delivery import queue_email
from jobs.applications.models import Application
from jobs.applications.services import apply_refusal
from jobs.models import JobPosting

from .models import (
    Activity,
    ActivityKind,
    CvChoice,
    Grant,
    JobNote,
    Permission,
    PreparedApplication,
)
from .services import grant_email_context


def _require(grant: Grant, permission: Permission) -> None:
    if not grant.is_current() or not getattr(grant, permission.value):
        raise PermissionDenied("This person has not let you do this.")


def record_visit(*, grant: Grant) -> None:
    """The case worker opened the person's page: one "looked" line a day in the seeker's list."""
    now = timezone.now()
    looked_today = grant.activity.filter(
        kind=ActivityKind.LOOKED, created_at__date=now.date()
    ).exists()
    if not looked_today:
        Activity.objects.create(grant=grant, kind=ActivityKind.LOOKED, created_at=now)
    Grant.objects.filter(pk=grant.pk).update(last_visit_at=now)


@transaction.atomic
def job_save_for(*, grant: Grant, posting: JobPosting, note: str) -> JobNote:
    """Save a job to the seeker's own list, with the case worker's note to them."""
    _require(grant, Permission.SAVE_JOBS)
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Write a short note to say why this job could suit them."})
    saved_job_add(user=grant.seeker, posting=posting)
    job_note = JobNote(grant=grant, seeker=grant.seeker, posting=posting, text=note)
    job_note.full_clean()
    job_note.save()
    Activity.objects.create(grant=grant, kind=ActivityKind.SAVED_JOB, posting=posting)
    return job_note


@transaction.atomic
def application_prepare(
    *, grant: Grant, posting: JobPosting, note: str, cv_choice: str
) -> PreparedApplication:
    """Get an application ready for the seeker to check and send; it is never sent from here."""
    _require(grant, Permission.SAVE_JOBS)
    if refusal := apply_refusal(posting):
        raise ValidationError(refusal)
    seeker = grant.seeker
    if Application.objects.filter(posting=posting, candidate=seeker).exists():
        raise ValidationError("They have already applied for this job.")
    if PreparedApplication.objects.filter(
        seeker=seeker, posting=posting, sent_at__isnull=True, dismissed_at__isnull=True
    ).exists():
        raise ValidationError("An application for this job is already waiting for them to check.")
    if cv_choice not in CvChoice.values:
        raise ValidationError({"cv_choice": "Choose whether to send their CV."})
    prepared = PreparedApplication(
        grant=grant, seeker=seeker, posting=posting, note=note.strip(), cv_choice=cv_choice
    )
    prepared.full_clean()
    prepared.save()
    Activity.objects.create(grant=grant, kind=ActivityKind.PREPARED, posting=posting)
    queue_email(
        to=seeker.email,
        template="partners/email/prepared",
        context={
            **grant_email_context(grant),
            "posting": posting,
            "path": reverse("partners:prepared", kwargs={"pk": prepared.pk}),
        },
        dedupe_key=f"partners-prepared-{prepared.pk}",
    )
    return prepared


def prepared_mark_sent(*, prepared: PreparedApplication, application: Application) -> None:
    """The seeker sent it themselves (through the apply service)."""
    prepared.sent_at = timezone.now()
    prepared.application = application
    prepared.save(update_fields=["sent_at", "application"])


def prepared_dismiss(*, prepared: PreparedApplication, by: User) -> None:
    if prepared.seeker_id != by.pk:
        raise PermissionDenied
    prepared.dismissed_at = timezone.now()
    prepared.save(update_fields=["dismissed_at"])

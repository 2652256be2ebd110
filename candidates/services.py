"""Writes to profiles, work history, CVs and fair-chance preferences.

Views and commands call these; each checks its rules with full_clean() and
writes in one transaction. Nothing here logs a preference or a CV's content.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from employers.forms import location_from_place
from employers.selectors import may_find_candidates
from fairsite.accounts.models import User
from fairsite.mail.delivery import queue_email
from fairsite.places import Place
from fairsite.private_storage import private_storage
from jobs.models import Credential, JobPosting, Status
from jobs.wording import before_offer_refusal

from .cv import cv_kind
from .encryption import encrypt_preferences
from .models import (
    ApplyInvitation,
    CandidateProfile,
    EducationEntry,
    ExperienceEntry,
    HomeLocation,
    PrivatePreferences,
    SavedJob,
    cv_upload_to,
)
from .preferences import FairChancePreferences
from .selectors import already_applied_refusal


def profile_get_or_create(*, user: User) -> CandidateProfile:
    """The person's profile, made with the defaults if they have none yet."""
    profile, _ = CandidateProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def profile_save(
    *,
    user: User,
    fields: dict,
    home: Place | None,
    credentials: Iterable[Credential],
) -> CandidateProfile:
    """Create or update the person's profile, home place and credentials, all or nothing."""
    profile = CandidateProfile.objects.filter(user=user).first() or CandidateProfile(user=user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    profile.credentials.set(credentials)
    HomeLocation.objects.filter(profile=profile).delete()
    if home is not None:
        location = HomeLocation(profile=profile, **location_from_place(home))
        location.full_clean()
        location.save()
    return profile


@transaction.atomic
def history_save(
    *, user: User, experience: list[dict], education: list[dict]
) -> CandidateProfile | None:
    """Replace the person's jobs and training with these lists, in this order.

    Returns None, and makes no profile, when there is nothing to save and no profile.
    """
    if not experience and not education and not CandidateProfile.objects.filter(user=user).exists():
        return None
    profile = profile_get_or_create(user=user)
    rows = []
    for model, entries in ((ExperienceEntry, experience), (EducationEntry, education)):
        for position, fields in enumerate(entries):
            entry = model(profile=profile, position=position, **fields)
            entry.full_clean()
            rows.append(entry)
    profile.experience.all().delete()
    profile.education.all().delete()
    for model in (ExperienceEntry, EducationEntry):
        model.objects.bulk_create(row for row in rows if isinstance(row, model))
    # bulk_create sends no signals; saving the profile marks it changed, so its
    # search document (which holds the job titles) is rewritten.
    profile.save(update_fields=["updated_at"])
    return profile


def cv_save(*, user: User, upload: UploadedFile) -> CandidateProfile:
    """Store the CV (checked by content) under a random name in private storage.

    The CV it replaces is deleted once the change has committed; if the change
    fails, the new file is deleted, so no file is left without its row.
    """
    kind = cv_kind(upload)
    storage = private_storage()
    new_name = storage.save(cv_upload_to(None, f"cv.{kind}"), upload)
    try:
        with transaction.atomic():
            profile = profile_get_or_create(user=user)
            old_name = profile.cv.name if profile.cv else ""
            profile.cv.name = new_name
            profile.cv_uploaded_at = timezone.now()
            profile.save(update_fields=["cv", "cv_uploaded_at", "updated_at"])
            transaction.on_commit(lambda: _delete_file(old_name))
    except BaseException:
        _delete_file(new_name)
        raise
    return profile


@transaction.atomic
def cv_delete(*, user: User) -> bool:
    """Delete the person's CV, row and file; False if they had none."""
    profile = CandidateProfile.objects.filter(user=user).first()
    if profile is None or not profile.cv:
        return False
    name = profile.cv.name
    profile.cv = ""
    profile.cv_uploaded_at = None
    profile.save(update_fields=["cv", "cv_uploaded_at", "updated_at"])
    transaction.on_commit(lambda: _delete_file(name))
    return True


def _delete_file(name: str) -> None:
    if name:
        private_storage().delete(name)


@sensitive_variables("preferences", "token")
@transaction.atomic
def preferences_save(*, user: User, preferences: FairChancePreferences) -> bool:
    """Store the person's preferences, encrypted; choosing nothing stores nothing.

    Returns True when something is stored. Never logs, never indexes.
    """
    if preferences.is_empty:
        PrivatePreferences.objects.filter(user=user).delete()
        return False
    token = encrypt_preferences(preferences, user_id=user.pk)
    PrivatePreferences.objects.update_or_create(user=user, defaults={"ciphertext": token})
    return True


@transaction.atomic
def preferences_delete(*, user: User) -> bool:
    """Delete the person's preferences for good; False if they had none."""
    deleted, _ = PrivatePreferences.objects.filter(user=user).delete()
    return bool(deleted)


def saved_job_add(*, user: User, posting: JobPosting) -> bool:
    """Save a posting anyone can see now; saving it again changes nothing.

    Returns True when it was newly saved. Raises ValidationError for a posting
    that is not open.
    """
    if not posting.is_visible:
        raise ValidationError("This job is no longer open, so it can't be saved.")
    _saved, created = SavedJob.objects.get_or_create(user=user, posting=posting)
    return created


def saved_job_remove(*, user: User, posting_id: int) -> bool:
    """Forget a saved posting; False if it was not saved."""
    deleted, _ = SavedJob.objects.filter(user=user, posting_id=posting_id).delete()
    return bool(deleted)


def saved_jobs_note_closed(*, now=None) -> int:
    """Email each person, once per saved job, when a job they saved stops taking applications.

    Run by the worker's schedule; returns how many notes were queued.
    """
    now = now or timezone.now()
    # Paused or back in review may come back; these won't.
    gone = Q(posting__status__in=[Status.EXPIRED, Status.FILLED, Status.CLOSED]) | Q(
        posting__status=Status.PUBLISHED, posting__expires_at__lte=now
    )
    closed = (
        SavedJob.objects.filter(gone, closed_noted_at__isnull=True)
        .select_related("user", "posting__employer")
        .order_by("pk")
    )
    noted = 0
    for saved in closed.iterator():
        with transaction.atomic():
            claimed = SavedJob.objects.filter(pk=saved.pk, closed_noted_at__isnull=True).update(
                closed_noted_at=now
            )
            if claimed:
                queue_email(
                    to=saved.user.email,
                    template="candidates/email/saved_job_closed",
                    context={"posting": saved.posting, "employer": saved.posting.employer},
                    dedupe_key=f"saved-job-{saved.pk}-closed",
                )
                noted += 1
    return noted


@transaction.atomic
def invite_to_apply(
    *, posting: JobPosting, profile: CandidateProfile, by: User, message: str = ""
) -> ApplyInvitation:
    """Record the invitation and queue its email to the person, once per posting and person.

    The employer never learns the person's email address; the person decides
    whether to apply. Refuses a posting that is not live, a person who is not
    discoverable, someone who already applied (or was hired), a second
    invitation, and a message that asks about records.
    Raises PermissionDenied unless `by` may find candidates for the posting's
    employer (a member of it, and it verified).
    """
    if not may_find_candidates(by, posting.employer):
        raise PermissionDenied("Only members of a verified employer can invite people to apply.")
    if not posting.is_visible:
        raise ValidationError("You can invite people once the posting is live.")
    if not profile.is_discoverable:
        raise ValidationError(
            "This person can't be invited: they no longer let employers find them."
        )
    if refusal := before_offer_refusal(message):
        raise ValidationError({"message": refusal})
    if refusal := already_applied_refusal(posting, profile):
        raise ValidationError(refusal)
    if ApplyInvitation.objects.filter(posting=posting, profile=profile).exists():
        raise ValidationError("You have already invited this person to apply for this job.")
    invitation = ApplyInvitation(posting=posting, profile=profile, invited_by=by, message=message)
    invitation.full_clean()
    invitation.save()
    queue_email(
        to=profile.user.email,
        template="candidates/email/invitation_to_apply",
        context={"posting": posting, "employer": posting.employer, "message": message},
        dedupe_key=f"apply-invitation-{invitation.pk}",
    )
    return invitation

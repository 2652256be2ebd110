"""A seeker shares a copy of one of their CVs with a case worker, and takes it back.

The copy is a snapshot file, made the way an application's CV copy is: the
case worker never reaches the profile's own CV. Who may download the copy is
decided by `candidates.selectors.can_read_cv` (the one place for CV access);
this module hands it the check for "shared with this case worker, under access
that works now" (`is_shared_with`) and holds the writes. Nothing here touches
the seeker's private fair-chance preferences.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile

from candidates.selectors import profile_for
from fairsite.accounts.models import User
from fairsite.private_storage import private_storage
from jobs.applications.models import Application

from .models import Activity, ActivityKind, Grant, SharedCv, shared_cv_upload_to
from .selectors import grants_held_by

PROFILE_CV = "profile"
CHOOSE_A_CV = "Choose one of your CVs to share."


@dataclass(frozen=True)
class ShareableCv:
    value: str
    label: str
    file: FieldFile
    kind: str


def shareable_cvs(seeker: User) -> list[ShareableCv]:
    """The CVs the seeker can share a copy of: the one on their profile, and each
    copy they sent with an application."""
    found = []
    profile = profile_for(seeker)
    if profile is not None and profile.cv:
        added = f" (added {profile.cv_uploaded_at:%-d %B %Y})" if profile.cv_uploaded_at else ""
        label = f"The CV on your profile{added}"
        found.append(ShareableCv(PROFILE_CV, label, profile.cv, profile.cv_kind))
    applications = (
        Application.objects.filter(candidate=seeker).exclude(cv="").select_related("posting")
    )
    for application in applications:
        found.append(
            ShareableCv(
                f"application-{application.pk}",
                f"The CV you sent for “{application.posting.title}” "
                f"({application.created_at:%-d %B %Y})",
                application.cv,
                application.cv_kind,
            )
        )
    return found


def is_shared_with(*, user: User, shared_copy: SharedCv) -> bool:
    """Whether `shared_copy` was shared with `user` under a grant that works now
    (the check `can_read_cv` asks through candidates.cv_sharing)."""
    return SharedCv.objects.filter(pk=shared_copy.pk, grant__in=grants_held_by(user)).exists()


@transaction.atomic
def cv_share(*, grant: Grant, by: User, choice: str) -> SharedCv:
    """Share a copy of the chosen CV with the grant's case worker (replacing an earlier copy)."""
    if grant.seeker_id != by.pk:
        raise PermissionDenied
    if not grant.is_current():
        raise ValidationError("This access has ended, so you can't share your CV with them.")
    chosen = next((cv for cv in shareable_cvs(by) if cv.value == choice), None)
    if chosen is None:
        raise ValidationError({"cv": CHOOSE_A_CV})
    shares_delete(SharedCv.objects.filter(grant=grant))
    with chosen.file.open("rb") as source:
        name = private_storage().save(shared_cv_upload_to(None, f"cv.{chosen.kind}"), source)
    try:
        shared = SharedCv.objects.create(grant=grant, seeker=by, cv=name, source=chosen.label)
    except BaseException:
        private_storage().delete(name)
        raise
    Activity.objects.create(grant=grant, kind=ActivityKind.SHARED_CV)
    return shared


@transaction.atomic
def cv_withdraw(*, grant: Grant, by: User) -> bool:
    """The seeker takes back the copy they shared; False when there was none."""
    if grant.seeker_id != by.pk:
        raise PermissionDenied
    if not shares_delete(SharedCv.objects.filter(grant=grant)):
        return False
    Activity.objects.create(grant=grant, kind=ActivityKind.CV_WITHDRAWN)
    return True


def cv_downloaded(*, shared: SharedCv) -> None:
    """The seeker sees each time their case worker opens the copy."""
    Activity.objects.create(grant_id=shared.grant_id, kind=ActivityKind.DOWNLOADED_CV)


def shares_delete(shares: QuerySet[SharedCv]) -> int:
    """Delete the copies and, once the transaction commits, their files."""
    names = [name for name in shares.values_list("cv", flat=True) if name]
    count, _ = shares.delete()
    storage = private_storage()
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return count

"""Reads for case workers and for the seekers who give them access.

Every case-worker page reads through `grants_held_by` or `grant_for`: the
seeker's current grant (not ended, not expired, organisation verified, the case
worker still a member of it, the permission given) is part of the query, so a
page can't show what the grant no longer allows.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from employers.selectors import memberships_of
from fairsite.accounts.models import User

from .models import (
    AccessCode,
    Activity,
    EmailInvitation,
    Grant,
    JobNote,
    Permission,
    PreparedApplication,
    ReentryOrganisation,
)


def reentry_organisations_of(user: User) -> QuerySet[ReentryOrganisation]:
    """The reentry organisations the person is a member (a case worker) of."""
    return ReentryOrganisation.objects.filter(
        employer_id__in=memberships_of(user).values("employer_id")
    ).select_related("employer")


def verified_reentry_organisations_of(user: User) -> QuerySet[ReentryOrganisation]:
    return reentry_organisations_of(user).filter(
        pk__in=ReentryOrganisation.objects.verified().values("pk")
    )


def is_case_worker(user: User) -> bool:
    """A member of any reentry organisation (verified or not: they see why they can't help yet)."""
    return user.is_authenticated and reentry_organisations_of(user).exists()


def grants_held_by(user: User, permission: Permission | None = None) -> QuerySet[Grant]:
    """The access people have given this case worker that works now (with `permission`)."""
    if not user.is_authenticated or not user.is_active:
        return Grant.objects.none()
    grants = Grant.objects.current().filter(case_worker=user)
    if permission is not None:
        grants = grants.filter(**{Permission(permission).value: True})
    return grants.select_related("seeker", "organisation__employer")


def grant_for(user: User, public_id, permission: Permission | None = None) -> Grant:
    """One person's current grant to this case worker, with `permission`; else 404.

    404 rather than 403, so a case worker can't tell an ended grant from one
    that never was.
    """
    grant = grants_held_by(user, permission).filter(public_id=public_id).first()
    if grant is None:
        raise Http404
    return grant


def grants_given_by(user: User) -> QuerySet[Grant]:
    """Everyone the seeker has given access to, current first then ended, newest first."""
    return Grant.objects.filter(seeker=user).select_related("case_worker", "organisation__employer")


def current_grants_given_by(user: User) -> QuerySet[Grant]:
    return grants_given_by(user).filter(pk__in=Grant.objects.current().values("pk"))


def open_invitations_from(user: User) -> list[EmailInvitation]:
    now = timezone.now()
    invitations = EmailInvitation.objects.filter(seeker=user, used_at__isnull=True)
    return [invitation for invitation in invitations if invitation.is_open(now)]


def open_codes_of(user: User) -> list[AccessCode]:
    now = timezone.now()
    codes = AccessCode.objects.filter(case_worker=user, used_at__isnull=True).select_related(
        "organisation__employer"
    )
    return [code for code in codes if code.is_open(now)]


def activity_for_seeker(user: User, *, limit: int = 50) -> QuerySet[Activity]:
    return (
        Activity.objects.filter(grant__seeker=user)
        .select_related("grant__case_worker", "grant__organisation__employer", "posting")
        .order_by("-created_at", "-id")[:limit]
    )


def job_notes_for_seeker(user: User) -> QuerySet[JobNote]:
    return JobNote.objects.filter(seeker=user).select_related(
        "posting__employer", "grant__case_worker"
    )


def job_notes_of(grant: Grant) -> dict[int, list[JobNote]]:
    """The notes this case worker left on the seeker's saved jobs, by posting."""
    notes: dict[int, list[JobNote]] = {}
    for note in JobNote.objects.filter(grant=grant).order_by("created_at", "id"):
        notes.setdefault(note.posting_id, []).append(note)
    return notes


def open_prepared_for(user: User) -> QuerySet[PreparedApplication]:
    """Applications case workers got ready that the seeker has not sent or set aside."""
    return PreparedApplication.objects.filter(
        seeker=user, sent_at__isnull=True, dismissed_at__isnull=True
    ).select_related("posting__employer", "grant__case_worker")


def own_prepared(user: User, pk: int) -> PreparedApplication:
    prepared = open_prepared_for(user).filter(pk=pk).first()
    if prepared is None:
        raise Http404
    return prepared


def prepared_by(grant: Grant) -> QuerySet[PreparedApplication]:
    return PreparedApplication.objects.filter(grant=grant).select_related("posting__employer")

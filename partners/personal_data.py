"""What this app holds about a person (see fairsite.accounts.personal_data).

A grant is about both people in it: the seeker and the case worker each get it
in their export, and it goes when either account is deleted (both foreign keys
cascade). Its activity, notes and prepared applications go with it.
"""

from django.db.models import Q

from fairsite.accounts.personal_data import register_not_personal, register_personal

from .models import (
    AccessCode,
    Activity,
    EmailInvitation,
    Grant,
    JobNote,
    PreparedApplication,
    ReentryOrganisation,
)


def grants_of(user):
    return Grant.objects.filter(Q(seeker=user) | Q(case_worker=user))


def activity_of(user):
    return Activity.objects.filter(Q(grant__seeker=user) | Q(grant__case_worker=user))


def notes_of(user):
    return JobNote.objects.filter(Q(seeker=user) | Q(grant__case_worker=user))


def prepared_of(user):
    return PreparedApplication.objects.filter(Q(seeker=user) | Q(grant__case_worker=user))


def invitations_of(user):
    """Sent by the person, or to their address."""
    return EmailInvitation.objects.filter(Q(seeker=user) | Q(email__iexact=user.email))


def register() -> None:
    register_personal(Grant, rows=grants_of, exclude=["public_id"])
    register_personal(Activity, rows=activity_of)
    register_personal(JobNote, rows=notes_of)
    register_personal(PreparedApplication, rows=prepared_of)
    register_personal(EmailInvitation, rows=invitations_of, exclude=["token"])
    register_personal(AccessCode, owner="case_worker", exclude=["code"])
    register_not_personal(
        ReentryOrganisation,
        reason="an organisation, not a person; `verified_by` names the editor who "
        "verified it and is cleared when that editor's account is deleted",
    )

"""Writes for reentry organisations and the access seekers give their case workers.

Each service checks its rule here, so views, the Wagtail admin, the demo and
the scheduler share it. A case worker's write takes the grant from
`selectors.grant_for` and is refused again here unless it still allows the act.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from employers.models import Employer, VerificationStatus
from employers.selectors import VERIFY, is_member
from fairsite.accounts.models import User
from fairsite.mail.delivery import queue_email

from .cv_shares import shares_delete
from .models import (
    AccessCode,
    Activity,
    ActivityKind,
    EmailInvitation,
    EndReason,
    Grant,
    Months,
    Permission,
    ReentryOrganisation,
    SharedCv,
    months_from,
)
from .selectors import verified_reentry_organisations_of

REMIND_BEFORE = timedelta(days=14)
PERMISSION_FIELDS = [p.value for p in Permission]


def _name(user: User) -> str:
    return user.get_full_name() or user.email


# Organisations ------------------------------------------------------------------


@transaction.atomic
def reentry_register(*, employer: Employer, by: User, services: str) -> ReentryOrganisation:
    """An owner says their organisation helps people back into work; editors then check it."""
    if not is_member(by, employer, owner=True):
        raise PermissionDenied("Only owners of this organisation can do this.")
    if ReentryOrganisation.objects.filter(employer=employer).exists():
        raise ValidationError("This organisation is already a reentry organisation.")
    organisation = ReentryOrganisation(employer=employer, services=services.strip())
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def reentry_verify(*, organisation: ReentryOrganisation, by: User) -> ReentryOrganisation:
    """An editor vouches that this is a real reentry organisation; its case workers can start."""
    if not by.has_perm(VERIFY):
        raise PermissionDenied("Only site editors can verify organisations.")
    organisation.verification_status = VerificationStatus.VERIFIED
    organisation.verified_at = timezone.now()
    organisation.verified_by = by
    organisation.save(update_fields=["verification_status", "verified_at", "verified_by"])
    _email_members(organisation, "partners/email/verified", {"organisation": organisation})
    return organisation


@transaction.atomic
def reentry_unverify(*, organisation: ReentryOrganisation, by: User) -> ReentryOrganisation:
    """An editor takes verification away: every grant to its case workers ends at once.

    Current access already needs a verified organisation (``Grant.objects.current``);
    ending the grants as well tells each seeker and case worker, deletes the CV
    copies the seekers shared, and means verifying the organisation again gives
    nobody's access back without the seeker choosing to."""
    if not by.has_perm(VERIFY):
        raise PermissionDenied("Only site editors can change verification.")
    organisation.verification_status = VerificationStatus.UNVERIFIED
    organisation.verified_at = None
    organisation.verified_by = None
    organisation.save(update_fields=["verification_status", "verified_at", "verified_by"])
    now = timezone.now()
    # Grants past their end date are the scheduled close's, with its own reason.
    running = Grant.objects.select_for_update(of=("self",)).filter(
        organisation=organisation, ended_at__isnull=True, expires_at__gt=now
    )
    for grant in running.select_related("seeker", "case_worker", "organisation__employer"):
        _close(grant, reason=EndReason.ORGANISATION, now=now)
    return organisation


def _email_members(organisation: ReentryOrganisation, template: str, context: dict) -> None:
    recipients = sorted(organisation.employer.memberships.values_list("user__email", flat=True))
    if recipients:
        queue_email(to=recipients, template=template, context=context)


# Starting access ----------------------------------------------------------------------


def _choices(permissions: dict) -> dict:
    chosen = {name: bool(permissions.get(name)) for name in PERMISSION_FIELDS}
    if not any(chosen.values()):
        raise ValidationError({"may_see_matches": "Choose at least one thing they may do."})
    return chosen


def _months(months: int) -> int:
    if months not in Months.values:
        raise ValidationError({"months": "Choose how long they may help you."})
    return months


@transaction.atomic
def invitation_send(*, seeker: User, email: str, permissions: dict, months: int) -> EmailInvitation:
    """The seeker invites a case worker by email; the link in it works once, for 14 days."""
    email = User.objects.normalize_email(email).strip()
    if email.lower() == seeker.email.lower():
        raise ValidationError({"email": "Enter your case worker's email address, not your own."})
    invitation = EmailInvitation(
        seeker=seeker, email=email, months=_months(months), **_choices(permissions)
    )
    invitation.full_clean()
    invitation.save()
    queue_email(
        to=email,
        template="partners/email/invitation",
        context={
            "invitation": invitation,
            "seeker_name": _name(seeker),
            "permissions": [p.label for p in Permission if getattr(invitation, p.value)],
            "path": reverse("partners:invitation-accept", kwargs={"token": invitation.token}),
        },
        dedupe_key=f"partners-invitation-{invitation.pk}",
    )
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, case_worker: User, organisation: ReentryOrganisation) -> Grant:
    """The case worker takes up the invitation, for one of their verified organisations."""
    invitation = EmailInvitation.objects.select_for_update().filter(token=token).first()
    if invitation is None or not invitation.is_open():
        raise ValidationError("This invitation has been used or has expired. Ask for a new one.")
    if invitation.email.lower() != case_worker.email.lower():
        raise ValidationError(
            "This invitation was sent to a different email address. Sign in with that "
            "address to accept it."
        )
    if not verified_reentry_organisations_of(case_worker).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": "Choose a verified reentry organisation you belong to."}
        )
    grant = _grant_start(
        seeker=invitation.seeker,
        case_worker=case_worker,
        organisation=organisation,
        permissions={name: getattr(invitation, name) for name in PERMISSION_FIELDS},
        months=invitation.months,
    )
    invitation.used_at = timezone.now()
    invitation.grant = grant
    invitation.save(update_fields=["used_at", "grant"])
    return grant


@transaction.atomic
def invitation_cancel(*, invitation: EmailInvitation, by: User) -> None:
    if invitation.seeker_id != by.pk:
        raise PermissionDenied
    invitation.delete()


@transaction.atomic
def code_create(*, case_worker: User, organisation: ReentryOrganisation) -> AccessCode:
    """A code the case worker gives someone (on paper, aloud); it works once, for 14 days."""
    if not verified_reentry_organisations_of(case_worker).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": "Choose a verified reentry organisation you belong to."}
        )
    return AccessCode.objects.create(case_worker=case_worker, organisation=organisation)


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


@transaction.atomic
def code_redeem(*, seeker: User, code: str, permissions: dict, months: int) -> Grant:
    """The seeker types their case worker's code and chooses what they may do."""
    choices, months = _choices(permissions), _months(months)
    access_code = (
        AccessCode.objects.select_for_update()
        .filter(code=normalise_code(code))
        .select_related("case_worker", "organisation")
        .first()
    )
    if access_code is None or not access_code.is_open():
        raise ValidationError(
            {
                "code": "We don't know this code, or it has been used or has expired. "
                "Check it, or ask your case worker for a new one."
            }
        )
    case_worker = access_code.case_worker
    organisation = access_code.organisation
    if not verified_reentry_organisations_of(case_worker).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"code": "This code's organisation can't be given access now. Ask your case worker."}
        )
    if case_worker.pk == seeker.pk:
        raise ValidationError({"code": "This is your own code: give it to the person you help."})
    grant = _grant_start(
        seeker=seeker,
        case_worker=case_worker,
        organisation=organisation,
        permissions=choices,
        months=months,
    )
    access_code.used_at = timezone.now()
    access_code.save(update_fields=["used_at"])
    return grant


def _grant_start(
    *, seeker: User, case_worker: User, organisation: ReentryOrganisation, permissions, months
) -> Grant:
    if Grant.objects.current().filter(seeker=seeker, case_worker=case_worker).exists():
        raise ValidationError(
            "This case worker already has access. End it first if you want to change "
            "what they may do."
        )
    now = timezone.now()
    grant = Grant.objects.create(
        seeker=seeker,
        case_worker=case_worker,
        organisation=organisation,
        started_at=now,
        expires_at=months_from(now, months),
        **permissions,
    )
    Activity.objects.create(grant=grant, kind=ActivityKind.STARTED)
    context = grant_email_context(grant)
    queue_email(to=seeker.email, template="partners/email/started", context=context)
    queue_email(
        to=case_worker.email, template="partners/email/started_case_worker", context=context
    )
    return grant


def grant_email_context(grant: Grant) -> dict:
    return {
        "grant": grant,
        "seeker_name": _name(grant.seeker),
        "case_worker_name": _name(grant.case_worker),
        "organisation": grant.organisation.employer,
        "permissions": grant.permissions(),
        "manage_path": reverse("partners:access"),
        "caseload_path": reverse("partners:caseload"),
    }


# Ending access --------------------------------------------------------------------------


@transaction.atomic
def grant_end(*, grant: Grant, by: User) -> Grant:
    """The seeker (or the case worker) ends access; it stops at once, both are emailed."""
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if by.pk not in {grant.seeker_id, grant.case_worker_id}:
        raise PermissionDenied
    if grant.ended_at is not None:
        return grant
    reason = EndReason.SEEKER if by.pk == grant.seeker_id else EndReason.CASE_WORKER
    return _close(grant, reason=reason, now=timezone.now())


def _close(grant: Grant, *, reason: str, now) -> Grant:
    grant.ended_at = min(now, grant.expires_at)
    grant.ended_reason = reason
    grant.end_noted_at = now
    grant.save(update_fields=["ended_at", "ended_reason", "end_noted_at"])
    shares_delete(SharedCv.objects.filter(grant=grant))
    Activity.objects.create(grant=grant, kind=ActivityKind.ENDED, created_at=now)
    context = grant_email_context(grant)
    queue_email(
        to=grant.seeker.email,
        template="partners/email/ended",
        context=context,
        dedupe_key=f"partners-grant-{grant.pk}-ended",
    )
    queue_email(
        to=grant.case_worker.email,
        template="partners/email/ended_case_worker",
        context=context,
        dedupe_key=f"partners-grant-{grant.pk}-ended-case-worker",
    )
    return grant


def grants_remind_and_close(*, now=None) -> int:
    """Remind seekers two weeks before access ends, and email both when it has ended.

    Run by the worker's schedule. The grant stops working at `expires_at` in the
    query itself whether or not this has run. Returns how many emails were queued.
    """
    now = now or timezone.now()
    queued = 0
    due = Grant.objects.filter(
        ended_at__isnull=True,
        reminder_sent_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + REMIND_BEFORE,
    )
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            if Grant.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            ):
                grant = Grant.objects.select_related("seeker", "case_worker").get(pk=pk)
                Activity.objects.create(grant=grant, kind=ActivityKind.REMINDED, created_at=now)
                queue_email(
                    to=grant.seeker.email,
                    template="partners/email/reminder",
                    context=grant_email_context(grant),
                    dedupe_key=f"partners-grant-{pk}-reminder",
                )
                queued += 1
    expired = Grant.objects.filter(ended_at__isnull=True, expires_at__lte=now)
    for pk in expired.values_list("pk", flat=True):
        with transaction.atomic():
            grant = Grant.objects.select_for_update().filter(pk=pk, ended_at__isnull=True).first()
            if grant is not None:
                _close(grant, reason=EndReason.EXPIRED, now=now)
                queued += 2
    return queued

"""Writes to employers, their members and their fair-chance policies.

Views, the Wagtail admin and commands all go through these functions, so each
rule (who may do what, what sends a policy back for review) lives once.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from fairsite.accounts.models import User
from fairsite.mail.delivery import queue_email

from .models import (
    Employer,
    FairChancePolicy,
    Invitation,
    MemberRole,
    Membership,
    PolicyExclusion,
    VerificationStatus,
)
from .selectors import VERIFY, policy_of

POLICY_FIELDS = [
    "check_timing",
    "check_level",
    "ignores_spent_convictions",
    "pledges",
    "support",
    "incentives",
]


@transaction.atomic
def employer_create(*, by: User, **fields) -> Employer:
    """A new organisation, with the person who made it as its owner."""
    employer = Employer(**fields)
    if not employer.slug:
        employer.slug = Employer.unique_slug_for(employer.name)
    employer.full_clean()
    employer.save()
    Membership.objects.create(user=by, employer=employer, role=MemberRole.OWNER)
    return employer


@transaction.atomic
def policy_save(
    *, employer: Employer, by: User, fields: dict, exclusions: list[tuple[str, str]]
) -> FairChancePolicy:
    """Save the policy; a verified employer who changes it goes back to review."""
    policy = policy_of(employer) or FairChancePolicy(employer=employer)
    before = _policy_snapshot(policy) if policy.pk else None
    for name in POLICY_FIELDS:
        if name in fields:
            setattr(policy, name, fields[name])
    policy.full_clean()
    policy.save()
    policy.exclusions.all().delete()
    PolicyExclusion.objects.bulk_create(
        PolicyExclusion(policy=policy, role_type=role, offence_category=offence)
        for role, offence in sorted(set(exclusions))
    )
    if employer.is_verified and before != _policy_snapshot(policy):
        # A badge vouches for what an editor read; a changed promise is re-read.
        employer.verification_status = VerificationStatus.PENDING
        employer.auto_approve_postings = False
        employer.save(update_fields=["verification_status", "auto_approve_postings", "updated_at"])
    return policy


def _policy_snapshot(policy: FairChancePolicy) -> tuple:
    values = tuple(
        sorted(v) if isinstance(v, list) else v
        for v in (getattr(policy, name) for name in POLICY_FIELDS)
    )
    exclusions = tuple(sorted(policy.exclusions.values_list("role_type", "offence_category")))
    return (values, exclusions)


def employer_request_verification(*, employer: Employer, by: User) -> Employer:
    """Ask the editors to verify the employer's fair-chance policy."""
    if policy_of(employer) is None:
        raise ValidationError("Set out your fair-chance policy before you ask us to verify it.")
    if employer.verification_status != VerificationStatus.UNVERIFIED:
        raise ValidationError("This organisation is already verified or waiting for review.")
    employer.verification_status = VerificationStatus.PENDING
    employer.save(update_fields=["verification_status", "updated_at"])
    return employer


@transaction.atomic
def employer_verify(*, employer: Employer, by: User) -> Employer:
    """An editor vouches for the employer's policy: the badge shows from now on."""
    if not by.has_perm(VERIFY):
        raise PermissionDenied("Only site editors can verify employers.")
    if policy_of(employer) is None:
        raise ValidationError("This employer has no fair-chance policy to verify yet.")
    employer.verification_status = VerificationStatus.VERIFIED
    employer.verified_at = timezone.now()
    employer.verified_by = by
    employer.save(update_fields=["verification_status", "verified_at", "verified_by", "updated_at"])
    _email_members(
        employer,
        template="employers/email/verified",
        context={"employer": employer},
    )
    return employer


@transaction.atomic
def employer_unverify(*, employer: Employer, by: User, reason: str) -> Employer:
    """An editor takes the badge away (or declines a request), saying why."""
    if not by.has_perm(VERIFY):
        raise PermissionDenied("Only site editors can change verification.")
    if not reason.strip():
        raise ValidationError("Give the employer a reason.")
    employer.verification_status = VerificationStatus.UNVERIFIED
    employer.verified_at = None
    employer.verified_by = None
    employer.auto_approve_postings = False
    employer.save(
        update_fields=[
            "verification_status",
            "verified_at",
            "verified_by",
            "auto_approve_postings",
            "updated_at",
        ]
    )
    _email_members(
        employer,
        template="employers/email/not_verified",
        context={"employer": employer, "reason": reason},
    )
    return employer


def employer_set_auto_approve(*, employer: Employer, by: User, value: bool) -> Employer:
    """Let a verified employer's postings go live without review (editors only)."""
    if not by.has_perm(VERIFY):
        raise PermissionDenied("Only site editors can change this.")
    if value and not employer.is_verified:
        raise ValidationError("Only verified employers can skip review.")
    employer.auto_approve_postings = value
    employer.save(update_fields=["auto_approve_postings", "updated_at"])
    return employer


@transaction.atomic
def invitation_create(*, employer: Employer, by: User, email: str, role: str) -> Invitation:
    """Invite someone by email to join the organisation; the email carries the link."""
    email = User.objects.normalize_email(email).strip()
    if employer.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError({"email": "This person is already a member."})
    invitation = Invitation(employer=employer, email=email, role=role, invited_by=by)
    invitation.full_clean()
    invitation.save()
    queue_email(
        to=email,
        template="employers/email/invitation",
        context={
            "invitation": invitation,
            "employer": employer,
            "invited_by": by,
            "path": reverse("employers:invitation-accept", kwargs={"token": invitation.token}),
        },
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """The invited person joins; the link works once, for the address it was sent to."""
    if not invitation.is_open:
        raise ValidationError("This invitation has been used or has expired. Ask for a new one.")
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            "This invitation was sent to a different email address. Sign in with that "
            "address to accept it."
        )
    membership, _ = Membership.objects.get_or_create(
        user=user, employer=invitation.employer, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    """Remove a member; an organisation always keeps at least one owner."""
    employer = membership.employer
    owners = employer.memberships.select_for_update().filter(role=MemberRole.OWNER)
    if membership.is_owner and owners.count() == 1:
        raise ValidationError("An organisation needs at least one owner. Add another owner first.")
    membership.delete()


def _email_members(employer: Employer, *, template: str, context: dict) -> None:
    recipients = sorted(employer.memberships.values_list("user__email", flat=True))
    if recipients:
        queue_email(to=recipients, template=template, context=context)

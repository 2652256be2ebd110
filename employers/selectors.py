"""Reads that decide what a person may see of an organisation."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from fairsite.accounts.models import User

from .models import Employer, FairChancePolicy, Membership, VerificationStatus


def employers_of(user: User) -> QuerySet[Employer]:
    """The organisations a person belongs to."""
    if not user.is_authenticated:
        return Employer.objects.none()
    return Employer.objects.filter(memberships__user=user).order_by("name")


def member_employer(
    user: User, slug: str, *, owner_only: bool = False
) -> tuple[Employer, Membership]:
    """The organisation and the person's membership of it.

    Not a member: 404, so other organisations' names and existence stay private.
    A member without the owner role where one is needed: 403.
    """
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("employer").filter(user=user, employer__slug=slug).first()
    )
    if membership is None:
        raise Http404
    if owner_only and not membership.is_owner:
        raise PermissionDenied("Only owners of this organisation can do this.")
    return membership.employer, membership


def policy_of(employer: Employer) -> FairChancePolicy | None:
    """The employer's fair-chance policy, or None before they have set one out."""
    try:
        return employer.policy
    except FairChancePolicy.DoesNotExist:
        return None


def public_employers(*, verified: bool | None = None) -> QuerySet[Employer]:
    """Employers worth finding, by name: verified ones, and any with an open role.

    The sitemap and the API list exactly these. Each has `open_roles`, and its
    policy (with exclusions) and locations loaded.
    """
    from jobs.models import JobPosting

    visible = JobPosting.objects.visible()
    employers = Employer.objects.filter(
        Q(verification_status=VerificationStatus.VERIFIED) | Q(pk__in=visible.values("employer_id"))
    )
    if verified is not None:
        verified_only = Q(verification_status=VerificationStatus.VERIFIED)
        employers = (
            employers.filter(verified_only) if verified else employers.exclude(verified_only)
        )
    return (
        employers.annotate(
            open_roles=Count("postings", filter=Q(postings__in=visible), distinct=True)
        )
        .select_related("policy")
        .prefetch_related("policy__exclusions", "locations")
        .order_by("name", "pk")
    )


def public_employer(slug: str) -> Employer | None:
    """One employer from public_employers(), or None."""
    return public_employers().filter(slug=slug).first()

"""Reads that decide what a person may see of an organisation."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from fairsite.accounts.models import User

from .models import Employer, FairChancePolicy, MemberRole, Membership

# Editors with this permission check employers' policies and verify them.
VERIFY = "employers.verify_employer"


def memberships_of(user: User) -> QuerySet[Membership]:
    """The person's memberships: the one definition of "a member of an organisation".

    Only a signed-in, active account has any. Removing someone from a team
    deletes their membership, so a removed recruiter is a member of nothing there.
    """
    if not user.is_authenticated or not user.is_active:
        return Membership.objects.none()
    return Membership.objects.filter(user=user)


def is_member(user: User, employer: Employer | int, *, owner: bool = False) -> bool:
    """Whether the person is a member of the organisation (an `Employer` or its id);
    with `owner`, one of its owners. The check every caller makes (memberships_of)."""
    memberships = memberships_of(user).filter(employer=employer)
    if owner:
        memberships = memberships.filter(role=MemberRole.OWNER)
    return memberships.exists()


def owner_emails(employer: Employer) -> list[str]:
    """The email addresses of the organisation's owners, sorted: who hears about its
    postings and its billing."""
    return sorted(
        employer.memberships.filter(role=MemberRole.OWNER).values_list("user__email", flat=True)
    )


def _membership_of(user: User, slug: str) -> Membership | None:
    return memberships_of(user).select_related("employer").filter(employer__slug=slug).first()


def employers_of(user: User) -> QuerySet[Employer]:
    """The organisations a person belongs to."""
    return Employer.objects.filter(pk__in=memberships_of(user).values("employer_id")).order_by(
        "name"
    )


def may_find_candidates(user: User, employer: Employer | None = None) -> bool:
    """Whether the person may see discoverable candidates and invite them to apply.

    Only members of an employer an editor has verified: anyone can sign up and
    make an organisation, so an unverified one sees no one. With `employer`,
    whether they may do so for that organisation.
    """
    memberships = memberships_of(user).filter(employer__in=Employer.objects.verified())
    if employer is not None:
        memberships = memberships.filter(employer=employer)
    return memberships.exists()


def member_employer(
    user: User, slug: str, *, owner_only: bool = False
) -> tuple[Employer, Membership]:
    """The organisation and the person's membership of it.

    Not a member: 404, so other organisations' names and existence stay private.
    A member without the owner role where one is needed: 403.
    """
    membership = _membership_of(user, slug)
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


def with_open_roles(employers: QuerySet[Employer]) -> QuerySet[Employer]:
    """The employers, each with `open_roles`: how many of its postings are visible."""
    from jobs.models import JobPosting

    visible = JobPosting.objects.visible()
    return employers.annotate(
        open_roles=Count("postings", filter=Q(postings__in=visible), distinct=True)
    )


# Apps above this one that make an organisation worth finding for what they
# know of it (partners: a reentry organisation an editor verified), each as a
# function giving a queryset of employer ids; registered at start-up.
_ALSO_PUBLIC: list[Callable[[], QuerySet]] = []


def also_public(employer_ids: Callable[[], QuerySet]) -> None:
    _ALSO_PUBLIC.append(employer_ids)


def public_employers(*, verified: bool | None = None) -> QuerySet[Employer]:
    """Employers worth finding, by name: verified ones, any with an open role,
    and those another app vouches for (also_public).

    The sitemap and the API list exactly these. Each has `open_roles`, and its
    policy (with exclusions) and locations loaded.
    """
    from jobs.models import JobPosting

    visible = JobPosting.objects.visible()
    verified_ids = Employer.objects.verified().values("pk")
    worth_finding = Q(pk__in=verified_ids) | Q(pk__in=visible.values("employer_id"))
    for employer_ids in _ALSO_PUBLIC:
        worth_finding |= Q(pk__in=employer_ids())
    employers = Employer.objects.filter(worth_finding)
    if verified is not None:
        verified_only = Q(pk__in=verified_ids)
        employers = (
            employers.filter(verified_only) if verified else employers.exclude(verified_only)
        )
    return (
        with_open_roles(employers)
        .select_related("policy")
        .prefetch_related("policy__exclusions", "locations")
        .order_by("name", "pk")
    )


def public_employer(slug: str) -> Employer | None:
    """One employer from public_employers(), or None."""
    return public_employers().filter(slug=slug).first()


def viewable_employer(user: User, slug: str) -> tuple[Employer, bool]:
    """The organisation's page for this person, and whether it is public.

    The page shows what the API and the feeds show: public_employer(). Its own
    members may also see a page that is not public yet, to check it before
    anyone else does, and so may the editors who verify employers. Anyone
    else: 404, as the API answers.
    """
    employer = public_employer(slug)
    if employer is not None:
        return employer, True
    membership = _membership_of(user, slug)
    if membership is not None:
        return membership.employer, False
    if user.is_active and user.has_perm(VERIFY):
        employer = Employer.objects.filter(slug=slug).first()
        if employer is not None:
            return employer, False
    raise Http404

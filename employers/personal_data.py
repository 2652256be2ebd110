"""What employers' models hold about a person, and what stops an account's deletion."""

from django.urls import reverse

from fairsite.accounts.personal_data import (
    Blocker,
    register_deletion_check,
    register_not_personal,
    register_personal,
)

from .models import Employer, Invitation, MemberRole, Membership


def invitations_to(user):
    """Invitations sent to the person's address (whoever sent them)."""
    return Invitation.objects.filter(email__iexact=user.email)


def last_owner_blockers(user) -> list[Blocker]:
    """An organisation must keep an owner: its only owner can't leave by deleting."""
    blockers = []
    owned = Membership.objects.filter(user=user, role=MemberRole.OWNER).select_related("employer")
    for membership in owned:
        employer = membership.employer
        if not employer.memberships.filter(role=MemberRole.OWNER).exclude(user=user).exists():
            blockers.append(
                Blocker(
                    message=f"You are the only owner of {employer.name}. Invite someone else "
                    "to be an owner first, from its team page. When they have joined, you can "
                    "delete your account.",
                    url=reverse("employers:team", kwargs={"slug": employer.slug}),
                    link_text=f"Team page of {employer.name}",
                )
            )
    return blockers


def register() -> None:
    register_personal(Membership)
    # Personal for the person invited (their address is on it); for the person
    # who sent it, the link is cleared when their account is deleted.
    register_personal(Invitation, rows=invitations_to)
    register_not_personal(
        Employer,
        reason="an organisation, not a person; `verified_by` names the editor who "
        "verified it and is cleared when that editor's account is deleted",
    )
    register_deletion_check(last_owner_blockers)

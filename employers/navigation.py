"""Where an employer finds their way to hiring: the header's hiring links and the
hiring section of the account page, both built from the person's memberships."""

from __future__ import annotations

from django.urls import reverse

from fairsite.accounts.dashboard import register_section
from fairsite.accounts.models import User
from fairsite.accounts.navigation import Link, register_group

from .models import Membership
from .selectors import memberships_of


def organisation_links(membership: Membership) -> list[Link]:
    """The main pages of one organisation for this member: billing is for owners only."""
    slug = membership.employer.slug
    dashboard = reverse("employers:dashboard", args=[slug])
    links = [
        Link("Job postings", f"{dashboard}#postings"),
        Link("Applicants", f"{dashboard}?status=published#postings"),
        Link("Post a job", reverse("jobs:new", args=[slug])),
    ]
    if membership.is_owner:
        links.append(Link("Billing", reverse("billing:overview", args=[slug])))
    return links


def _memberships(user: User) -> list[Membership]:
    return list(memberships_of(user).select_related("employer").order_by("employer__name"))


def is_employer(user: User) -> bool:
    """Someone who came to hire, or who belongs to an organisation anyway."""
    return user.is_hiring or memberships_of(user).exists()


def hiring_links(user: User) -> list[Link]:
    """The header's hiring links: one organisation's pages, or the list of several."""
    memberships = _memberships(user)
    if not memberships:
        return [Link("Set up your organisation", reverse("employers:create"))]
    organisations = Link(
        "Your organisation" if len(memberships) == 1 else "Your organisations",
        reverse("employers:hire"),
    )
    if len(memberships) > 1:
        return [organisations]
    return [organisations, *organisation_links(memberships[0])]


def dashboard_context(user: User) -> dict:
    return {
        "organisations": [
            {"employer": m.employer, "links": organisation_links(m)} for m in _memberships(user)
        ]
    }


def register() -> None:
    register_group(title="Hiring", links=hiring_links, applies=is_employer)
    register_section(
        template="employers/includes/dashboard.html",
        context=dashboard_context,
        applies=is_employer,
    )

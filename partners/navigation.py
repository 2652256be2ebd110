"""Where case workers and the people they help find these pages: header links and
dashboard sections, through the accounts app's registers."""

from __future__ import annotations

from django.urls import reverse

from candidates.dashboard import is_job_seeker
from employers.selectors import memberships_of
from fairsite.accounts.dashboard import register_section
from fairsite.accounts.models import User
from fairsite.accounts.navigation import Link, register_group

from .selectors import (
    current_grants_given_by,
    grants_held_by,
    is_case_worker,
    open_prepared_for,
)


def case_worker_links(user: User) -> list[Link]:
    return [Link("Your caseload", reverse("partners:caseload"))]


def seeker_links(user: User) -> list[Link]:
    return [Link("Case workers who help you", reverse("partners:access"))]


def has_case_workers(user: User) -> bool:
    """Someone who has let a case worker help them (or has an application to check)."""
    return current_grants_given_by(user).exists() or open_prepared_for(user).exists()


def seeker_section(user: User) -> dict:
    return {
        "grants": list(current_grants_given_by(user)),
        "prepared": list(open_prepared_for(user)),
    }


def case_worker_section(user: User) -> dict:
    return {"people": grants_held_by(user).count()}


def owner_section(user: User) -> dict:
    """The organisations this person owns, each with whether it is a reentry organisation."""
    owned = memberships_of(user).filter(role="owner").select_related("employer__reentry")
    return {
        "organisations": [
            {"employer": m.employer, "reentry": getattr(m.employer, "reentry", None)} for m in owned
        ]
    }


def owns_an_organisation(user: User) -> bool:
    return memberships_of(user).filter(role="owner").exists()


def register() -> None:
    register_group(title="Helping people", links=case_worker_links, applies=is_case_worker)
    register_group(title="Your case workers", links=seeker_links, applies=has_case_workers)
    register_section(
        template="partners/includes/seeker_dashboard.html",
        context=seeker_section,
        applies=is_job_seeker,
    )
    register_section(
        template="partners/includes/case_worker_dashboard.html",
        context=case_worker_section,
        applies=is_case_worker,
    )
    register_section(
        template="partners/includes/owner_dashboard.html",
        context=owner_section,
        applies=owns_an_organisation,
    )

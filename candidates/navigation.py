"""The header's links for a job seeker: the jobs chosen for them, their
applications, saved jobs and job alerts."""

from __future__ import annotations

from django.urls import reverse

from fairsite.accounts.models import User
from fairsite.accounts.navigation import Link, register_group

from .dashboard import is_job_seeker
from .selectors import profile_for


def job_seeker_links(user: User) -> list[Link]:
    # Jobs are sorted for a person from their profile; without one, making it comes first.
    if profile_for(user) is not None:
        for_you = Link("Jobs for you", reverse("jobs:list") + "?sort=for_you")
    else:
        for_you = Link("Make your profile", reverse("candidates:profile"))
    return [
        for_you,
        Link("Your applications", reverse("jobs:applications")),
        Link("Saved jobs", reverse("candidates:saved-jobs")),
        Link("Job alerts", reverse("alerts:list")),
    ]


def register() -> None:
    register_group(title="Finding work", links=job_seeker_links, applies=is_job_seeker)

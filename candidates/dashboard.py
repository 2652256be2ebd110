"""The job seeker's section of the account dashboard: their profile, the jobs
that suit them, and (for reentry professionals) the credentials that would open
more roles near them."""

import logging

from fairsite.accounts.dashboard import register_section
from fairsite.search.client import SearchUnavailable
from jobs.selectors import applications_of

from .credential_gap import credential_gap
from .encryption import PreferencesUnreadable
from .matching import matches_for_candidate
from .models import CandidateKind, CandidateProfile
from .selectors import (
    open_invitations_of,
    preferences_for,
    profile_completeness,
    profile_for,
    saved_jobs_of,
)

logger = logging.getLogger(__name__)

DASHBOARD_MATCHES = 5
# Applications and saved jobs shown before "All your ..." links.
SHOWN = 5


def dashboard_context(user) -> dict:
    profile = profile_for(user)
    context = {
        "profile": profile,
        "completeness": profile_completeness(profile),
        "applications": list(applications_of(user)[: SHOWN + 1]),
        "saved_jobs": list(saved_jobs_of(user)[: SHOWN + 1]),
        "invitations": open_invitations_of(user),
        "shown": SHOWN,
    }
    if profile is not None:
        context.update(_matches(user, profile))
    return context


def _matches(user, profile: CandidateProfile) -> dict:
    try:
        preferences = preferences_for(user)
    except PreferencesUnreadable:
        # Showing jobs without them could show what the person asked not to see.
        return {"preferences_unreadable": True}
    shows_gap = profile.kind in {CandidateKind.REENTRY_PROFESSIONAL, CandidateKind.BOTH}
    try:
        matches = matches_for_candidate(profile, preferences, size=DASHBOARD_MATCHES)
        gap = credential_gap(profile, preferences) if shows_gap else []
    except SearchUnavailable as error:
        logger.warning("Jobs for you unavailable: %s", error)
        return {"matches_unavailable": True}
    return {
        "matches": matches,
        "few_matches": len(matches) < DASHBOARD_MATCHES,
        "credential_gap": gap,
        "shows_gap": shows_gap,
    }


def is_job_seeker(user) -> bool:
    return user.is_looking_for_work or CandidateProfile.objects.filter(user=user).exists()


def register() -> None:
    register_section(
        template="candidates/includes/dashboard.html",
        context=dashboard_context,
        applies=is_job_seeker,
    )

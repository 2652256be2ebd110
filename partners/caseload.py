"""What a case worker's pages show of each person: only what that person's grant allows.

Matches come from the existing matching (candidates.matching) run on the
person's profile alone: their private fair-chance preferences are never read
here, so nothing a case worker sees can hint at them.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone

from candidates.matching import matches_for_candidate
from candidates.selectors import profile_for, saved_jobs_of
from fairsite.accounts.models import User
from fairsite.search.client import SearchUnavailable
from jobs.applications.models import ApplicationEvent
from jobs.selectors import applications_of

from .models import Grant, Permission, SharedCv
from .selectors import grants_held_by, job_notes_of, prepared_by

logger = logging.getLogger(__name__)

MATCHES_SHOWN = 10
CLOSING_SOON = timedelta(days=14)
RECENT = timedelta(days=14)


def _matches(grant: Grant, *, size: int = MATCHES_SHOWN) -> dict:
    profile = profile_for(grant.seeker)
    if profile is None:
        return {"matches": [], "no_profile": True}
    try:
        # None: never the person's private preferences.
        return {"matches": matches_for_candidate(profile, None, size=size)}
    except SearchUnavailable as error:
        logger.warning("Matches for a case worker unavailable: %s", error)
        return {"matches": [], "matches_unavailable": True}


def _closing_soon(seeker: User, now) -> list:
    return [
        saved
        for saved in saved_jobs_of(seeker)
        if saved.posting.is_visible
        and saved.posting.expires_at
        and saved.posting.expires_at <= now + CLOSING_SOON
    ]


def _recent_moves(seeker: User, now) -> list[ApplicationEvent]:
    return list(
        ApplicationEvent.objects.filter(application__candidate=seeker, created_at__gte=now - RECENT)
        .exclude(from_stage="")
        .select_related("application__posting__employer")
        .order_by("-created_at")[:10]
    )


def caseload_rows(case_worker: User) -> list[dict]:
    """Each person who gave this case worker access, with what is new for them."""
    now = timezone.now()
    rows = []
    for grant in grants_held_by(case_worker).order_by("seeker__first_name", "seeker__email"):
        row = {"grant": grant}
        if grant.may_see_matches:
            found = _matches(grant)
            since = grant.last_visit_at or grant.started_at
            row["new_matches"] = [
                m
                for m in found["matches"]
                if m.posting.published_at and m.posting.published_at > since
            ]
            row["matches_unavailable"] = found.get("matches_unavailable", False)
            row["closing_soon"] = _closing_soon(grant.seeker, now)
        if grant.may_see_applications:
            row["recent_moves"] = _recent_moves(grant.seeker, now)
        rows.append(row)
    return rows


def person_context(grant: Grant) -> dict:
    """One person's page for their case worker, section by section as allowed."""
    context: dict = {"grant": grant, "person_name": grant.seeker.get_full_name() or "This person"}
    seeker = grant.seeker
    if grant.may_see_matches:
        context.update(_matches(grant))
        notes = job_notes_of(grant)
        context["saved_jobs"] = [
            {"saved": saved, "notes": notes.get(saved.posting_id, [])}
            for saved in saved_jobs_of(seeker)
        ]
    if grant.may_save_jobs:
        context["prepared"] = list(prepared_by(grant))
    if grant.may_see_applications:
        context["applications"] = list(applications_of(seeker))
    context["shared_cv"] = SharedCv.objects.filter(grant=grant).first()
    context["permissions"] = {p.name.lower(): getattr(grant, p.value) for p in Permission}
    return context

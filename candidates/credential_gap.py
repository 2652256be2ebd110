"""Credentials that would open more roles near a reentry professional.

One aggregation over the visible postings within their travel radius (and
within their own preferences) that require a credential they don't hold,
grouped by that credential.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from elasticsearch.dsl import Q, Search

from fairsite.search.client import SearchUnavailable, answer
from jobs.models import Credential
from jobs.search.queries import live_filters, postings_search

from .encryption import PreferencesUnreadable
from .matching import CandidateRanking
from .models import CandidateKind, CandidateProfile
from .preferences import FairChancePreferences
from .selectors import preferences_for, profile_for


@dataclass(frozen=True)
class CredentialGap:
    credential: Credential
    roles: int
    radius_miles: int | None

    @property
    def page_url(self) -> str:
        page = getattr(self.credential, "page", None)
        if page is not None and page.live:
            return page.url
        return ""


def credential_gap_search(ranking: CandidateRanking) -> Search:
    """Visible postings near the person that require a credential they don't hold, by credential."""
    filters = live_filters(
        ranking.now,
        Q("exists", field="required_credentials"),
        *ranking.filters(),
        ranking.place_filter(),
    )
    search = postings_search().query(Q("bool", filter=filters))
    terms = {"field": "required_credentials", "size": 20}
    if ranking.held:
        terms["exclude"] = list(ranking.held)
    search.aggs.bucket("missing", "terms", **terms)
    return search.extra(size=0, track_total_hits=False)


def credential_gap(
    profile: CandidateProfile,
    preferences: FairChancePreferences | None,
    *,
    now: datetime | None = None,
) -> list[CredentialGap]:
    """Credentials the person lacks, each with how many roles near them require it, most first.

    Raises SearchUnavailable when Elasticsearch can't answer.
    """
    ranking = CandidateRanking.of(profile, preferences, now=now)
    response = answer(credential_gap_search(ranking))
    buckets = response.aggregations.missing.buckets
    credentials = Credential.objects.select_related("page").in_bulk(
        [b.key for b in buckets], field_name="slug"
    )
    radius = profile.travel_radius if getattr(profile, "home", None) else None
    return [
        CredentialGap(credential=credentials[b.key], roles=b.doc_count, radius_miles=radius)
        for b in buckets
        if b.key in credentials
    ]


def credential_gap_for(user) -> list[CredentialGap] | None:
    """The signed-in reentry professional's own gap, or None when there is none to
    show: not signed in, no profile, not a reentry professional, preferences that
    can't be read (a gap without them could count jobs they asked not to see), or
    Elasticsearch not answering."""
    profile = profile_for(user)
    if profile is None or profile.kind not in {
        CandidateKind.REENTRY_PROFESSIONAL,
        CandidateKind.BOTH,
    }:
        return None
    try:
        return credential_gap(profile, preferences_for(user))
    except (PreferencesUnreadable, SearchUnavailable):
        return None

"""Calls about the signed-in person, with their own token (`Authorization: Bearer`).

This is where a person's own data lives in the API: `GET /me` and
`GET /me/matches`, their matched postings with the reasons, ranked by the same
query as "Jobs for you" (candidates/matching.py). Their private preferences are
read here, for their own results only, and never appear in a response.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from candidates.encryption import PreferencesUnreadable
from candidates.matching import matches_for_candidate
from candidates.selectors import preferences_for, profile_for
from fairsite.api.errors import ERROR_RESPONSES, ErrorBody, error_body
from fairsite.search.client import SearchUnavailable
from jobs.api_schemas import PostingSummary, posting_summary

router = Router(tags=["me"])


class TokenOut(Schema):
    name: str
    prefix: str
    created: datetime


class MeOut(Schema):
    email: str
    token: TokenOut


@router.get("", response={200: MeOut, **ERROR_RESPONSES}, url_name="me", summary="Who I am")
def me(request: HttpRequest):
    """The account the token belongs to, and the token (by its prefix only)."""
    token = request.auth.token
    return {
        "email": token.user.email,
        "token": {"name": token.name, "prefix": token.prefix, "created": token.created},
    }


class MatchesParams(Schema):
    limit: int = Field(20, ge=1, le=50, description="How many postings, best first (1 to 50).")


class MatchOut(PostingSummary):
    reasons: list[str] = Field(description="Why it suits you, one sentence per matched clause.")
    missing_credentials: list[str] = Field(
        description="Credentials the role requires that your profile doesn't list; such "
        "postings come last."
    )
    miles: float | None = Field(description="From your home place to its nearest location.")


class MatchesOut(Schema):
    results: list[MatchOut]


@router.get(
    "/matches",
    response={200: MatchesOut, 503: ErrorBody, **ERROR_RESPONSES},
    url_name="me-matches",
    summary="Jobs for me",
)
def my_matches(request: HttpRequest, response: HttpResponse, params: Query[MatchesParams]):
    """The open postings that suit the token's owner best, each with its reasons.

    Ranked like "Jobs for you" on the dashboard, with the person's fair-chance
    preferences applied as filters on their side; the preferences themselves
    are never part of the answer. `404` until they have saved a profile;
    `503` (with `Retry-After`) when the search engine can't answer.
    """
    user = request.auth.token.user
    profile = profile_for(user)
    if profile is None:
        return Status(
            404,
            error_body(
                "no_profile", "Make your profile on the site first: matches are worked out from it."
            ),
        )
    try:
        matches = matches_for_candidate(profile, preferences_for(user), size=params.limit)
    except (SearchUnavailable, PreferencesUnreadable):
        # Unreadable preferences are never ignored: that could show the very
        # postings the person asked not to see.
        response["Retry-After"] = "60"
        return Status(
            503,
            error_body(
                "unavailable", "Matches can't be worked out just now. Try again in a minute."
            ),
        )
    return {
        "results": [
            {
                **posting_summary(request, match.posting),
                "reasons": list(match.reasons),
                "missing_credentials": list(match.missing_credentials),
                "miles": None if match.miles is None else round(match.miles, 1),
            }
            for match in matches
        ]
    }

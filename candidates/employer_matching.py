"""Matching a posting to discoverable candidates: the mirror of a person's own query.

Nothing here reads preferences: the candidates index holds none, and the
employer's query never asks about them (filtering people out by their
preferences on an employer's query would let the employer infer them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from elasticsearch.dsl import Q, Search

from fairsite.search.client import answer, page_client
from fairsite.search.text import query_text
from jobs.models import JobPosting
from jobs.search.places import posting_open_to

from .match_reasons import (
    CATEGORY,
    EMPLOYMENT_TYPE,
    NEAR,
    PREFERS,
    QUALIFIED,
    QUALIFIED_BOOST,
    REMOTE,
    REQUIRES,
    SKILL,
    credential_names,
    matched_names,
    missing_credentials,
    nearest_miles,
    reasons_from,
    similar_clause,
)
from .matching import MATCH_SIZE
from .models import CandidateProfile, TravelRadius
from .search import candidates_index

# Candidates further than this from the job score half as much.
CANDIDATE_DISTANCE_SCALE_MILES = 10


@dataclass(frozen=True)
class CandidateMatch:
    profile: CandidateProfile
    reasons: tuple[str, ...]
    missing_credentials: tuple[str, ...] = ()
    miles: float | None = None
    matched: frozenset[str] = field(default_factory=frozenset)


def _posting_points(posting: JobPosting) -> list[dict]:
    return [{"lat": loc.latitude, "lon": loc.longitude} for loc in posting.locations.all()]


def _within_their_radius(points: list[dict]) -> Q | None:
    # Each person chose their own radius from a short list, and the core build
    # has no scripts to compare a distance with a document's field, so: one
    # geo_distance per radius on offer, each joined with a term on that radius.
    if not points:
        return None
    options = []
    for radius in TravelRadius.values:
        near_any = Q(
            "bool",
            should=[Q("geo_distance", distance=f"{radius}mi", home=p) for p in points],
            minimum_should_match=1,
        )
        options.append(Q("bool", filter=[Q("term", travel_radius=radius), near_any]))
    return Q("bool", should=options, minimum_should_match=1)


def candidates_for_posting_search(posting: JobPosting, *, size: int = MATCH_SIZE) -> Search:
    """The request for a posting's matched candidates: the mirror of the candidate's query."""
    required = sorted(c.slug for c in posting.required_credentials.all())
    preferred = sorted(c.slug for c in posting.preferred_credentials.all())
    points = _posting_points(posting)
    places = []
    within = _within_their_radius(points)
    if within is not None:
        places.append(within)
    if posting.is_remote:
        # The mirror of CandidateRanking.place_filter: remote suits them, and the
        # job is open to where they live (or they gave no home).
        open_to = posting_open_to(
            remote=True, country=posting.open_to_country, region=posting.open_to_region
        )
        lives_there = [Q("terms", home_keys=open_to)] if open_to else []
        places.append(
            Q(
                "bool",
                filter=[
                    Q("term", remote_ok=True),
                    Q(
                        "bool",
                        should=[*lives_there, ~Q("exists", field="home")],
                        minimum_should_match=1,
                    ),
                ],
            )
        )
    filters = [Q("bool", should=places, minimum_should_match=1)] if places else []

    clauses = [REQUIRES.clause(Q("term", credentials=slug), slug) for slug in required]
    clauses += [PREFERS.clause(Q("term", credentials=slug), slug) for slug in preferred]
    for position, skill in enumerate(posting.skills):
        words = query_text(skill)
        if words:
            clauses.append(SKILL.clause(Q("match_phrase", skills_norm=words), position))
    clauses.append(CATEGORY.clause(Q("term", desired_categories=posting.category)))
    clauses.append(EMPLOYMENT_TYPE.clause(Q("term", employment_types=posting.employment_type)))
    about = query_text(" ".join([posting.title, *posting.skills]))
    if about:
        fields = ["headline_norm^2", "experience_norm^2", "skills_norm", "summary_norm"]
        clauses.append(similar_clause(about, fields))
    if within is not None:
        clauses.append(NEAR.clause(within))
    if posting.is_remote:
        clauses.append(REMOTE.clause(Q("term", remote_ok=True)))

    functions = []
    if points:
        scale = f"{CANDIDATE_DISTANCE_SCALE_MILES}mi"
        functions.append({"gauss": {"home": {"origin": points[0], "scale": scale}}})
    scored = Q(
        "function_score",
        query=Q("bool", filter=filters, should=clauses),
        functions=functions or [{"weight": 1}],
        score_mode="multiply",
        boost_mode="multiply",
    )
    qualified = Q(
        "constant_score",
        filter=Q("bool", filter=[Q("term", credentials=slug) for slug in required]),
        boost=QUALIFIED_BOOST,
        _name=QUALIFIED,
    )
    search = Search(using=page_client(), index=candidates_index.alias)
    search = search.query(Q("bool", must=[scored], should=[qualified]))
    search = search.sort("_score", {"updated_at": {"order": "desc"}})
    return search.source(["credentials"])[:size]


def candidate_reasons(
    matched: Iterable[str],
    *,
    posting: JobPosting,
    miles: float | None,
    names: dict[str, str],
) -> tuple[str, ...]:
    """What an employer reads under a candidate: from the profile only, one per clause."""
    return reasons_from(
        matched,
        side="for_employer",
        skills=posting.skills,
        posting=posting,
        names=names,
        distance=_their_miles_text(miles),
    )


def _their_miles_text(miles: float | None) -> str:
    if miles is None or miles < 1:
        return "Lives less than a mile from the job"
    rounded = round(miles)
    return f"Lives about {rounded} mile{'' if rounded == 1 else 's'} from the job"


def matches_for_posting(posting: JobPosting, *, size: int = MATCH_SIZE) -> list[CandidateMatch]:
    """Discoverable candidates who suit the posting best, each with reasons from their profile.

    Raises SearchUnavailable when Elasticsearch can't answer.
    """
    response = answer(candidates_for_posting_search(posting, size=size))
    return candidate_matches_from(response, posting)


def candidate_matches_from(response, posting: JobPosting) -> list[CandidateMatch]:
    """Turn a response of the candidates index into matches with reasons."""
    hits = list(response.hits)
    # The database has the last word here too: someone who switched discovery off
    # a moment ago is not shown, even before the index catches up.
    profiles = (
        CandidateProfile.objects.discoverable()
        .filter(pk__in=[int(hit.meta.id) for hit in hits])
        .select_related("home")
        .prefetch_related("credentials")
    )
    by_id = {p.pk: p for p in profiles}
    required = [c.slug for c in posting.required_credentials.all()]
    names = credential_names(required + [c.slug for c in posting.preferred_credentials.all()])
    points = [loc.point for loc in posting.locations.all()]
    matches = []
    for hit in hits:
        profile = by_id.get(int(hit.meta.id))
        if profile is None:
            continue
        matched = matched_names(hit)
        home = getattr(profile, "home", None)
        miles = nearest_miles(home.point, points) if home else None
        held = getattr(hit, "credentials", None) or []
        matches.append(
            CandidateMatch(
                profile=profile,
                reasons=candidate_reasons(matched, posting=posting, miles=miles, names=names),
                missing_credentials=missing_credentials(matched, required, held, names),
                miles=miles,
                matched=matched,
            )
        )
    return matches

"""Matching both ways, with a reason for every match.

Candidate -> postings and posting -> candidates are one Elasticsearch query
each. Every clause that scores carries a ``_name``; Elasticsearch returns the
names a hit matched (``matched_queries``) and each name becomes one
plain-language reason, so the reasons under a hit are exactly the clauses it
matched, no more and no fewer.

A person's fair-chance preferences become *filter* clauses of their own query,
built here at query time from ``preferences_for(user)``, and nowhere else: they
are never stored in an index, never sent on an employer's query, never put in
a URL or a log line.

Required credentials. A posting that requires a credential the person lacks is
still shown, after every posting they can apply for, and says what is missing.
The core build has no scripts, so "holds every required credential" is a
``terms_set`` over the posting's ``required_credentials`` with the posting's own
``required_credentials_count`` as the minimum to match (a posting requiring
nothing matches through a ``must_not exists`` branch). That clause is a
``constant_score`` worth ``QUALIFIED_BOOST``, added outside the
``function_score`` and far above anything the scoring clauses can reach after
decay, so it works as a first sort key in one query: one round trip, one
ranking, rather than a second query for the postings one lacks. On the employer
side the count is known at query time (it is this posting's), so the same
clause is a plain ``bool`` of one ``term`` per required credential.

Distance ranks by a ``gauss`` decay on the ``geo_point`` (scale: the person's
travel radius, so at their limit a posting scores half as much), recency by a
``gauss`` on the publication date. The decays multiply the named clauses'
score, so two otherwise equal postings order by distance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import Q, Search

from fairsite.places import distance_miles
from fairsite.search.client import get_client
from fairsite.search.text import normalise
from jobs.models import Category, Credential, EmploymentType, JobPosting
from jobs.search import postings_index
from jobs.search_results import SearchUnavailable

from .models import CandidateProfile, TravelRadius
from .preferences import FairChancePreferences
from .search import candidates_index

MATCH_SIZE = 20
QUALIFIED = "qualified"
QUALIFIED_BOOST = 1000.0
SEARCH_TIMEOUT_SECONDS = 3
# Recency: a posting a month old scores half as much as a new one.
RECENCY = {"scale": "30d", "offset": "3d", "decay": 0.5}
# Employers' side: candidates further than this from the job score half as much.
CANDIDATE_DISTANCE_SCALE_MILES = 10

WEIGHTS = {
    "requires": 3.0,
    "prefers": 1.5,
    "skill": 1.0,
    "category": 2.0,
    "type": 1.0,
    "similar": 1.0,
    "near": 1.0,
    "remote": 1.0,
    "after_offer": 0.5,
    "never_checks": 0.5,
}


def _client():
    return get_client().options(request_timeout=SEARCH_TIMEOUT_SECONDS, max_retries=1)


def _named(name: str, query: Q, weight: float) -> Q:
    """A clause that scores `weight` when it matches, whatever its own scoring, named."""
    return Q("constant_score", filter=query, boost=weight, _name=name)


def _credential_names(slugs: Iterable[str]) -> dict[str, str]:
    slugs = set(slugs)
    return {c.slug: c.short_name for c in Credential.objects.filter(slug__in=slugs)}


def _home_point(profile: CandidateProfile) -> dict | None:
    home = getattr(profile, "home", None)
    return {"lat": home.latitude, "lon": home.longitude} if home else None


# Preferences -> filters ------------------------------------------------------


def preference_filters(preferences: FairChancePreferences | None) -> list[Q]:
    """The person's private preferences as filter clauses for their own query only."""
    if preferences is None or preferences.is_empty:
        return []
    clauses = []
    if preferences.only_checks_after_offer:
        clauses.append(Q("term", checks_after_offer=True))
    if preferences.highest_check_level:
        clauses.append(Q("terms", check_level=list(preferences.acceptable_check_levels)))
    if preferences.avoid_duties:
        clauses.append(~Q("terms", duties=list(preferences.avoid_duties)))
    for support in preferences.needs_support:
        clauses.append(Q("term", employer_support=support))
    if preferences.only_ignores_spent_convictions:
        clauses.append(Q("term", ignores_spent_convictions=True))
    return clauses


# Candidate -> postings -------------------------------------------------------


@dataclass(frozen=True)
class CandidateRanking:
    """How one person's postings are filtered and ranked; see the module docstring."""

    profile: CandidateProfile
    preferences: FairChancePreferences | None
    held: tuple[str, ...]
    now: datetime

    @classmethod
    def of(
        cls,
        profile: CandidateProfile,
        preferences: FairChancePreferences | None,
        *,
        now: datetime | None = None,
    ) -> CandidateRanking:
        held = tuple(sorted(c.slug for c in profile.credentials.all()))
        return cls(profile, preferences, held, now or timezone.now())

    def filters(self) -> list[Q]:
        return preference_filters(self.preferences)

    def place_filter(self) -> Q | None:
        """Within their travel radius of home, or remote when they said that suits them."""
        home = _home_point(self.profile)
        options = []
        if home is not None:
            radius = f"{self.profile.travel_radius}mi"
            options.append(Q("geo_distance", distance=radius, locations=home))
        if self.profile.remote_ok:
            options.append(Q("term", remote=True))
        return Q("bool", should=options, minimum_should_match=1) if options else None

    def scoring_clauses(self) -> list[Q]:
        profile = self.profile
        clauses = []
        for slug in self.held:
            clauses.append(
                _named(
                    f"requires:{slug}", Q("term", required_credentials=slug), WEIGHTS["requires"]
                )
            )
            clauses.append(
                _named(f"prefers:{slug}", Q("term", preferred_credentials=slug), WEIGHTS["prefers"])
            )
        for position, skill in enumerate(profile.skills):
            words = normalise(skill)
            if words:
                clause = Q("match_phrase", skills_norm=words)
                clauses.append(_named(f"skill:{position}", clause, WEIGHTS["skill"]))
        if profile.desired_categories:
            clause = Q("terms", category=list(profile.desired_categories))
            clauses.append(_named("category", clause, WEIGHTS["category"]))
        if profile.employment_types:
            clause = Q("terms", employment_type=list(profile.employment_types))
            clauses.append(_named("type", clause, WEIGHTS["type"]))
        about = normalise(" ".join([profile.headline, *self._titles()]))
        if about:
            # Scored by text relevance (not a constant), lightly, so it breaks ties
            # among postings that match the same structured clauses.
            clauses.append(
                Q(
                    "multi_match",
                    query=about,
                    fields=["title_norm^2", "skills_norm", "description_norm"],
                    minimum_should_match="30%",
                    boost=WEIGHTS["similar"] * 0.2,
                    _name="similar",
                )
            )
        home = _home_point(profile)
        if home is not None:
            within = Q("geo_distance", distance=f"{profile.travel_radius}mi", locations=home)
            clauses.append(_named("near", within, WEIGHTS["near"]))
        if profile.remote_ok:
            clauses.append(_named("remote", Q("term", remote=True), WEIGHTS["remote"]))
        clauses.append(
            _named("after_offer", Q("term", check_timing="after_offer"), WEIGHTS["after_offer"])
        )
        clauses.append(
            _named("never_checks", Q("term", check_timing="never"), WEIGHTS["never_checks"])
        )
        return clauses

    def _titles(self) -> list[str]:
        return [entry.title for entry in self.profile.experience.all()]

    def decay_functions(self) -> list[dict]:
        functions = [{"gauss": {"published_at": {"origin": self.now.isoformat(), **RECENCY}}}]
        home = _home_point(self.profile)
        if home is not None:
            scale = f"{self.profile.travel_radius}mi"
            functions.append({"gauss": {"locations": {"origin": home, "scale": scale}}})
        return functions

    def qualified_clause(self) -> Q:
        options = [~Q("exists", field="required_credentials")]
        if self.held:
            options.append(
                Q(
                    "terms_set",
                    required_credentials={
                        "terms": list(self.held),
                        "minimum_should_match_field": "required_credentials_count",
                    },
                )
            )
        return Q(
            "constant_score",
            filter=Q("bool", should=options, minimum_should_match=1),
            boost=QUALIFIED_BOOST,
            _name=QUALIFIED,
        )

    def query(self, *, must: list[Q], filters: list[Q]) -> Q:
        """The whole ranked query around `must` (a search's words) and `filters`."""
        scored = Q(
            "function_score",
            query=Q("bool", must=must, filter=filters, should=self.scoring_clauses()),
            functions=self.decay_functions(),
            score_mode="multiply",
            boost_mode="multiply",
        )
        return Q("bool", must=[scored], should=[self.qualified_clause()])


def postings_for_candidate_search(ranking: CandidateRanking, *, size: int = MATCH_SIZE) -> Search:
    """The request for "Jobs for you": visible, near, within their preferences, ranked."""
    filters = [Q("range", expires_at={"gt": ranking.now}), *ranking.filters()]
    place = ranking.place_filter()
    if place is not None:
        filters.append(place)
    search = Search(using=_client(), index=postings_index.alias)
    search = search.query(ranking.query(must=[], filters=filters))
    search = search.sort("_score", {"published_at": {"order": "desc"}})
    return search.source(["required_credentials"])[:size]


@dataclass(frozen=True)
class PostingMatch:
    posting: JobPosting
    reasons: tuple[str, ...]
    missing_credentials: tuple[str, ...] = ()
    miles: float | None = None
    matched: frozenset[str] = field(default_factory=frozenset)


def _miles_from(origin: tuple[float, float] | None, points: Iterable[tuple[float, float]]):
    if origin is None:
        return None
    distances = [distance_miles(origin, point) for point in points]
    return min(distances) if distances else None


def miles_text(miles: float | None) -> str:
    if miles is None:
        return "Within your travel distance"
    if miles < 1:
        return "Less than a mile from you"
    rounded = round(miles)
    return f"{rounded} mile{'' if rounded == 1 else 's'} from you"


def posting_reasons(
    matched: Iterable[str],
    *,
    profile: CandidateProfile,
    posting: JobPosting,
    miles: float | None,
    names: dict[str, str],
) -> tuple[str, ...]:
    """One sentence per matched clause, in the order the clauses are listed."""
    categories, types = dict(Category.choices), dict(EmploymentType.choices)
    reasons = []
    for name in matched:
        kind, _, value = name.partition(":")
        if kind == "requires":
            reasons.append(f"You hold {names.get(value, value)}, which this role requires")
        elif kind == "prefers":
            reasons.append(f"You hold {names.get(value, value)}, which this role asks for")
        elif kind == "skill":
            skill = profile.skills[int(value)]
            reasons.append(f"It asks for {skill}, one of your skills")
        elif kind == "category":
            label = categories.get(posting.category, posting.category)
            reasons.append(f"{label} is work you said you want")
        elif kind == "type":
            label = types.get(posting.employment_type, posting.employment_type)
            reasons.append(f"{label}, as you asked")
        elif kind == "similar":
            reasons.append("It is close to the work your profile describes")
        elif kind == "near":
            reasons.append(miles_text(miles))
        elif kind == "remote":
            reasons.append("You can do it from home")
        elif kind == "after_offer":
            reasons.append("They check records only after an offer")
        elif kind == "never_checks":
            reasons.append("They don't check records")
    return tuple(reasons)


# The order reasons are listed in: credentials first, then the rest.
_REASON_ORDER = (
    "requires",
    "prefers",
    "near",
    "remote",
    "skill",
    "category",
    "type",
    "similar",
    "after_offer",
    "never_checks",
)


def _ordered(names: Iterable[str]) -> list[str]:
    def key(name: str):
        kind, _, value = name.partition(":")
        return (_REASON_ORDER.index(kind) if kind in _REASON_ORDER else 99, value)

    return sorted((n for n in names if n != QUALIFIED), key=key)


def _visible_postings(ids: list[int]) -> dict[int, JobPosting]:
    # The database has the last word: a posting closed a moment ago is never shown.
    postings = (
        JobPosting.objects.visible()
        .filter(pk__in=ids)
        .select_related("employer")
        .prefetch_related("locations")
    )
    return {posting.pk: posting for posting in postings}


def posting_matches_from(response, ranking: CandidateRanking) -> list[PostingMatch]:
    """Turn a response of postings into matches with reasons (for any ranked posting search)."""
    profile = ranking.profile
    hits = list(response.hits)
    postings = _visible_postings([int(hit.meta.id) for hit in hits])
    wanted = {slug for hit in hits for slug in (getattr(hit, "required_credentials", None) or [])}
    names = _credential_names(wanted | set(ranking.held))
    home = getattr(profile, "home", None)
    origin = home.point if home else None
    matches = []
    for hit in hits:
        posting = postings.get(int(hit.meta.id))
        if posting is None:
            continue
        matched = frozenset(getattr(hit.meta, "matched_queries", None) or [])
        miles = _miles_from(origin, (loc.point for loc in posting.locations.all()))
        missing = ()
        if QUALIFIED not in matched:
            required = getattr(hit, "required_credentials", None) or []
            missing = tuple(names.get(s, s) for s in required if s not in ranking.held)
        matches.append(
            PostingMatch(
                posting=posting,
                reasons=posting_reasons(
                    _ordered(matched), profile=profile, posting=posting, miles=miles, names=names
                ),
                missing_credentials=missing,
                miles=miles,
                matched=matched,
            )
        )
    return matches


def matches_for_candidate(
    profile: CandidateProfile,
    preferences: FairChancePreferences | None,
    *,
    size: int = MATCH_SIZE,
    now: datetime | None = None,
) -> list[PostingMatch]:
    """The postings that suit this person best, each with its reasons.

    Raises SearchUnavailable when Elasticsearch can't answer.
    """
    ranking = CandidateRanking.of(profile, preferences, now=now)
    try:
        response = postings_for_candidate_search(ranking, size=size).execute()
    except (TransportError, ApiError) as error:
        raise SearchUnavailable(type(error).__name__) from error
    return posting_matches_from(response, ranking)


# Credential gap --------------------------------------------------------------


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
    filters = [
        Q("range", expires_at={"gt": ranking.now}),
        Q("exists", field="required_credentials"),
        *ranking.filters(),
    ]
    place = ranking.place_filter()
    if place is not None:
        filters.append(place)
    search = Search(using=_client(), index=postings_index.alias).query(Q("bool", filter=filters))
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
    try:
        response = credential_gap_search(ranking).execute()
    except (TransportError, ApiError) as error:
        raise SearchUnavailable(type(error).__name__) from error
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


# Posting -> candidates -------------------------------------------------------


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
        places.append(Q("term", remote_ok=True))
    filters = [Q("bool", should=places, minimum_should_match=1)] if places else []

    clauses = [
        _named(f"requires:{slug}", Q("term", credentials=slug), WEIGHTS["requires"])
        for slug in required
    ]
    clauses += [
        _named(f"prefers:{slug}", Q("term", credentials=slug), WEIGHTS["prefers"])
        for slug in preferred
    ]
    for position, skill in enumerate(posting.skills):
        words = normalise(skill)
        if words:
            clause = Q("match_phrase", skills_norm=words)
            clauses.append(_named(f"skill:{position}", clause, WEIGHTS["skill"]))
    clauses.append(
        _named("category", Q("term", desired_categories=posting.category), WEIGHTS["category"])
    )
    clauses.append(
        _named("type", Q("term", employment_types=posting.employment_type), WEIGHTS["type"])
    )
    about = normalise(" ".join([posting.title, *posting.skills]))
    if about:
        clauses.append(
            Q(
                "multi_match",
                query=about,
                fields=["headline_norm^2", "experience_norm^2", "skills_norm", "summary_norm"],
                minimum_should_match="30%",
                boost=WEIGHTS["similar"] * 0.2,
                _name="similar",
            )
        )
    if within is not None:
        clauses.append(_named("near", within, WEIGHTS["near"]))
    if posting.is_remote:
        clauses.append(_named("remote", Q("term", remote_ok=True), WEIGHTS["remote"]))

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
    search = Search(using=_client(), index=candidates_index.alias)
    search = search.query(Q("bool", must=[scored], should=[qualified]))
    search = search.sort("_score", {"updated_at": {"order": "desc"}})
    return search.source(["credentials"])[:size]


def candidate_reasons(
    matched: Iterable[str],
    *,
    profile: CandidateProfile,
    posting: JobPosting,
    miles: float | None,
    names: dict[str, str],
) -> tuple[str, ...]:
    """What an employer reads under a candidate: from the profile only, one per clause."""
    categories, types = dict(Category.choices), dict(EmploymentType.choices)
    reasons = []
    for name in matched:
        kind, _, value = name.partition(":")
        if kind == "requires":
            reasons.append(f"Holds {names.get(value, value)}, which this role requires")
        elif kind == "prefers":
            reasons.append(f"Holds {names.get(value, value)}, which this role asks for")
        elif kind == "skill":
            reasons.append(f"Lists {posting.skills[int(value)]} among their skills")
        elif kind == "category":
            label = categories.get(posting.category, posting.category)
            reasons.append(f"Wants work in {label.lower()}")
        elif kind == "type":
            label = types.get(posting.employment_type, posting.employment_type)
            reasons.append(f"Wants {label.lower()} work")
        elif kind == "similar":
            reasons.append("Their profile is close to this role")
        elif kind == "near":
            reasons.append(_their_miles_text(miles))
        elif kind == "remote":
            reasons.append("Happy to work from home")
    return tuple(reasons)


def _their_miles_text(miles: float | None) -> str:
    if miles is None or miles < 1:
        return "Lives less than a mile from the job"
    rounded = round(miles)
    return f"Lives about {rounded} mile{'' if rounded == 1 else 's'} from the job"


def matches_for_posting(posting: JobPosting, *, size: int = MATCH_SIZE) -> list[CandidateMatch]:
    """Discoverable candidates who suit the posting best, each with reasons from their profile.

    Raises SearchUnavailable when Elasticsearch can't answer.
    """
    try:
        response = candidates_for_posting_search(posting, size=size).execute()
    except (TransportError, ApiError) as error:
        raise SearchUnavailable(type(error).__name__) from error
    hits = list(response.hits)
    # The database has the last word here too: someone who switched discovery off
    # a moment ago is not shown, even before the index catches up.
    profiles = (
        CandidateProfile.objects.filter(
            pk__in=[int(hit.meta.id) for hit in hits], is_discoverable=True
        )
        .select_related("home")
        .prefetch_related("credentials")
    )
    by_id = {p.pk: p for p in profiles}
    required = [c.slug for c in posting.required_credentials.all()]
    names = _credential_names(required + [c.slug for c in posting.preferred_credentials.all()])
    points = [loc.point for loc in posting.locations.all()]
    matches = []
    for hit in hits:
        profile = by_id.get(int(hit.meta.id))
        if profile is None:
            continue
        matched = frozenset(getattr(hit.meta, "matched_queries", None) or [])
        home = getattr(profile, "home", None)
        miles = _miles_from(home.point, points) if home else None
        held = set(getattr(hit, "credentials", None) or [])
        missing = (
            ()
            if QUALIFIED in matched
            else tuple(names.get(s, s) for s in required if s not in held)
        )
        matches.append(
            CandidateMatch(
                profile=profile,
                reasons=candidate_reasons(
                    _ordered(matched), profile=profile, posting=posting, miles=miles, names=names
                ),
                missing_credentials=missing,
                miles=miles,
                matched=matched,
            )
        )
    return matches

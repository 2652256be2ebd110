"""Matching both ways, with a reason for every match.

Candidate -> postings (here) and posting -> candidates
(``candidates.employer_matching``) are one Elasticsearch query each. Every
clause that scores carries a ``_name``; Elasticsearch returns the names a hit
matched (``matched_queries``) and each name becomes one plain-language reason
(``candidates.match_reasons``), so the reasons under a hit are exactly the
clauses it matched, no more and no fewer.

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
from elasticsearch.dsl import Q, Search

from employers.models import CheckTiming
from fairsite.search.client import answer
from fairsite.search.text import query_text
from jobs.models import JobPosting
from jobs.search.places import near_filter, postings_within, remote_postings
from jobs.search.queries import checks_records, flag_filter, live_filters, postings_search
from jobs.selectors import visible_postings_by_id

from .match_reasons import (
    AFTER_OFFER,
    CATEGORY,
    EMPLOYMENT_TYPE,
    NEAR,
    NEVER_CHECKS,
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
from .models import CandidateProfile
from .preferences import FairChancePreferences

MATCH_SIZE = 20
# Recency: a posting a month old scores half as much as a new one.
RECENCY = {"scale": "30d", "offset": "3d", "decay": 0.5}


def home_point(profile: CandidateProfile) -> dict | None:
    home = getattr(profile, "home", None)
    return {"lat": home.latitude, "lon": home.longitude} if home else None


# Preferences -> filters ------------------------------------------------------


def preference_filters(preferences: FairChancePreferences | None) -> list[Q]:
    """The person's private preferences as filter clauses for their own query only."""
    if preferences is None or preferences.is_empty:
        return []
    clauses = []
    if preferences.only_checks_after_offer:
        clauses.append(flag_filter("after_offer"))
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
        """Jobs at their home (jobs.search.places: within their travel radius, or,
        when they said remote work suits them, remote and open to where they live);
        with no home, any remote job if remote suits them."""
        home = getattr(self.profile, "home", None)
        if home is not None:
            return near_filter(
                latitude=home.latitude,
                longitude=home.longitude,
                radius_miles=self.profile.travel_radius,
                country=home.country,
                region=home.region,
                include_remote=self.profile.remote_ok,
            )
        return remote_postings() if self.profile.remote_ok else None

    def scoring_clauses(self) -> list[Q]:
        profile = self.profile
        clauses = []
        for slug in self.held:
            clauses.append(REQUIRES.clause(Q("term", required_credentials=slug), slug))
            clauses.append(PREFERS.clause(Q("term", preferred_credentials=slug), slug))
        for position, skill in enumerate(profile.skills):
            words = query_text(skill)
            if words:
                clauses.append(SKILL.clause(Q("match_phrase", skills_norm=words), position))
        if profile.desired_categories:
            clauses.append(CATEGORY.clause(Q("terms", category=list(profile.desired_categories))))
        if profile.employment_types:
            clause = Q("terms", employment_type=list(profile.employment_types))
            clauses.append(EMPLOYMENT_TYPE.clause(clause))
        about = query_text(" ".join([profile.headline, *self._titles()]))
        if about:
            clauses.append(
                similar_clause(about, ["title_norm^2", "skills_norm", "description_norm"])
            )
        home = home_point(profile)
        if home is not None:
            clauses.append(NEAR.clause(postings_within(home, profile.travel_radius)))
        if profile.remote_ok:
            clauses.append(REMOTE.clause(remote_postings()))
        clauses.append(AFTER_OFFER.clause(checks_records(CheckTiming.AFTER_OFFER)))
        clauses.append(NEVER_CHECKS.clause(checks_records(CheckTiming.NEVER)))
        return clauses

    def _titles(self) -> list[str]:
        return [entry.title for entry in self.profile.experience.all()]

    def about_them(self) -> Q:
        """Postings that match something about the person: a credential they hold, one
        of their skills, work they said they want, or every word of one of their job
        titles (their headline or a job they have done) in the posting's title.
        Distance alone is never a reason to list a posting."""
        options = []
        if self.held:
            options.append(Q("terms", required_credentials=list(self.held)))
            options.append(Q("terms", preferred_credentials=list(self.held)))
        for skill in self.profile.skills:
            if words := query_text(skill):
                options.append(Q("match_phrase", skills_norm=words))
        if self.profile.desired_categories:
            options.append(Q("terms", category=list(self.profile.desired_categories)))
        for title in [self.profile.headline, *self._titles()]:
            if words := query_text(title):
                options.append(Q("match", title_norm={"query": words, "operator": "and"}))
        if not options:
            return Q("match_none")
        return Q("bool", should=options, minimum_should_match=1)

    def explain(self, response) -> dict[int, PostingMatch]:
        """Each hit of a response ranked by this query, with its reasons, by posting id."""
        return {match.posting.pk: match for match in posting_matches_from(response, self)}

    def decay_functions(self) -> list[dict]:
        functions = [{"gauss": {"published_at": {"origin": self.now.isoformat(), **RECENCY}}}]
        home = home_point(self.profile)
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
        """The whole ranked query around `must` (a search's words) and `filters`,
        with the person's preferences added as filters."""
        filters = [*filters, *self.filters()]
        scored = Q(
            "function_score",
            query=Q("bool", must=must, filter=filters, should=self.scoring_clauses()),
            functions=self.decay_functions(),
            score_mode="multiply",
            boost_mode="multiply",
        )
        return Q("bool", must=[scored], should=[self.qualified_clause()])


def postings_for_candidate_search(ranking: CandidateRanking, *, size: int = MATCH_SIZE) -> Search:
    """The request for "Jobs for you": visible, near, about them, within their
    preferences, ranked."""
    filters = live_filters(ranking.now, ranking.about_them(), ranking.place_filter())
    search = postings_search().query(ranking.query(must=[], filters=filters))
    search = search.sort("_score", {"published_at": {"order": "desc"}})
    return search.source(["required_credentials"])[:size]


@dataclass(frozen=True)
class PostingMatch:
    posting: JobPosting
    reasons: tuple[str, ...]
    missing_credentials: tuple[str, ...] = ()
    miles: float | None = None
    matched: frozenset[str] = field(default_factory=frozenset)


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
    """What a person reads under a posting: one sentence per matched clause."""
    return reasons_from(
        matched,
        side="for_seeker",
        skills=profile.skills,
        posting=posting,
        names=names,
        distance=miles_text(miles),
    )


def posting_matches_from(response, ranking: CandidateRanking) -> list[PostingMatch]:
    """Turn a response of postings into matches with reasons (for any ranked posting search)."""
    profile = ranking.profile
    hits = list(response.hits)
    postings = visible_postings_by_id([int(hit.meta.id) for hit in hits])
    wanted = {slug for hit in hits for slug in (getattr(hit, "required_credentials", None) or [])}
    names = credential_names(wanted | set(ranking.held))
    home = getattr(profile, "home", None)
    origin = home.point if home else None
    matches = []
    for hit in hits:
        posting = postings.get(int(hit.meta.id))
        if posting is None:
            continue
        matched = matched_names(hit)
        miles = nearest_miles(origin, (loc.point for loc in posting.locations.all()))
        required = getattr(hit, "required_credentials", None) or []
        matches.append(
            PostingMatch(
                posting=posting,
                reasons=posting_reasons(
                    matched, profile=profile, posting=posting, miles=miles, names=names
                ),
                missing_credentials=missing_credentials(matched, required, ranking.held, names),
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
    response = answer(postings_for_candidate_search(ranking, size=size))
    return posting_matches_from(response, ranking)


def ranking_for(user) -> CandidateRanking | None:
    """The person's own ranking, or None without a profile or with unreadable preferences
    (ranking without them could show what they asked not to see)."""
    from .encryption import PreferencesUnreadable
    from .selectors import preferences_for, profile_for

    profile = profile_for(user)
    if profile is None:
        return None
    try:
        preferences = preferences_for(user)
    except PreferencesUnreadable:
        return None
    return CandidateRanking.of(profile, preferences)

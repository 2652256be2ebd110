"""The reasons a match is shown: one registry for both sides of matching.

A match's query names every clause that scores (``_name``); Elasticsearch
returns the names a hit matched (``matched_queries``) and each becomes one
plain-language reason. A reason is named once here, with its weight and what
each side reads: the person under a posting (``for_seeker``) and the employer
under a candidate (``for_employer``). Credentials and skills carry a value
after the name (``requires:forklift``, ``skill:0``). The order of ``REASONS``
is the order reasons are listed in: credentials first, then the rest.

A sentence may use: credential, skill, category, employment_type (each also as
*_lower), distance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from elasticsearch.dsl import Q

from fairsite.places import distance_miles
from jobs.models import Category, Credential, EmploymentType, JobPosting

# Not a reason: the clause "holds every credential the role requires", worth far
# more than every scoring clause together, so it sorts first.
QUALIFIED = "qualified"
QUALIFIED_BOOST = 1000.0


@dataclass(frozen=True)
class Reason:
    name: str
    weight: float
    for_seeker: str = ""
    for_employer: str = ""

    def named(self, value: object = None) -> str:
        """The clause's name, with its value (a credential's slug, a skill's position)."""
        return self.name if value is None else f"{self.name}:{value}"

    def clause(self, query: Q, value: object = None) -> Q:
        """A clause worth this reason's weight when `query` matches, whatever its own
        scoring, named for it."""
        return Q("constant_score", filter=query, boost=self.weight, _name=self.named(value))


REQUIRES = Reason(
    "requires",
    3.0,
    "You hold {credential}, which this role requires",
    "Holds {credential}, which this role requires",
)
PREFERS = Reason(
    "prefers",
    1.5,
    "You hold {credential}, which this role asks for",
    "Holds {credential}, which this role asks for",
)
NEAR = Reason("near", 1.0, "{distance}", "{distance}")
REMOTE = Reason("remote", 1.0, "You can do it from home", "Happy to work from home")
SKILL = Reason(
    "skill", 1.0, "It asks for {skill}, one of your skills", "Lists {skill} among their skills"
)
CATEGORY = Reason(
    "category", 2.0, "{category} is work you said you want", "Wants work in {category_lower}"
)
EMPLOYMENT_TYPE = Reason(
    "type", 1.0, "{employment_type}, as you asked", "Wants {employment_type_lower} work"
)
# Scored by text relevance at a fifth of its weight, not a constant: it breaks
# ties among matches of the same structured clauses.
SIMILAR = Reason(
    "similar",
    1.0,
    "It is close to the work your profile describes",
    "Their profile is close to this role",
)
AFTER_OFFER = Reason("after_offer", 0.5, "They check records only after an offer")
NEVER_CHECKS = Reason("never_checks", 0.5, "They don't check records")

REASONS = (
    REQUIRES,
    PREFERS,
    NEAR,
    REMOTE,
    SKILL,
    CATEGORY,
    EMPLOYMENT_TYPE,
    SIMILAR,
    AFTER_OFFER,
    NEVER_CHECKS,
)
_BY_NAME = {reason.name: reason for reason in REASONS}
_ORDER = {reason.name: position for position, reason in enumerate(REASONS)}


def similar_clause(query: str, fields: list[str]) -> Q:
    """The SIMILAR clause: `query` against `fields`, lightly, by text relevance."""
    return Q(
        "multi_match",
        query=query,
        fields=fields,
        minimum_should_match="30%",
        boost=SIMILAR.weight * 0.2,
        _name=SIMILAR.name,
    )


def matched_names(hit) -> frozenset[str]:
    """The names of the clauses a hit matched (QUALIFIED among them)."""
    return frozenset(getattr(hit.meta, "matched_queries", None) or [])


def missing_credentials(
    matched: frozenset[str], required: Iterable[str], held: Iterable[str], names: dict[str, str]
) -> tuple[str, ...]:
    """The names of the `required` credentials not `held`; none when the hit
    matched QUALIFIED."""
    if QUALIFIED in matched:
        return ()
    held = set(held)
    return tuple(names.get(slug, slug) for slug in required if slug not in held)


def in_reason_order(names: Iterable[str]) -> list[str]:
    """Matched clause names in the order reasons are listed (QUALIFIED left out)."""

    def key(name: str):
        kind, _, value = name.partition(":")
        return (_ORDER.get(kind, 99), value)

    return sorted((n for n in names if n != QUALIFIED), key=key)


def reasons_from(
    matched: Iterable[str],
    *,
    side: str,
    skills: list[str],
    posting: JobPosting,
    names: dict[str, str],
    distance: str,
) -> tuple[str, ...]:
    """One sentence per matched clause name, in the order reasons are listed, as
    `side` ("for_seeker" or "for_employer") reads it; names without a sentence
    (QUALIFIED among them) add nothing."""
    category = dict(Category.choices).get(posting.category, posting.category)
    employment_type = dict(EmploymentType.choices).get(
        posting.employment_type, posting.employment_type
    )
    reasons = []
    for name in in_reason_order(matched):
        kind, _, value = name.partition(":")
        reason = _BY_NAME.get(kind)
        sentence = getattr(reason, side) if reason is not None else ""
        if not sentence:
            continue
        reasons.append(
            sentence.format(
                credential=names.get(value, value),
                skill=skills[int(value)] if reason is SKILL else "",
                category=category,
                category_lower=category.lower(),
                employment_type=employment_type,
                employment_type_lower=employment_type.lower(),
                distance=distance,
            )
        )
    return tuple(reasons)


def credential_names(slugs: Iterable[str]) -> dict[str, str]:
    """Each credential's short name, by slug, for the reasons and what is missing."""
    slugs = set(slugs)
    return {c.slug: c.short_name for c in Credential.objects.filter(slug__in=slugs)}


def nearest_miles(origin: tuple[float, float] | None, points: Iterable[tuple[float, float]]):
    """Miles from `origin` to the nearest of `points` (None without an origin or points)."""
    if origin is None:
        return None
    distances = [distance_miles(origin, point) for point in points]
    return min(distances) if distances else None

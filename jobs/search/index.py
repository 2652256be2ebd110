"""The postings index: its mapping, the document for a posting, and keeping it true.

Matched and ranked text goes into ``*_norm`` fields as the output of the
project's one text function (``fairsite.search.text.normalise``), because the
server has no stemmer; the same function runs on every query. The original
text is kept in ``standard``-analysed fields for "did you mean" suggestions
and for showing. Only visible postings are in the index (``JobPosting.objects.
visible()``, the same queryset the pages use); the outbox keeps it that way
(``jobs.indexing`` says which writes queue a posting).

Queries live in ``jobs.search.queries``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from elasticsearch.dsl import Mapping, field

from employers.models import Employer, is_verified_status
from fairsite.richtext import html_to_plain_text
from fairsite.search.registry import SearchIndex, register
from fairsite.search.text import TEXT_DIGEST, normalise

from ..models import JobPosting, PostingLocation
from .pay import salary_bands, yearly_pay
from .places import posting_open_to

INDEX_NAME = "postings"

# Searched fields and their weights; a query's every word must occur in one of them.
SEARCHED_FIELDS = {
    "title_norm": 4,
    "skills_norm": 2,
    "employer_name_norm": 2,
    # The names and abbreviations of the credentials it requires or prefers, so
    # "CPSCP" finds a posting that asks for it even when the text never says so.
    "credentials_norm": 2,
    "description_norm": 1,
}


def _mapping() -> dict:
    mapping = Mapping()
    text = {"analyzer": "standard"}
    for name in ("title", "description", "employer_name"):
        mapping.field(name, field.Text(**text))
        mapping.field(f"{name}_norm", field.Text(**text))
    mapping.field("title_exact", field.Keyword(normalizer="lowercase"))
    mapping.field("skills", field.Keyword())
    mapping.field("skills_norm", field.Text(**text))
    mapping.field("credentials_norm", field.Text(**text))
    for name in (
        "category",
        "employment_type",
        "workplace",
        "experience_level",
        "check_timing",
        "check_level",
        "credentials",
        "required_credentials",
        "preferred_credentials",
        "pledges",
        "duties",
        "employer_support",
        "salary_bands",
        "salary_currency",
        "salary_period",
        "employer_slug",
        "countries",
        "regions",
        "location_labels",
        # Where a remote posting is open to, as jobs.search.places keys it.
        "open_to",
        "application_method",
    ):
        mapping.field(name, field.Keyword())
    for name in ("checks_after_offer", "ignores_spent_convictions", "employer_verified", "remote"):
        mapping.field(name, field.Boolean())
    for name in ("salary_min", "salary_max", "salary_yearly"):
        mapping.field(name, field.Float())
    mapping.field("employer_id", field.Long())
    # How many credentials the role requires: matching asks "does the person hold
    # all of them" with a terms_set query, which reads the count from here.
    mapping.field("required_credentials_count", field.Integer())
    mapping.field("locations", field.GeoPoint())
    for name in ("published_at", "expires_at", "featured_until", "updated_at"):
        mapping.field(name, field.Date())
    mapping.field("suggest", field.Completion(analyzer="simple", max_input_length=60))
    # The text function's fingerprint: when it changes, --status asks for a rebuild.
    return {**mapping.to_dict(), "dynamic": "strict", "_meta": {"text": TEXT_DIGEST}}


def posting_document(posting: JobPosting) -> dict:
    """The document for one visible posting (``prepare_postings`` loads what it reads)."""
    if not hasattr(posting, "indexed_employer"):
        prepare_postings([posting])  # a lone posting: the same queries, for one
    employer = posting.indexed_employer
    if employer is None:
        # Deleted between reading the posting and its employer: this document
        # fails on its own (see fairsite.search.sync), not its whole batch.
        raise Employer.DoesNotExist(f"Employer {posting.employer_id} of posting {posting.pk}")
    required = posting.indexed_required_credentials
    preferred = posting.indexed_preferred_credentials
    locations = posting.indexed_locations
    description = html_to_plain_text(posting.description)
    return {
        "title": posting.title,
        "title_exact": posting.title,
        "description": description,
        "employer_name": employer.name,
        # The searched fields, in the form every query is normalised to.
        "title_norm": normalise(posting.title),
        "skills_norm": normalise(" ".join(posting.skills)),
        "credentials_norm": " ".join(
            normalise(f"{name} {abbreviation}")
            for name, abbreviation in posting.indexed_credential_names
        ),
        "employer_name_norm": normalise(employer.name),
        "description_norm": normalise(description),
        "skills": posting.skills,
        "category": posting.category,
        "employment_type": posting.employment_type,
        "workplace": posting.workplace,
        "experience_level": posting.experience_level,
        "check_timing": posting.check_timing,
        "check_level": posting.check_level,
        "checks_after_offer": posting.checks_after_offer,
        "required_credentials": required,
        "required_credentials_count": len(required),
        "preferred_credentials": preferred,
        "credentials": sorted(set(required) | set(preferred)),
        "ignores_spent_convictions": employer.ignores_spent_convictions,
        "pledges": employer.pledges,
        "employer_support": employer.support,
        "duties": posting.duties,
        "salary_min": float(posting.salary_min) if posting.salary_min is not None else None,
        "salary_max": float(posting.salary_max) if posting.salary_max is not None else None,
        "salary_period": posting.salary_period or None,
        "salary_currency": posting.salary_currency,
        "salary_yearly": yearly_pay(posting),
        "salary_bands": salary_bands(posting),
        "employer_id": employer.id,
        "employer_slug": employer.slug,
        "employer_verified": employer.verified,
        "remote": posting.is_remote,
        "open_to": posting_open_to(
            remote=posting.is_remote,
            country=posting.open_to_country,
            region=posting.open_to_region,
        ),
        "locations": [{"lat": loc.latitude, "lon": loc.longitude} for loc in locations],
        "location_labels": [loc.label for loc in locations],
        "countries": sorted({loc.country for loc in locations}),
        # "US-OH", "GB-England": a state or nation, for the market charts.
        "regions": sorted({f"{loc.country}-{loc.region}" for loc in locations if loc.region}),
        "application_method": posting.application_method,
        "published_at": posting.published_at,
        "expires_at": posting.expires_at,
        "featured_until": posting.featured_until,
        "updated_at": posting.updated_at,
        "suggest": {"input": [posting.title, employer.name]},
    }


# What a posting's document reads besides the posting's own row. For a batch of
# postings (a rebuild's page, an outbox drain) prepare_postings() reads it as
# plain rows, in one query per relation, and hangs it on each posting; a lone
# posting is a batch of one. Django's prefetch_related does the
# same job building a model for every row and a queryset per posting and
# relation: at 100k postings that was half the CPU of a rebuild (bench/, README).


@dataclass(frozen=True)
class EmployerFacts:
    """What a posting's document says about its employer and their policy."""

    id: int
    name: str
    slug: str
    verified: bool
    ignores_spent_convictions: bool
    pledges: list[str]
    support: list[str]


class IndexedLocation(NamedTuple):
    label: str
    country: str
    region: str
    latitude: float
    longitude: float


_EMPLOYER_COLUMNS = (
    "id",
    "name",
    "slug",
    "verification_status",
    "policy__ignores_spent_convictions",
    "policy__pledges",
    "policy__support",
)
_CREDENTIAL_RELATIONS = ("required_credentials", "preferred_credentials")


def prepare_postings(postings: list[JobPosting]) -> None:
    """Load what the documents of ``postings`` read, four queries for the lot."""
    if not postings:
        return
    ids = [posting.pk for posting in postings]
    employers = {
        employer_id: EmployerFacts(
            id=employer_id,
            name=name,
            slug=slug,
            verified=is_verified_status(status),
            # A LEFT JOIN: all None for an employer with no policy yet.
            ignores_spent_convictions=bool(ignores_spent),
            pledges=pledges or [],
            support=support or [],
        )
        for employer_id, name, slug, status, ignores_spent, pledges, support in (
            Employer.objects.filter(pk__in={posting.employer_id for posting in postings})
            .order_by()
            .values_list(*_EMPLOYER_COLUMNS)
        )
    }
    locations = defaultdict(list)
    for posting_id, *columns in (
        PostingLocation.objects.filter(**_of_postings("posting_id", ids))
        .order_by("pk")
        .values_list("posting_id", *IndexedLocation._fields)
    ):
        locations[posting_id].append(IndexedLocation(*columns))
    credentials = {}
    names = defaultdict(dict)  # posting id -> slug -> (name, abbreviation)
    for relation in _CREDENTIAL_RELATIONS:
        credentials[relation] = defaultdict(list)
        through = getattr(JobPosting, relation).through
        for posting_id, slug, name, abbreviation in (
            through.objects.filter(**_of_postings("jobposting_id", ids))
            .order_by("credential__name")  # as Credential orders itself
            .values_list(
                "jobposting_id", "credential__slug", "credential__name", "credential__abbreviation"
            )
        ):
            credentials[relation][posting_id].append(slug)
            names[posting_id][slug] = (name, abbreviation)
    for posting in postings:
        # None when the employer went in between the two queries.
        posting.indexed_employer = employers.get(posting.employer_id)
        posting.indexed_locations = locations[posting.pk]
        posting.indexed_credential_names = sorted(names[posting.pk].values())
        for relation in _CREDENTIAL_RELATIONS:
            setattr(posting, f"indexed_{relation}", credentials[relation][posting.pk])


def _of_postings(column: str, ids: list[int]) -> dict[str, object]:
    """The lookup for rows whose ``column`` is one of the postings ``ids``.

    A rebuild's page is a run of nearly consecutive keys, asked for as a range:
    Django prepares each value of an ``IN`` list one by one, a thirtieth of a
    rebuild's CPU for the three lists of each page. The range may bring rows of
    a few postings outside the batch (not visible ones); nothing reads them.
    Scattered ids (an outbox drain) are an ``IN`` list.
    """
    low, high = min(ids), max(ids)
    if high - low < 2 * len(ids):
        return {f"{column}__gte": low, f"{column}__lte": high}
    return {f"{column}__in": ids}


def indexed_postings():
    """The postings that belong in the index."""
    return JobPosting.objects.visible()


postings_index = register(
    SearchIndex(
        name=INDEX_NAME,
        mappings=_mapping(),
        queryset=indexed_postings,
        to_document=posting_document,
        prepare=prepare_postings,
        index_settings={"max_result_window": 10_000},
    )
)

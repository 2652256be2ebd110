"""What the API says about postings and credentials: typed schemas and the
functions that fill them from models and search results."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from html import unescape
from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from ninja import Schema
from pydantic import Field

from employers.models import CheckLevel, CheckTiming
from employers.policy import policy_sentences
from fairsite.richtext import html_to_plain_text
from fairsite.site_address import absolute_url

from .models import (
    ApplicationMethod,
    Category,
    Credential,
    Currency,
    EmploymentType,
    ExperienceLevel,
    JobPosting,
    SalaryPeriod,
    Workplace,
)
from .search.links import offer_links
from .search.pay import SALARY_BANDS
from .search.queries import DEFAULT_RADIUS, FACETS, FLAGS, RADII_MILES, SORTS
from .search.results import SearchResults
from .search.understanding import KEEP_CHOICES

CategoryValue = Literal[tuple(Category.values)]  # type: ignore[valid-type]
EmploymentTypeValue = Literal[tuple(EmploymentType.values)]  # type: ignore[valid-type]
WorkplaceValue = Literal[tuple(Workplace.values)]  # type: ignore[valid-type]
CheckLevelValue = Literal[tuple(CheckLevel.values)]  # type: ignore[valid-type]
CheckTimingValue = Literal[tuple(CheckTiming.values)]  # type: ignore[valid-type]
SalaryBand = Literal[tuple(band.key for band in SALARY_BANDS)]  # type: ignore[valid-type]
SortValue = Literal[SORTS]  # type: ignore[valid-type]
KeepValue = Literal[KEEP_CHOICES]  # type: ignore[valid-type]
# An enum (not a Literal) so that "25" in a query string is read as 25.
Radius = IntEnum("Radius", {f"MILES_{miles}": miles for miles in RADII_MILES})


class PostingSearchParams(Schema):
    """The search page's URL parameters, with the same names and meanings."""

    q: str = Field("", max_length=200, description="Words that must all occur.")
    place: str = Field("", max_length=100, description="A town, US ZIP code or UK postcode.")
    radius: Radius | None = Field(
        None, description=f"Miles from `place` (default {DEFAULT_RADIUS})."
    )
    category: CategoryValue | None = None
    employment_type: EmploymentTypeValue | None = None
    workplace: WorkplaceValue | None = None
    check_level: CheckLevelValue | None = None
    credential: str | None = Field(None, max_length=80, description="A credential's slug.")
    salary: SalaryBand | None = Field(
        None,
        description=(
            'Pay a year at least this: in one currency ("usd-20000", "gbp-20000"), '
            'or in either ("20000", kept for old links).'
        ),
    )
    after_offer: bool = Field(False, description="Only roles that check records after an offer.")
    hide_remote: bool = Field(
        False, description="With `place`: leave out remote jobs open to that place."
    )
    verified: bool = Field(False, description="Only verified fair-chance employers.")
    sort: SortValue = "relevance"
    page: int = Field(1, ge=1, le=10_000)
    keep: list[KeepValue] = Field(
        [],
        description="Readings of `q` to turn off: `filler` (keep words such as 'jobs'), "
        "`workplace`, `employment_type`, `after_offer`, `credential` "
        "(search those phrases as words), `spelling` (no corrected search), `all`.",
    )

    def as_form_data(self) -> dict[str, str | list[str]]:
        """The parameters as the search page's form receives them."""
        data = {
            "q": self.q,
            "place": self.place,
            "sort": self.sort,
            "page": str(self.page),
            "radius": str(int(self.radius)) if self.radius else "",
        }
        data.update({name: getattr(self, name) or "" for name in FACETS})
        data.update({name: "on" for name in FLAGS if getattr(self, name)})
        data["keep"] = list(self.keep)
        if self.hide_remote:
            data["hide_remote"] = "on"
        return data


class EmployerRef(Schema):
    name: str
    slug: str
    is_verified: bool
    url: str
    api_url: str


class Salary(Schema):
    min: float | None
    max: float | None
    period: Literal[tuple(SalaryPeriod.values)]  # type: ignore[valid-type]
    currency: Literal[tuple(Currency.values)]  # type: ignore[valid-type]
    text: str


class PlaceOut(Schema):
    label: str
    street_address: str
    locality: str
    region: str
    postal_code: str
    country: str
    latitude: float
    longitude: float


class PostingSummary(Schema):
    id: int
    title: str
    url: str
    api_url: str
    employer: EmployerRef
    category: CategoryValue
    employment_type: EmploymentTypeValue
    workplace: WorkplaceValue
    places: list[str]
    open_to_country: str = Field(
        description="For a remote job, the country people can work from: US or GB "
        "('' if not remote)."
    )
    open_to_region: str = Field(
        description="For a remote job limited to one US state (its postal code, such as CA) "
        "or UK nation (such as Scotland); '' for the whole country."
    )
    salary: Salary | None
    check_timing: CheckTimingValue
    checks_after_offer: bool
    published_at: datetime | None
    expires_at: datetime | None
    updated_at: datetime


class SearchHit(PostingSummary):
    snippet: str = Field(description="Plain text around the words searched for.")
    miles: float | None = Field(description="Distance from `place`, when one was given.")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class ReadingOut(Schema):
    key: KeepValue = Field(description="What `keep=<key>` turns off.")
    said: str = Field(description="The words of `q` it took.")
    value: str = Field(description="The filter's value it chose, if any.")


class Understood(Schema):
    text: str = Field(description="The words searched for.")
    filters: dict[str, str] = Field(description="Filters read from the words.")
    flags: list[str] = Field(description="Yes/no filters read from the words.")
    readings: list[ReadingOut]


class OfferOut(Schema):
    label: str
    count: int
    url: str = Field(description="This search's address in the API; it lists `count` postings.")


class PostingSearchPage(Schema):
    count: int = Field(description="How many postings match in all.")
    page: int
    pages: int
    per_page: int
    results: list[SearchHit]
    facets: dict[str, list[FacetValueOut]] = Field(
        description="Counts per value, each with every other filter applied (as on the page)."
    )
    flags: dict[str, int]
    suggestion: str = Field(description="A corrected query when nothing was found.")
    understood: Understood = Field(description="How `q` was read before searching.")
    corrected_from: str = Field(
        description="When `q` found nothing and its correction (`suggestion`) did, these are "
        "the results for the correction and this is the words as read; `keep=spelling` "
        "turns it off."
    )
    offers: list[OfferOut] = Field(
        description="When nothing matched: searches that find something, with their counts."
    )
    limited: bool = Field(
        description="True when search is down and these come from a simpler database search."
    )


class CredentialRef(Schema):
    slug: str
    name: str
    abbreviation: str


class PostingDetail(PostingSummary):
    description_html: str
    description_text: str
    skills: list[str]
    duties: list[str]
    experience_level: Literal[tuple(ExperienceLevel.values)]  # type: ignore[valid-type]
    check_level: CheckLevelValue
    required_credentials: list[CredentialRef]
    preferred_credentials: list[CredentialRef]
    locations: list[PlaceOut]
    application_method: Literal[tuple(ApplicationMethod.values)]  # type: ignore[valid-type]
    apply_url: str
    apply_email: str
    employer_policy: list[str] = Field(description="The employer's policy in plain sentences.")


class CredentialOut(Schema):
    slug: str
    name: str
    abbreviation: str
    issuer: str
    summary: str
    open_roles: int
    postings_url: str = Field(description="The API search for postings asking for it.")


def _absolute(request: HttpRequest, path: str) -> str:
    return absolute_url(path)


def employer_ref(request: HttpRequest, employer) -> dict:
    return {
        "name": employer.name,
        "slug": employer.slug,
        "is_verified": employer.is_verified,
        "url": _absolute(request, employer.get_absolute_url()),
        "api_url": _absolute(request, reverse("api:employer", kwargs={"slug": employer.slug})),
    }


def _salary(posting: JobPosting) -> dict | None:
    if not posting.salary_period or (posting.salary_min is None and posting.salary_max is None):
        return None
    return {
        "min": float(posting.salary_min) if posting.salary_min is not None else None,
        "max": float(posting.salary_max) if posting.salary_max is not None else None,
        "period": posting.salary_period,
        "currency": posting.salary_currency,
        "text": posting.salary_text,
    }


def posting_summary(request: HttpRequest, posting: JobPosting) -> dict:
    return {
        "id": posting.pk,
        "title": posting.title,
        "url": _absolute(request, posting.get_absolute_url()),
        "api_url": _absolute(request, reverse("api:posting", kwargs={"posting_id": posting.pk})),
        "employer": employer_ref(request, posting.employer),
        "category": posting.category,
        "employment_type": posting.employment_type,
        "workplace": posting.workplace,
        "places": [location.label for location in posting.locations.all()],
        "open_to_country": posting.open_to_country,
        "open_to_region": posting.open_to_region,
        "salary": _salary(posting),
        "check_timing": posting.check_timing,
        "checks_after_offer": posting.checks_after_offer,
        "published_at": posting.published_at,
        "expires_at": posting.expires_at,
        "updated_at": posting.updated_at,
    }


def _credential_ref(credential: Credential) -> dict:
    return {
        "slug": credential.slug,
        "name": credential.name,
        "abbreviation": credential.abbreviation,
    }


def posting_detail(request: HttpRequest, posting: JobPosting, policy) -> dict:
    return {
        **posting_summary(request, posting),
        "description_html": posting.description,
        "description_text": html_to_plain_text(posting.description),
        "skills": posting.skills,
        "duties": posting.duties,
        "experience_level": posting.experience_level,
        "check_level": posting.check_level,
        "required_credentials": [_credential_ref(c) for c in posting.required_credentials.all()],
        "preferred_credentials": [_credential_ref(c) for c in posting.preferred_credentials.all()],
        "locations": [
            {
                "label": loc.label,
                "street_address": loc.street_address,
                "locality": loc.locality,
                "region": loc.region,
                "postal_code": loc.postal_code,
                "country": loc.country,
                "latitude": loc.latitude,
                "longitude": loc.longitude,
            }
            for loc in posting.locations.all()
        ],
        "application_method": posting.application_method,
        "apply_url": posting.apply_url,
        "apply_email": posting.apply_email,
        "employer_policy": policy_sentences(policy),
    }


def search_page(request: HttpRequest, results: SearchResults, understood, *, per_page: int) -> dict:
    return {
        "count": results.total,
        "page": results.query.page,
        "pages": results.pages,
        "per_page": per_page,
        "results": [
            {
                **posting_summary(request, hit.posting),
                "snippet": unescape(strip_tags(hit.snippet)),
                "miles": round(hit.miles, 1) if hit.miles is not None else None,
            }
            for hit in results.hits
        ],
        "facets": {
            name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in values
            ]
            for name, values in results.facets.items()
        },
        "flags": results.flags,
        "suggestion": results.suggestion,
        "understood": {
            "text": understood.text,
            "filters": understood.filters,
            "flags": sorted(understood.flags),
            "readings": [
                {"key": r.key, "said": r.said, "value": r.value} for r in understood.readings
            ],
        },
        "corrected_from": results.corrected_from,
        "offers": [
            {**offer, "url": _absolute(request, reverse("api:postings") + offer["url"])}
            for offer in offer_links(request.GET, results)
        ],
        "limited": results.from_database,
    }


def credential_out(request: HttpRequest, credential: Credential) -> dict:
    postings = reverse("api:postings") + f"?credential={credential.slug}"
    return {
        **_credential_ref(credential),
        "issuer": credential.issuer,
        "summary": credential.summary,
        "open_roles": credential.open_roles,
        "postings_url": _absolute(request, postings),
    }

"""The API's employers: who they are and their fair-chance policy, as fields and in words."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Path, Query, Router, Schema
from pydantic import Field

from fairsite.api.conditional import conditional
from fairsite.api.errors import ERROR_RESPONSES
from fairsite.api.pagination import Page, PageParams, page_of
from fairsite.site_address import absolute_url

from .models import (
    CheckLevel,
    CheckTiming,
    CompanySize,
    Incentive,
    Industry,
    OffenceCategory,
    Pledge,
    RoleType,
    Support,
)
from .policy import policy_sentences
from .selectors import policy_of, public_employer, public_employers

router = Router(tags=["employers"])

SLUG = r"^[-a-zA-Z0-9_]+$"


def _choices(choices) -> type:
    return Literal[tuple(choices.values)]  # type: ignore[valid-type]


class Exclusion(Schema):
    role_type: _choices(RoleType)  # type: ignore[valid-type]
    offence_category: _choices(OffenceCategory)  # type: ignore[valid-type]


class Policy(Schema):
    check_timing: _choices(CheckTiming)  # type: ignore[valid-type]
    check_level: _choices(CheckLevel)  # type: ignore[valid-type]
    checks_after_offer: bool
    ignores_spent_convictions: bool
    exclusions: list[Exclusion] = Field(description="Offences the law rules out, by kind of role.")
    pledges: list[_choices(Pledge)]  # type: ignore[valid-type]
    support: list[_choices(Support)]  # type: ignore[valid-type]
    incentives: list[_choices(Incentive)]  # type: ignore[valid-type]
    sentences: list[str] = Field(description="The policy in plain words, as on the site.")
    updated_at: datetime


class EmployerOut(Schema):
    slug: str
    name: str
    url: str
    api_url: str
    website: str
    about: str
    industry: _choices(Industry)  # type: ignore[valid-type]
    size: _choices(CompanySize)  # type: ignore[valid-type]
    is_verified: bool
    verified_at: datetime | None
    places: list[str]
    open_roles: int
    feed_url: str = Field(description="An Atom feed of this employer's open postings.")
    policy: Policy | None = Field(description="None until the employer sets out a policy.")


class EmployerFilters(PageParams):
    verified: bool | None = Field(None, description="Only verified (true) or unverified (false).")


def _policy(policy) -> dict | None:
    if policy is None:
        return None
    return {
        "check_timing": policy.check_timing,
        "check_level": policy.check_level,
        "checks_after_offer": policy.checks_after_offer,
        "ignores_spent_convictions": policy.ignores_spent_convictions,
        "exclusions": [
            {"role_type": e.role_type, "offence_category": e.offence_category}
            for e in policy.exclusions.all()
        ],
        "pledges": policy.pledges,
        "support": policy.support,
        "incentives": policy.incentives,
        "sentences": policy_sentences(policy),
        "updated_at": policy.updated_at,
    }


def employer_out(request: HttpRequest, employer) -> dict:
    policy = policy_of(employer)
    return {
        "slug": employer.slug,
        "name": employer.name,
        "url": absolute_url(employer.get_absolute_url()),
        "api_url": absolute_url(reverse("api:employer", kwargs={"slug": employer.slug})),
        "website": employer.website,
        "about": employer.about,
        "industry": employer.industry,
        "size": employer.size,
        "is_verified": employer.is_verified,
        "verified_at": employer.verified_at if employer.is_verified else None,
        "places": [location.label for location in employer.locations.all()],
        "open_roles": employer.open_roles,
        "feed_url": absolute_url(reverse("feeds:employer-atom", kwargs={"slug": employer.slug})),
        "policy": _policy(policy),
    }


@router.get(
    "",
    response={200: Page[EmployerOut], **ERROR_RESPONSES},
    url_name="employers",
    summary="Employers",
)
def list_employers(request: HttpRequest, params: Query[EmployerFilters]):
    """Verified employers and any with an open role, by name, with their policies."""
    page = page_of(public_employers(verified=params.verified), params)
    page["results"] = [employer_out(request, employer) for employer in page["results"]]
    return page


@router.get(
    "/{slug}",
    response={200: EmployerOut, 304: None, **ERROR_RESPONSES},
    url_name="employer",
    summary="One employer",
)
def get_employer(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = Path(..., max_length=160, pattern=SLUG),
):
    """An employer and its fair-chance policy."""
    employer = public_employer(slug)
    if employer is None:
        raise Http404
    body = employer_out(request, employer)
    policy = policy_of(employer)
    changed = [employer.updated_at] + ([policy.updated_at] if policy else [])
    return conditional(request, response, body, max(changed)) or body

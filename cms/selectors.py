"""What the site's pages read live: open postings and fair-chance employers.

Every posting read starts from `JobPosting.objects.visible()`, the one
definition of visible, so a page never lists a posting that the job search,
the sitemap or the posting's own page would hide; a page with a feed (a
credential's, a career path's) reads through the feed's own selector in
`jobs.selectors`, so both list the same postings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Page, Site

from employers.models import CHECKS_AFTER_OFFER, Employer
from employers.selectors import with_open_roles
from fairsite.places import Place, distance_miles
from jobs.models import Credential, JobPosting
from jobs.search.forms import SearchForm
from jobs.search.recovery import form_search_or_database
from jobs.selectors import (
    as_cards,
    credential_cards,
    visible_postings_asking_for,
    visible_postings_in_category,
)

# A degree of latitude is about 69 miles everywhere.
MILES_PER_DEGREE = 69.0


def featured_postings(*, limit: int) -> list[JobPosting]:
    """Visible postings whose paid feature has not run out, newest first."""
    now = timezone.now()
    return list(
        as_cards(JobPosting.objects.visible(now=now).filter(featured_until__gt=now))[:limit]
    )


def latest_postings(*, limit: int) -> list[JobPosting]:
    """The newest visible postings."""
    return list(as_cards(JobPosting.objects.visible())[:limit])


@dataclass(frozen=True)
class LiveRoles:
    """The first few of a live list of postings, and how many there are in all."""

    postings: list[JobPosting]
    count: int


def postings_asking_for(credential: Credential, *, limit: int = 20) -> LiveRoles:
    """Visible postings that require or prefer the credential; each has `requires_it`."""
    return LiveRoles(
        postings=list(credential_cards(credential)[:limit]),
        count=visible_postings_asking_for(credential).count(),
    )


def postings_asking_for_near(credential: Credential, near, *, limit: int = 20) -> LiveRoles:
    """As postings_asking_for, nearest to `near` (a Place or a saved location) first.

    Jobs with no place (remote ones) come after those with one; each card also
    has `miles` (None without a place)."""
    postings = list(credential_cards(credential))
    for posting in postings:
        posting.miles = min(
            (distance_miles(near.point, loc.point) for loc in posting.locations.all()),
            default=None,
        )
    postings.sort(key=lambda p: math.inf if p.miles is None else p.miles)
    return LiveRoles(postings=postings[:limit], count=len(postings))


def postings_in_category(category: str, *, limit: int = 10) -> LiveRoles:
    """Visible postings in one category (jobs.models.Category), newest first."""
    postings = visible_postings_in_category(category)
    return LiveRoles(postings=list(postings[:limit]), count=postings.count())


def open_roles_by_category() -> dict[str, int]:
    """How many visible postings each category has (categories with none are left out)."""
    rows = JobPosting.objects.visible().order_by().values_list("category").annotate(n=Count("pk"))
    return dict(rows)


def open_roles_for_credentials(credentials: Iterable[Credential]) -> dict[int, int]:
    """How many visible postings require or prefer each credential, by credential id."""
    return {
        credential.pk: visible_postings_asking_for(credential).count() for credential in credentials
    }


def verified_employers(*, limit: int) -> list[Employer]:
    """Verified employers, those with the most open roles first; each has `open_roles`."""
    employers = Employer.objects.verified()
    return list(with_open_roles(employers).order_by("-open_roles", "name")[:limit])


@dataclass(frozen=True)
class DirectoryEntry:
    employer: Employer
    miles: float | None = None


def directory_employers(
    *,
    industry: str = "",
    near: Place | None = None,
    within_miles: int = 25,
    checks_after_offer: bool = False,
    support: Iterable[str] = (),
    pledges: Iterable[str] = (),
) -> list[DirectoryEntry]:
    """Verified employers matching every filter given; nearest first when `near` is set.

    An employer is within reach when any of its locations is. Each employer has
    `open_roles`, and its policy and locations loaded.
    """
    employers = Employer.objects.verified().filter(policy__isnull=False)
    if industry:
        employers = employers.filter(industry=industry)
    if checks_after_offer:
        employers = employers.filter(policy__check_timing__in=CHECKS_AFTER_OFFER)
    if near is not None:
        employers = employers.filter(_box_around(near, within_miles)).distinct()
    employers = with_open_roles(employers).select_related("policy").prefetch_related("locations")

    # Support and pledges are JSON lists, which SQLite cannot query for
    # membership; the verified employers left by now are few, so check here.
    wanted_support, wanted_pledges = set(support), set(pledges)
    entries = []
    for employer in employers.order_by("name"):
        if not wanted_support <= set(employer.policy.support):
            continue
        if not wanted_pledges <= set(employer.policy.pledges):
            continue
        miles = None
        if near is not None:
            miles = min(
                (distance_miles(near.point, loc.point) for loc in employer.locations.all()),
                default=math.inf,
            )
            if miles > within_miles:
                continue
        entries.append(DirectoryEntry(employer=employer, miles=miles))
    if near is not None:
        entries.sort(key=lambda entry: entry.miles)
    return entries


def _box_around(place: Place, miles: float) -> Q:
    """Locations inside a latitude/longitude box a little wider than the circle."""
    lat_span = miles / MILES_PER_DEGREE
    cos_lat = max(math.cos(math.radians(place.latitude)), 0.01)
    lon_span = min(miles / (MILES_PER_DEGREE * cos_lat), 180)
    return Q(
        locations__latitude__range=(place.latitude - lat_span, place.latitude + lat_span),
        locations__longitude__range=(place.longitude - lon_span, place.longitude + lon_span),
    )


def search_postings(text: str, *, limit: int) -> tuple[list[JobPosting], int]:
    """Visible postings for the site search box, and how many match in all.

    The job search's own answer (the database's when search is down), so the
    box finds what /jobs/ would.
    """
    # Read, and corrected, as /jobs/ reads them.
    results = form_search_or_database(SearchForm({"q": text}))
    return [hit.posting for hit in results.hits[:limit]], results.total


def search_pages(text: str, *, site: Site | None, limit: int) -> list[Page]:
    """Live, public pages of `site` whose words match `text`, for the site search box.

    Double quotes are dropped first. Wagtail's database search puts each word
    in double quotes for SQLite's full-text MATCH without doubling quotes inside
    it, so a word holding one (`6"`) was a syntax error in the database.
    """
    words = text.replace('"', " ").split()
    if not words:
        return []
    pages = Page.objects.live().public().exclude(depth=1).specific()
    if site is not None:
        pages = pages.in_site(site)
    return list(pages.search(" ".join(words))[:limit])

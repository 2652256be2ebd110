"""Job lists made for paper: any search, and "new jobs near a place this week".

Both run the search page's own search (``SearchForm`` and ``form_search_or_database``:
the database's answer when the search engine is down) and show each job with
what a person reading a notice board needs: title, employer, place, pay, when
records are checked, how to apply, and a short link with a QR code to the job's
page. The site's print stylesheet leaves out the menus and controls; there is
no PDF to make: the visitor's browser prints the page.

The "new this week" list is meant to be linked from elsewhere (a reentry
organisation's page, an email): ``/jobs/print/new-this-week/?place=Leeds&radius=10``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

import segno
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from fairsite.site_address import absolute_url, site_address

from .models import JobPosting
from .posting_facts import HowToApply, how_to_apply, record_checks, record_promise
from .search.forms import SearchForm
from .search.queries import PAGE_SIZE
from .search.recovery import form_search_or_database
from .search.results import SearchResults
from .search.visitor_places import visitor_country
from .seekers import seeker_for

NEW_DAYS = 7


def short_path(posting: JobPosting) -> str:
    return reverse("jobs:short", kwargs={"pk": posting.pk})


def short_link(request, pk: int):
    """A printed list's short address of a job: on to the job's own page, which
    says "This job has closed" once it has. Jobs never shown publicly stay unknown."""
    postings = JobPosting.objects.visible() | JobPosting.objects.closed()
    return redirect(get_object_or_404(postings, pk=pk))


@lru_cache(maxsize=4096)
def qr_svg(address: str) -> SafeString:
    """A QR code of `address` as an SVG element to put in a page (it sizes by CSS)."""
    code = segno.make(address, error="m")
    return mark_safe(code.svg_inline(omitsize=True, border=2, dark="#000"))  # noqa: S308 (segno's own markup)


@dataclass(frozen=True)
class PrintedJob:
    posting: JobPosting
    short_link: str  # the address to type, without "https://"
    qr: SafeString
    record_checks: str
    record_promise: str
    apply: HowToApply


def printed_job(posting: JobPosting) -> PrintedJob:
    path = short_path(posting)
    return PrintedJob(
        posting=posting,
        short_link=f"{site_address().domain}{path}",
        qr=qr_svg(absolute_url(path)),
        record_checks=record_checks(posting),
        record_promise=record_promise(posting),
        apply=how_to_apply(posting),
    )


def _render(request, form: SearchForm, results: SearchResults | None, **context):
    hits = results.hits if results is not None else []
    first = (results.query.page - 1) * PAGE_SIZE + 1 if hits else 0
    return render(
        request,
        "jobs/print_list.html",
        {
            "form": form,
            "results": results,
            "jobs": [printed_job(hit.posting) for hit in hits],
            "first": first,
            "last": first + len(hits) - 1,
            "printed_on": timezone.localdate(),
            **context,
        },
    )


def _search_address(params: QueryDict) -> str:
    return reverse("jobs:list") + (f"?{params.urlencode()}" if params else "")


def printed_search(request):
    """The search page's search, as a list for paper."""
    seeker = seeker_for(request.user)
    form = SearchForm(
        request.GET or None,
        can_sort_for_you=seeker.can_sort_for_you,
        place_country=visitor_country(request),
    )
    ranking = seeker.ranking() if form.to_query().sort == "for_you" else None
    results = form_search_or_database(form, ranking=ranking)
    return _render(request, form, results, back_url=_search_address(request.GET))


class NewJobsForm(SearchForm):
    """A place (required) and a distance: the jobs there published in the last
    ``NEW_DAYS`` days, newest first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].required = True

    def to_query(self):
        query = super().to_query()
        return replace(
            query,
            sort="newest",
            published_after=timezone.now() - timedelta(days=NEW_DAYS),
        )


def new_jobs_this_week(request):
    """ "New jobs near <place> this week", for a notice board."""
    params = {name: request.GET[name] for name in ("place", "radius") if name in request.GET}
    form = NewJobsForm(params or None, place_country=visitor_country(request))
    results = None
    if form.is_bound and form.is_valid():
        results = form_search_or_database(form)
    search = QueryDict(mutable=True)
    search.update({"place": params.get("place", ""), "sort": "newest"})
    return _render(
        request,
        form,
        results,
        new_days=NEW_DAYS,
        back_url=_search_address(search),
    )

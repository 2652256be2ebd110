"""Site-wide pages outside the page tree: search across pages and jobs, and robots.txt."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from fairsite.site_address import absolute_url

from . import selectors
from .forms import SiteSearchForm

PAGES_SHOWN = 20
POSTINGS_SHOWN = 10


@require_GET
def site_search(request):
    form = SiteSearchForm(request.GET or None)
    context = {"form": form, "query": ""}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        postings, postings_count = selectors.search_postings(query, limit=POSTINGS_SHOWN)
        context.update(
            query=query,
            postings=postings,
            postings_count=postings_count,
            pages=selectors.search_pages(
                query, site=Site.find_for_request(request), limit=PAGES_SHOWN
            ),
        )
    return render(request, "cms/search.html", context)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /hire/",
        "Disallow: /search/",
        f"Sitemap: {absolute_url(reverse('cms:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

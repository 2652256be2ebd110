"""Atom and RSS feeds of open postings: any search, an employer, a credential, a career path.

Every feed reads through the same code as the page it mirrors: a search feed
runs the search page's form and search (the database's answer when the search
engine is down), the others the selectors behind the employer, credential and
career path pages, all starting from `JobPosting.objects.visible()`.

An item's id is a tag URI made of the site's host and the posting's id, so it
stays the same when the title (and so the address) changes.

XML 1.0 cannot hold most control characters, and a feed's title repeats the
words searched for, so those characters become spaces in every text of a feed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from employers.selectors import public_employer

from .models import Category, Credential, JobPosting
from .search.forms import SearchForm
from .search.results import search_or_database
from .selectors import (
    credential_cards,
    visible_postings_in_category,
    visible_postings_of,
)

SCOPED_FEED_LENGTH = 50

# What Django's feed writer refuses: the C0 controls other than tab and newlines.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(text: str) -> str:
    """`text` with the characters XML 1.0 cannot hold replaced by spaces."""
    return _NOT_XML.sub(" ", text)


@dataclass(frozen=True)
class FeedScope:
    title: str
    link: str
    postings: list[JobPosting]


def search_scope(params: QueryDict) -> FeedScope:
    """The search page's first page for these parameters, newest first unless `sort` says."""
    form = SearchForm(params or None)
    query = form.to_query()
    if "sort" not in params:
        query = replace(query, sort="newest")
    query = replace(query, page=1)
    results = search_or_database(query)
    described = [f"“{query.text}”"] if query.text else []
    if query.near is not None:
        described.append(f"near {query.near.label}")
    title = "Jobs" + (": " + " ".join(described) if described else ": latest")
    search = params.copy()
    search.pop("page", None)
    link = reverse("jobs:list") + (f"?{search.urlencode()}" if search else "")
    return FeedScope(title=title, link=link, postings=[hit.posting for hit in results.hits])


class PostingFeed(Feed):
    """The items of a FeedScope; subclasses say which scope from the URL."""

    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def scope(self, request, **kwargs) -> FeedScope:
        raise NotImplementedError

    def get_object(self, request, **kwargs):
        return self.scope(request, **kwargs)

    def title(self, scope: FeedScope) -> str:
        return xml_text(f"{scope.title}: {settings.SITE_NAME}")

    def link(self, scope: FeedScope) -> str:
        return scope.link

    def subtitle(self, scope: FeedScope) -> str:
        return "Open jobs with fair-chance employers."

    description = subtitle

    def items(self, scope: FeedScope) -> list[JobPosting]:
        return scope.postings

    def item_title(self, posting: JobPosting) -> str:
        return xml_text(f"{posting.title} at {posting.employer.name}")

    def item_description(self, posting: JobPosting) -> str:
        return xml_text(posting.description)

    def item_link(self, posting: JobPosting) -> str:
        return posting.get_absolute_url()

    def item_guid(self, posting: JobPosting) -> str:
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},2025:posting:{posting.pk}"

    def item_pubdate(self, posting: JobPosting):
        return posting.published_at

    def item_updateddate(self, posting: JobPosting):
        return posting.updated_at

    def item_author_name(self, posting: JobPosting) -> str:
        return xml_text(posting.employer.name)

    def item_categories(self, posting: JobPosting) -> list[str]:
        return [posting.get_category_display(), posting.get_employment_type_display()]


class SearchFeed(PostingFeed):
    def scope(self, request, **kwargs) -> FeedScope:
        return search_scope(request.GET)


class EmployerFeed(PostingFeed):
    def scope(self, request, slug: str) -> FeedScope:
        # The same organisations as the page and the API: public_employer().
        employer = public_employer(slug)
        if employer is None:
            raise Http404
        return FeedScope(
            title=f"Jobs at {employer.name}",
            link=employer.get_absolute_url(),
            postings=list(visible_postings_of(employer)[:SCOPED_FEED_LENGTH]),
        )


class CredentialFeed(PostingFeed):
    def scope(self, request, slug: str) -> FeedScope:
        credential = get_object_or_404(Credential, slug=slug)
        page = getattr(credential, "page", None)
        link = page.url if page is not None and page.live else None
        return FeedScope(
            title=f"Jobs asking for {credential.short_name}",
            link=link or reverse("jobs:list") + f"?credential={credential.slug}",
            postings=list(credential_cards(credential)[:SCOPED_FEED_LENGTH]),
        )


class CareerPathFeed(PostingFeed):
    def scope(self, request, category: str) -> FeedScope:
        if category not in Category.values:
            raise Http404
        return FeedScope(
            title=f"Jobs in {Category(category).label.lower()}",
            link=reverse("jobs:list") + f"?category={category}",
            postings=list(visible_postings_in_category(category)[:SCOPED_FEED_LENGTH]),
        )


def as_rss(feed_class: type[PostingFeed]) -> type[PostingFeed]:
    return type(f"{feed_class.__name__}Rss", (feed_class,), {"feed_type": Rss201rev2Feed})

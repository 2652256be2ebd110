"""Atom and RSS feeds, read by a real feed parser: exactly the visible postings of each scope."""

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse

from cms.demo import load_home_page
from jobs.models import Category, Status
from tests.cms.factories import (
    CareerPathIndexPageFactory,
    CareerPathPageFactory,
    CredentialIndexPageFactory,
    CredentialPageFactory,
)
from tests.corpus import refresh_index
from tests.factories import credential
from tests.html import parse

pytestmark = pytest.mark.django_db

KINDS = {"atom": "atom10", "rss": "rss20"}


def read(client, url: str, kind: str):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == KINDS[kind]
    return feed


def ids_of(postings) -> list[str]:
    return [f"tag:127.0.0.1,2025:posting:{posting.pk}" for posting in postings]


def feed_url(name: str, kind: str, **kwargs) -> str:
    return reverse(f"feeds:{name}-{kind}", kwargs=kwargs)


@pytest.mark.parametrize("kind", KINDS)
def test_the_latest_jobs_feed_lists_every_visible_posting_newest_first(client, corpus, kind):
    feed = read(client, feed_url("jobs", kind), kind)

    assert [entry.id for entry in feed.entries] == ids_of(corpus)  # the corpus is newest first
    first = feed.entries[0]
    assert first.title == "Warehouse operative at Parcel & Pallet"
    assert first.link == f"{settings.SITE_URL}{corpus[0].get_absolute_url()}"
    if kind == "atom":
        assert first.updated_parsed[:6] == corpus[0].updated_at.utctimetuple()[:6]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("q=warehouse", [0, 1, 3, 7]),
        ("q=warehouse&employment_type=part_time", [7]),
        ("category=case-management", [4]),
        ("credential=cpors", [4, 6]),
        ("after_offer=on&verified=on", [2, 3, 4, 5, 6]),
        ("q=astronaut", []),
    ],
)
def test_a_search_feed_lists_what_the_search_finds(client, corpus, kind, params, expected):
    feed = read(client, feed_url("jobs", kind) + "?" + params, kind)

    assert [entry.id for entry in feed.entries] == ids_of(corpus[i] for i in expected)


@pytest.mark.parametrize("kind", KINDS)
def test_an_employer_feed_lists_its_visible_postings(client, corpus, kind):
    feed = read(client, feed_url("employer", kind, slug="parcel-pallet"), kind)

    assert [entry.id for entry in feed.entries] == ids_of([corpus[0], corpus[1], corpus[7]])
    assert feed.feed.title == "Jobs at Parcel & Pallet: Fair Chance Jobs"


@pytest.mark.parametrize("kind", KINDS)
def test_credential_and_career_path_feeds_list_their_visible_postings(client, corpus, kind):
    by_credential = read(client, feed_url("credential", kind, slug="cpors"), kind)
    by_path = read(client, feed_url("career-path", kind, category=Category.WAREHOUSE), kind)

    assert [entry.id for entry in by_credential.entries] == ids_of([corpus[4], corpus[6]])
    assert [entry.id for entry in by_path.entries] == ids_of(
        [corpus[0], corpus[1], corpus[3], corpus[7]]
    )


def test_a_closed_posting_leaves_every_feed(client, corpus):
    closed = corpus[4]
    closed.status = Status.CLOSED
    closed.save()
    refresh_index()

    for url in (
        feed_url("jobs", "atom"),
        feed_url("employer", "atom", slug="lanternway"),
        feed_url("credential", "atom", slug="cpors"),
        feed_url("career-path", "atom", category=Category.CASE_MANAGEMENT),
    ):
        assert ids_of([closed])[0] not in [entry.id for entry in read(client, url, "atom").entries]


def test_an_items_id_stays_when_its_title_changes(client, corpus):
    before = read(client, feed_url("employer", "atom", slug="ironbridge"), "atom").entries[0]
    corpus[2].title = "Site labourer (days)"
    corpus[2].save()

    after = read(client, feed_url("employer", "atom", slug="ironbridge"), "atom").entries[0]
    assert after.id == before.id
    assert after.title == "Site labourer (days) at Ironbridge Builders"
    assert after.updated_parsed >= before.updated_parsed


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/employers/nobody.atom",
        "/feeds/credentials/nothing.rss",
        "/feeds/career-paths/astronautics.atom",
    ],
)
def test_feeds_of_things_that_do_not_exist_are_404(client, db, url):
    assert client.get(url).status_code == 404


def test_a_search_feed_ignores_bad_parameters_as_the_search_page_does(client, corpus):
    feed = read(client, feed_url("jobs", "rss") + "?category=astronaut&page=-1&q=warehouse", "rss")

    assert len(feed.entries) == 4


def alternates(response) -> dict[str, str]:
    links = parse(response).select('head link[rel="alternate"]')
    return {link["type"]: link["href"] for link in links}


def test_feeds_are_discoverable_from_the_pages_they_mirror(client, corpus):
    search = alternates(client.get("/jobs/?q=warehouse&page=2"))
    assert search == {
        "application/atom+xml": "/feeds/jobs.atom?q=warehouse",
        "application/rss+xml": "/feeds/jobs.rss?q=warehouse",
    }
    employer = alternates(client.get("/employers/lanternway/"))
    assert employer["application/atom+xml"] == "/feeds/employers/lanternway.atom"

    home = load_home_page()
    assert alternates(client.get(home.url))["application/atom+xml"] == "/feeds/jobs.atom"
    credential_page = CredentialPageFactory(
        parent=CredentialIndexPageFactory(parent=home), credential=credential("cpors")
    )
    assert alternates(client.get(credential_page.url)) == {
        "application/atom+xml": "/feeds/credentials/cpors.atom",
        "application/rss+xml": "/feeds/credentials/cpors.rss",
    }
    path_page = CareerPathPageFactory(
        parent=CareerPathIndexPageFactory(parent=home), category=Category.PROBATION
    )
    assert alternates(client.get(path_page.url))["application/rss+xml"] == (
        "/feeds/career-paths/probation-parole.rss"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_control_characters_typed_or_stored_become_spaces_not_a_broken_feed(client, kind):
    from tests.factories import PublishedPostingFactory

    posting = PublishedPostingFactory(title="Cook\x0bnights", description="<p>Hot\x01food</p>")

    searched = read(client, feed_url("jobs", kind) + "?q=cook%0Bnights", kind)
    employer = read(client, feed_url("employer", kind, slug=posting.employer.slug), kind)

    assert searched.feed.title == "Jobs: “cook nights”: Fair Chance Jobs"
    assert [entry.title for entry in employer.entries] == [
        f"Cook nights at {posting.employer.name}"
    ]
    assert "Hot food" in employer.entries[0].summary

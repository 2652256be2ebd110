"""The job feed for aggregators (/feeds/jobs.xml), built by the worker's job and
read by the standard library's XML parser, checked against the format's
required fields: exactly the visible postings, absolute addresses, stable
reference numbers, the fair-chance facts in the description; out of the feed at
the first build after a posting ends. Storage, the view and the worker's
schedule: test_job_feed_builds.py."""

from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
import time_machine
from defusedxml import ElementTree
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobs import aggregator_feed
from jobs.aggregator_feed_builds import job_feed_refresh
from jobs.models import Status
from jobs.services import posting_close, posting_mark_filled, posting_pause
from tests.factories import MembershipFactory, PublishedPostingFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """The built feeds of each test in its own folder (the default storage)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


SOURCE_FIELDS = ("publisher", "publisherurl", "lastBuildDate")
JOB_FIELDS = (
    "title",
    "date",
    "referencenumber",
    "url",
    "company",
    "city",
    "state",
    "country",
    "postalcode",
    "description",
    "salary",
    "jobtype",
)
# Fields an aggregator refuses a job without: never empty.
FILLED = ("title", "date", "referencenumber", "url", "company", "country", "description")


def read_feed(client, *, refresh=True):
    """The feed as served, after the worker's job ran (unless `refresh` is False)."""
    if refresh:
        job_feed_refresh()
    response = client.get(reverse("feeds:jobs-xml"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert b"<![CDATA[" in body
    source = ElementTree.fromstring(body)
    assert source.tag == "source"
    for name in SOURCE_FIELDS:
        assert (source.findtext(name) or "").strip(), name
    for job in source.findall("job"):
        assert [child.tag for child in job] == list(JOB_FIELDS)
        for name in FILLED:
            assert (job.findtext(name) or "").strip(), name
    return source


def jobs_by_reference(source) -> dict:
    return {job.findtext("referencenumber"): job for job in source.findall("job")}


def test_the_feed_holds_every_visible_posting_with_the_required_fields(client, corpus):
    source = read_feed(client)

    assert source.findtext("publisher") == settings.SITE_NAME
    assert source.findtext("publisherurl") == f"{settings.SITE_URL}/"
    assert parsedate_to_datetime(source.findtext("lastBuildDate")) <= timezone.now()
    jobs = jobs_by_reference(source)
    assert set(jobs) == {str(posting.pk) for posting in corpus}  # not the expired one

    leader = jobs[str(corpus[1].pk)]
    assert leader.findtext("title") == "Warehouse team leader"
    assert leader.findtext("company") == "Parcel & Pallet"
    assert leader.findtext("url") == f"{settings.SITE_URL}{corpus[1].get_absolute_url()}"
    assert parsedate_to_datetime(leader.findtext("date")) == corpus[1].published_at.replace(
        microsecond=0
    )
    assert (leader.findtext("city"), leader.findtext("state")) == ("Columbus", "OH")
    assert leader.findtext("country") == "US"
    assert leader.findtext("salary") == "$40,000 to $45,000 a year"
    assert leader.findtext("jobtype") == "fulltime"
    description = leader.findtext("description")
    assert "Record checks: Only after a conditional job offer" in description
    assert "You will not be asked about a criminal record before a job offer." in description
    assert "Pick and pack orders" in description

    remote = jobs[str(corpus[4].pk)]  # remote, open to the whole US, no pay given
    assert remote.findtext("city") == ""
    assert remote.findtext("country") == "US"
    assert remote.findtext("salary") == ""
    assert "Verified fair-chance employer" in remote.findtext("description")
    assert jobs[str(corpus[7].pk)].findtext("jobtype") == "parttime"


def test_the_reference_number_stays_when_the_title_and_address_change(client, corpus):
    posting = corpus[0]
    posting.title = "Warehouse operative (nights)"
    posting.slug = ""
    posting.save()

    job = jobs_by_reference(read_feed(client))[str(posting.pk)]

    assert job.findtext("title") == "Warehouse operative (nights)"
    assert job.findtext("url").endswith("/warehouse-operative-nights/")


def test_text_that_would_break_xml_or_cdata_is_carried_safely(client, index):
    posting = PublishedPostingFactory(
        title="Cook ]]> <kitchen> & bar\x0b", description="<p>Say ]]> and &amp; here.</p>"
    )

    job = jobs_by_reference(read_feed(client))[str(posting.pk)]

    assert job.findtext("title") == "Cook ]]> <kitchen> & bar "
    assert "Say ]]> and &amp; here." in job.findtext("description")


ENDINGS = {
    "closed": lambda posting, by: posting_close(posting=posting, by=by),
    "filled": lambda posting, by: posting_mark_filled(posting=posting, by=by),
    "paused (withdrawn for now)": lambda posting, by: posting_pause(posting=posting, by=by),
}


@pytest.mark.parametrize("ending", ENDINGS)
def test_a_posting_leaves_the_feed_at_the_next_build_after_it_ends(client, index, ending):
    posting = PublishedPostingFactory(title="Line cook")
    staying = PublishedPostingFactory(title="Porter")
    member = MembershipFactory(employer=posting.employer).user
    assert str(posting.pk) in jobs_by_reference(read_feed(client))

    ENDINGS[ending](posting, member)

    # Served from the last build until the worker's job runs again.
    assert str(posting.pk) in jobs_by_reference(read_feed(client, refresh=False))
    assert set(jobs_by_reference(read_feed(client))) == {str(staying.pk)}


def test_a_posting_past_its_closing_time_leaves_the_feed_before_the_expiry_task_runs(client, index):
    posting = PublishedPostingFactory(expires_at=timezone.now() + timedelta(hours=1))
    assert str(posting.pk) in jobs_by_reference(read_feed(client))

    # Nothing changed, but the last build is over an hour old: the job builds.
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert jobs_by_reference(read_feed(client)) == {}
        posting.refresh_from_db()
        assert posting.status == Status.PUBLISHED  # the expiry task has not run


def postings_read(func) -> int:
    """How many reads of postings `func()` makes."""
    with CaptureQueriesContext(connection) as queries:
        func()
    return sum('FROM "jobs_jobposting"' in query["sql"] for query in queries.captured_queries)


def test_the_job_builds_only_when_a_change_reached_the_index(client, corpus):
    assert job_feed_refresh() is not None
    assert postings_read(job_feed_refresh) == 0  # nothing changed: the build stands

    corpus[2].title = "Site labourer (days)"
    corpus[2].save()

    assert postings_read(job_feed_refresh) > 0
    job = jobs_by_reference(read_feed(client, refresh=False))[str(corpus[2].pk)]
    assert job.findtext("title") == "Site labourer (days)"


def test_the_build_reads_postings_a_page_at_a_time_whatever_their_number(corpus, monkeypatch):
    """The queries of a build grow with its pages, never with its postings."""
    monkeypatch.setattr(aggregator_feed, "PAGE", 100)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            list(aggregator_feed.feed_xml())
        return len(captured.captured_queries)

    few = queries()
    PublishedPostingFactory.create_batch(12)
    PublishedPostingFactory.create_batch(3, located=False, workplace="remote", open_to_country="US")

    assert queries() == few


def test_a_large_feed_is_read_and_written_a_page_at_a_time(client, corpus, monkeypatch):
    monkeypatch.setattr(aggregator_feed, "PAGE", 3)
    pieces = list(aggregator_feed.feed_xml())

    # The head, three pages (3 + 3 + 2 jobs) and the end, each written in turn.
    assert [piece.count("<job>") for piece in pieces] == [0, 3, 3, 2, 0]
    source = ElementTree.fromstring("".join(pieces))
    references = [job.findtext("referencenumber") for job in source.findall("job")]
    assert references == sorted((str(p.pk) for p in corpus), key=int)


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_feed_only_answers_reads(client, index, method):
    assert getattr(client, method)(reverse("feeds:jobs-xml")).status_code == 405


@pytest.mark.parametrize("ending", ENDINGS)
def test_an_ended_posting_is_out_of_the_sitemap_and_its_page_tells_search_engines(
    client, index, ending
):
    posting = PublishedPostingFactory(title="Line cook")
    address = f"{settings.SITE_URL}{posting.get_absolute_url()}"
    assert address in client.get("/sitemap.xml").content.decode()

    ENDINGS[ending](posting, MembershipFactory(employer=posting.employer).user)

    assert address not in client.get("/sitemap.xml").content.decode()
    response = client.get(posting.get_absolute_url())
    if posting.has_closed:  # closed or filled: "This job has closed", 410 Gone
        assert response.status_code == 410
        assert response["X-Robots-Tag"] == "noindex"
        page = parse(response)
        assert page.select_one("meta[name=robots]")["content"] == "noindex"
        assert not page.select("script[type='application/ld+json']")
    else:  # paused: unknown to the public
        assert response.status_code == 404

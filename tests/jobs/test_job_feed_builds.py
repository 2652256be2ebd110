"""The job feed for aggregators is built by the worker into the default storage
(the local disk, or the S3-compatible media bucket) and /feeds/jobs.xml serves
the last build: never a posting read in the request once a build exists, old
builds deleted only after readers had time to finish, conditional requests,
HEAD and query strings answered as an aggregator expects."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from defusedxml import ElementTree
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from fairsite.scheduler import registered_jobs
from fairsite.scheduler.runner import Scheduler
from jobs import aggregator_feed_view
from jobs.aggregator_feed_builds import current_build, job_feed_build, job_feed_refresh
from jobs.models import JobFeedBuild
from jobs.services import posting_close
from tests.factories import MembershipFactory, PublishedPostingFactory

pytestmark = pytest.mark.django_db

FEED = "/feeds/jobs.xml"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """The built feeds of each test in its own folder (the default storage)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def served(client, path=FEED, **headers) -> tuple[object, bytes]:
    response = client.get(path, headers=headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def references(body: bytes) -> set[str]:
    return {job.findtext("referencenumber") for job in ElementTree.fromstring(body).iter("job")}


def postings_read(func):
    """`func()`'s result and how many reads of postings it made."""
    with CaptureQueriesContext(connection) as queries:
        result = func()
    return result, sum('FROM "jobs_jobposting"' in q["sql"] for q in queries.captured_queries)


def test_the_address_is_the_feeds_own(index):
    assert reverse("feeds:jobs-xml") == FEED


def test_the_worker_builds_the_feed_and_the_view_serves_it_without_reading_postings(
    client, index, media
):
    posting = PublishedPostingFactory(title="Line cook")
    feed_job = next(job for job in registered_jobs() if job.name == "jobs.aggregator_feed")

    assert Scheduler([feed_job]).run_due() == ["jobs.aggregator_feed"]

    build = current_build()
    stored = (media / build.name).read_bytes()
    assert build.size == len(stored)
    assert references(stored) == {str(posting.pk)}
    (response, body), reads = postings_read(lambda: served(client))
    assert reads == 0
    assert response.status_code == 200
    assert body == stored
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Length"] == str(build.size)
    assert response["ETag"] == f'"{build.etag}"'
    assert response["Last-Modified"] == http_date(build.built_at.timestamp())
    assert response["Cache-Control"] == "public, max-age=300"


def test_a_change_shows_in_the_feed_once_the_job_has_run(client, index):
    posting = PublishedPostingFactory(title="Line cook")
    job_feed_refresh()
    first = current_build()

    posting.title = "Head line cook"
    posting.save()
    assert b"Head line cook" not in served(client)[1]  # the last build, as it was

    assert job_feed_refresh() is not None
    assert current_build() != first
    assert b"Head line cook" in served(client)[1]


def test_a_closed_posting_leaves_the_feed_and_an_unchanged_board_is_not_built_again(client, index):
    closing = PublishedPostingFactory(title="Line cook")
    staying = PublishedPostingFactory(title="Porter")
    job_feed_refresh()
    assert job_feed_refresh() is None

    posting_close(posting=closing, by=MembershipFactory(employer=closing.employer).user)
    job_feed_refresh()

    assert references(served(client)[1]) == {str(staying.pk)}


def test_the_job_builds_again_when_the_file_is_gone(client, index, media):
    PublishedPostingFactory()
    gone = job_feed_refresh()
    (media / gone.name).unlink()

    response = served(client)[0]
    assert response.status_code == 503
    assert response["Retry-After"] == "300"

    rebuilt = job_feed_refresh()
    assert rebuilt is not None
    assert served(client)[0].status_code == 200


def test_builds_replaced_over_an_hour_ago_are_deleted(index, media):
    PublishedPostingFactory()
    start = timezone.now()
    builds = []
    for minutes in (0, 10, 80, 90):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            builds.append(job_feed_build())

    # At 90 minutes: the first was replaced 80 minutes ago; the second was
    # current until 10 minutes ago, and someone may be reading it still.
    assert set(JobFeedBuild.objects.values_list("name", flat=True)) == {
        build.name for build in builds[1:]
    }
    assert not (media / builds[0].name).exists()
    assert all((media / build.name).exists() for build in builds[1:])


def test_a_fresh_small_board_is_built_once_in_the_request(client, index):
    posting = PublishedPostingFactory()
    assert current_build() is None

    response, body = served(client)

    assert response.status_code == 200
    assert references(body) == {str(posting.pk)}
    assert JobFeedBuild.objects.count() == 1
    served(client)
    assert JobFeedBuild.objects.count() == 1  # served from that build since


def test_a_fresh_large_board_asks_to_come_back_instead_of_building_in_the_request(
    client, index, monkeypatch
):
    monkeypatch.setattr(aggregator_feed_view, "BUILD_IN_REQUEST", 1)
    PublishedPostingFactory.create_batch(2)

    response, body = served(client)

    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    assert "no-store" in response["Cache-Control"]
    assert b"Try again in a few minutes" in body
    assert current_build() is None


def test_head_answers_the_headers_without_the_document(client, index):
    PublishedPostingFactory()
    build = job_feed_refresh()

    response = client.head(FEED)

    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Length"] == str(build.size)
    assert response["ETag"] == f'"{build.etag}"'


@pytest.mark.parametrize(
    "query",
    ["?page=2", "?format=json&after=-1", "?q=%3Cscript%3E", "?%ff%fe=%00", "?" + "x" * 2000],
)
def test_a_query_string_changes_nothing(client, index, query):
    PublishedPostingFactory()
    job_feed_refresh()
    plain = served(client)[1]

    response, body = served(client, FEED + query)

    assert response.status_code == 200
    assert body == plain


def test_an_aggregator_asking_again_gets_not_modified_until_the_next_build(client, index):
    posting = PublishedPostingFactory()
    build = job_feed_refresh()
    etag, since = f'"{build.etag}"', http_date(build.built_at.timestamp())

    assert client.get(FEED, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(FEED, headers={"If-Modified-Since": since}).status_code == 304
    for nonsense in ("yesterday", "", "Sun, 99 Foo 2026 99:99:99 GMT"):
        assert client.get(FEED, headers={"If-Modified-Since": nonsense}).status_code == 200
    assert client.get(FEED, headers={"If-None-Match": '"other"'}).status_code == 200

    posting.title = "Porter"
    posting.save()
    job_feed_refresh()

    assert client.get(FEED, headers={"If-None-Match": etag}).status_code == 200


def test_on_s3_the_build_is_an_object_in_the_media_bucket_and_the_view_streams_it(
    client, index, s3_storage, media
):
    posting = PublishedPostingFactory(title="Line cook")
    first = job_feed_refresh()

    stored = s3_storage.client.get_object(Bucket=s3_storage.media_bucket, Key=first.name)
    content = stored["Body"].read()
    assert references(content) == {str(posting.pk)}
    response, body = served(client)
    assert response.status_code == 200
    assert body == content
    assert response["Content-Length"] == str(len(content))
    assert not media.exists()  # nothing on the local disk

    posting_close(posting=posting, by=MembershipFactory(employer=posting.employer).user)
    second = job_feed_refresh()

    assert references(served(client)[1]) == set()
    names = {
        item["Key"]
        for item in s3_storage.client.list_objects_v2(Bucket=s3_storage.media_bucket)["Contents"]
    }
    assert names == {first.name, second.name}  # the first stays while readers may need it

    s3_storage.client.delete_object(Bucket=s3_storage.media_bucket, Key=second.name)
    assert served(client)[0].status_code == 503
    job_feed_refresh()
    assert served(client)[0].status_code == 200


def test_an_operator_can_build_the_feed_at_once(client, index, media):
    posting = PublishedPostingFactory()
    output = StringIO()

    call_command("build_job_feed", stdout=output)

    build = current_build()
    assert f"Built {build.name}" in output.getvalue()
    assert references(served(client)[1]) == {str(posting.pk)}

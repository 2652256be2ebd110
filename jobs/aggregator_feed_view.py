"""/feeds/jobs.xml: the last build of the job feed for aggregators, from storage.

The view reads one row (``current_build``) and streams the file as the store
hands it over: its cost is the same for ten postings or 100,000, and it never
reads a posting. The build's digest and time are the ETag and Last-Modified,
so an aggregator that asks again with If-None-Match or If-Modified-Since gets
a 304 until the next build. A query string changes nothing; HEAD answers the
headers without opening the file.

On a fresh site, before the worker's first build, a board of at most
``BUILD_IN_REQUEST`` visible postings is built once in the request (about a
second at most, and it is stored, so the next request is served from it):
a new site answers at once even if its worker has not started yet. A bigger
board with no build yet (the first deploy of this on a large site, until the
worker's first turn) answers 503 with Retry-After instead of keeping a web
process busy past its timeout; so does a build whose file is missing from
storage. The worker's next refresh builds either.
"""

from __future__ import annotations

import logging

from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_safe

from .aggregator_feed_builds import REFRESH_SECONDS, current_build, job_feed_build
from .models import JobFeedBuild, JobPosting

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/xml; charset=utf-8"
BUILD_IN_REQUEST = 2_000
MAX_AGE_SECONDS = 300


class FeedFileResponse(FileResponse):
    # Django's 4 kB blocks would make a 140 MB document 35,000 writes.
    block_size = 64 * 1024


@require_safe
def job_feed(request):
    build = current_build() or _first_build()
    if build is None:
        return _not_ready()
    etag, last_modified = quote_etag(build.etag), int(build.built_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        if request.method == "HEAD":
            response = HttpResponse(content_type=CONTENT_TYPE)
        else:
            try:
                response = FeedFileResponse(
                    _open(build), content_type=CONTENT_TYPE, filename="jobs.xml"
                )
            except FileNotFoundError:
                logger.error("The job feed's file %s is missing from storage", build.name)
                return _not_ready()
        response["Content-Length"] = str(build.size)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
    return response


def _first_build() -> JobFeedBuild | None:
    """Build the feed now on a fresh site with a small board; None otherwise."""
    if JobPosting.objects.visible()[: BUILD_IN_REQUEST + 1].count() > BUILD_IN_REQUEST:
        return None
    return job_feed_build()


def _open(build: JobFeedBuild):
    """The build's file, read as it arrives."""
    file = default_storage.open(build.name, "rb")
    # An S3 file downloads the whole object before its first byte is read; its
    # object's body streams instead.
    stored = getattr(file, "obj", None)
    return stored.get()["Body"] if stored is not None else file


def _not_ready() -> HttpResponse:
    response = HttpResponse(
        "The job feed is being built. Try again in a few minutes.\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(REFRESH_SECONDS)
    patch_cache_control(response, no_store=True)
    return response

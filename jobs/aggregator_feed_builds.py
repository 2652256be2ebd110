"""Building the job feed for aggregators into storage, in the worker.

The scheduled job ``jobs.aggregator_feed`` (``job_feed_refresh``, every
``REFRESH_SECONDS``) builds the whole document (``jobs.aggregator_feed``) when
the postings index's generation has changed since the last build
(``fairsite.outbox.services.index_generation``: every change that reaches the
search index bumps it, so a posting closed, edited or published, an employer
verified), when the last build is ``MAX_AGE`` old (postings pass their closing
time without any change), or when the last build's file is missing.

A build writes the document to a local temporary file, then saves it to the
default storage (public media: the local disk, or the S3-compatible media
bucket) under a new name, ``feeds/jobs-<time>-<random>.xml``. Only once that
file is whole does it add its ``JobFeedBuild`` row; the newest row is the
document served, so readers switch from one build to the next at once and never
see half a file. Files a newer build replaced more than ``KEEP`` ago are
deleted, so a reader still downloading an older one is not cut off.

A build reads the generation before the postings: a change that commits while
it reads may or may not be in it, and the next refresh builds again either way.
Two builds at once (on two workers, if one outlasts the period) are harmless:
each writes its own file, and the one that started last is served.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import tempfile
import time
from datetime import timedelta

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from fairsite.outbox.services import index_generation

from .aggregator_feed import feed_xml
from .models import JobFeedBuild
from .search.index import INDEX_NAME

logger = logging.getLogger(__name__)

FOLDER = "feeds"
# Aggregators read a feed every hour or a few times a day, and the document
# said max-age=300 before it was built in the worker. Checking every five
# minutes keeps a closed posting in the feed for five minutes at most, and a
# busy board (a change every minute) from rebuilding without pause: a build of
# 100,000 postings takes its scheduler thread tens of seconds (minutes at a million).
REFRESH_SECONDS = 300
MAX_AGE = timedelta(hours=1)
KEEP = timedelta(hours=1)


def current_build() -> JobFeedBuild | None:
    """The build the address serves: the one that started last."""
    return JobFeedBuild.objects.order_by("-built_at", "-id").first()


def job_feed_build() -> JobFeedBuild:
    """Write the whole feed to a new file in the default storage and make it current."""
    started = time.monotonic()
    generation = index_generation(INDEX_NAME)
    built_at = timezone.now()
    digest = hashlib.sha256()
    size = 0
    with tempfile.TemporaryFile() as spool:
        for piece in feed_xml(now=built_at):
            data = piece.encode()
            digest.update(data)
            spool.write(data)
            size += len(data)
        spool.seek(0)
        name = default_storage.save(
            f"{FOLDER}/jobs-{built_at:%Y%m%dT%H%M%S}-{secrets.token_hex(4)}.xml", File(spool)
        )
    build = JobFeedBuild.objects.create(
        name=name, generation=generation, built_at=built_at, size=size, etag=digest.hexdigest()[:32]
    )
    logger.info("Built the job feed %s: %d bytes in %.1f s", name, size, time.monotonic() - started)
    old_builds_delete(now=timezone.now())
    return build


def job_feed_refresh() -> JobFeedBuild | None:
    """Build the feed if it is out of date (see the module's docstring); the new
    build, or None when the current one stands."""
    current = current_build()
    if (
        current is None
        or current.generation != index_generation(INDEX_NAME)
        or current.built_at <= timezone.now() - MAX_AGE
        or not default_storage.exists(current.name)
    ):
        return job_feed_build()
    return None


def old_builds_delete(*, now) -> None:
    """Delete the builds (files and rows) a newer build replaced over ``KEEP`` ago."""
    cutoff = now - KEEP
    # The newest build from before the cutoff was current until a build within
    # the last KEEP replaced it (or is current still): it stays.
    last_before = (
        JobFeedBuild.objects.filter(built_at__lt=cutoff).order_by("-built_at", "-id").first()
    )
    if last_before is None:
        return
    for build in JobFeedBuild.objects.filter(built_at__lt=cutoff).exclude(pk=last_before.pk):
        try:
            default_storage.delete(build.name)
        except Exception:
            # The store may be away for a moment (a disk error, an S3 error):
            # the row still names the file, so the next build tries again.
            logger.exception("Could not delete the old job feed %s", build.name)
            continue
        build.delete()

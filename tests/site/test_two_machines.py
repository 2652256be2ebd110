"""More than one machine, in the small: the Procfile's `web` process (gunicorn)
twice and its `worker` process twice, on production settings, on one database,
one Elasticsearch and one S3-compatible store.

The database is the test database: PostgreSQL when the suite runs on it
(DATABASE_URL, as in CI), else the suite's SQLite file, which all four
processes open at once (SQLite serialises their writes; on PostgreSQL the
queues' claims also skip rows another worker has locked). Sessions, the cache
behind the rate limits, the task queue and the outbox all live in it.
"""

from __future__ import annotations

import asyncio
import io
import time
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import cache
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from candidates.alerts.services import alert_create
from fairsite.devtools.paths import free_port
from fairsite.mail.delivery import queue_message
from fairsite.mail.models import OutgoingEmail
from fairsite.outbox import services as outbox
from fairsite.outbox.models import OutboxEntry
from fairsite.search.client import get_client
from jobs import services as posting_services
from jobs.search.index import postings_index
from jobs.search.queries import PostingQuery
from tests.candidates import files
from tests.factories import (
    PASSWORD,
    EditorFactory,
    OwnerFactory,
    PendingPostingFactory,
    PublishedPostingFactory,
    UserFactory,
)
from tests.machines import Machines, Visitor, database_url, stopped_cleanly
from tests.production.conftest import production_environment
from tests.smtp import Collector

pytestmark = pytest.mark.django_db(transaction=True)

API_LIMIT = 4  # anonymous API requests per minute, for every web server together
PLAIN_EMAILS = 24
ALERTS, POSTINGS = 3, 6
REINDEXED = 30


class SlowCollector(Collector):
    """A mail server that takes a moment per message, so a worker can be stopped mid-way."""

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0.05)
        return await super().handle_DATA(server, session, envelope)


def wait_for(condition, what: str, machines: Machines, *, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"Timed out waiting for {what}\n{machines.logs()}")


def signable(user) -> None:
    """A password the production settings can check (the tests' own hasher is MD5)."""
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "twomachinessalt")
    user.save(update_fields=["password"])


def delivered(collector: Collector) -> list[tuple[str, str]]:
    """(recipient, subject) of every message the mail server accepted, sorted."""
    with collector.lock:
        envelopes = list(collector.messages)
    return sorted(
        (
            address,
            " ".join(
                message_from_bytes(envelope.original_content, policy=policy.default)[
                    "Subject"
                ].split()
            ),
        )
        for envelope in envelopes
        for address in envelope.rcpt_tos
    )


def postings_written() -> int:
    """Successful index writes to the postings index since it was made (primaries)."""
    stats = get_client().indices.stats(index=postings_index.alias, metric="indexing")
    return stats["_all"]["primaries"]["indexing"]["index_total"]


@pytest.fixture
def mail_server():
    collector = SlowCollector()
    controller = Controller(collector, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, collector
    controller.stop()


@pytest.fixture
def machines(es, s3_server, mail_server, settings, tmp_path, seeded_credentials):
    """The shared services, and a Machines to start web servers and workers on them."""
    controller, _ = mail_server
    # Work this process starts goes to the database queue, for the workers.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Rate-limit counters of earlier tests in the same minute live in the same table.
    cache.clear()
    env = {
        **production_environment(tmp_path / "var", settings.ELASTICSEARCH["URL"]),
        "DATABASE_URL": database_url(connection.settings_dict),
        "ELASTICSEARCH_INDEX_PREFIX": settings.ELASTICSEARCH_INDEX_PREFIX,
        "EMAIL_URL": f"smtp://{controller.hostname}:{controller.port}",
        "API_ANONYMOUS_REQUESTS_PER_MINUTE": str(API_LIMIT),
        # One gunicorn worker per server: the machine has two cores for all six.
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "WARNING",
        **s3_server.new_buckets(),
    }
    with Machines(env, tmp_path) as started:
        started.release()
        yield started


def test_two_web_servers_and_two_workers_share_everything_and_lose_nothing(
    machines, mail_server, s3_server
):
    _, collector = mail_server
    web_a, web_b = machines.web("web-a"), machines.web("web-b")
    worker_1, worker_2 = machines.worker("worker-1"), machines.worker("worker-2")

    # A session made on one web server is good on the other.
    seeker = UserFactory(email="sam@example.org")
    signable(seeker)
    sam = Visitor()
    signed_in = sam.sign_in(web_a, seeker.email, PASSWORD)
    assert signed_in.status_code == 302, signed_in.text[:500]
    assert sam.get(web_b, "/dashboard/").status_code == 200
    assert Visitor().get(web_b, "/dashboard/").status_code == 302  # to sign in

    # The failed-login limit counts across both: five wrong passwords, split
    # between the servers, and the sixth try is refused even when right.
    target = UserFactory(email="target@example.org")
    signable(target)
    guesser = Visitor()
    for attempt in range(5):
        wrong = guesser.sign_in((web_a, web_b)[attempt % 2], target.email, "not-the-password")
        assert wrong.status_code == 200, f"attempt {attempt + 1}: {wrong.status_code}"
    assert guesser.sign_in(web_a, target.email, PASSWORD).status_code == 429

    # The anonymous API limit counts across both (one minute's window; a
    # window that turns over mid-way is tried again).
    for _ in range(2):
        window = int(time.time() // 60)
        codes = [
            Visitor().get((web_a, web_b)[n % 2], "/api/v1/employers").status_code
            for n in range(API_LIMIT + 1)
        ]
        if int(time.time() // 60) == window:
            break
        cache.clear()
    assert codes == [200] * API_LIMIT + [429]

    # A CV uploaded through one web server downloads through the other, for
    # its owner only; it sits in the private bucket.
    cv = files.minimal_pdf("Sam's CV")
    uploaded = sam.post_form(
        web_a, "/profile/cv/", {}, files={"cv": ("cv.pdf", io.BytesIO(cv), files.PDF_TYPE)}
    )
    assert uploaded.status_code == 302, uploaded.text[:500]
    seeker.candidate_profile.refresh_from_db()
    profile = seeker.candidate_profile
    download_path = f"/candidates/{profile.public_id}/cv/"
    download = sam.get(web_b, download_path)
    assert download.status_code == 200
    assert download.content == cv
    someone_else = UserFactory(email="someone@example.org")
    signable(someone_else)
    stranger = Visitor()
    assert stranger.sign_in(web_a, someone_else.email, PASSWORD).status_code == 302
    assert stranger.get(web_b, download_path).status_code == 404
    assert Visitor().get(web_b, download_path).status_code == 302  # to sign in
    bucket = machines.env["S3_PRIVATE_BUCKET"]
    stored = s3_server.client().get_object(Bucket=bucket, Key=profile.cv.name)
    assert stored["Body"].read() == cv

    # Work for the workers: postings already live, instant alerts, then new
    # postings that match them (each publish starts an alerts check), a
    # re-index of the live postings one transaction each (a drain task each,
    # so both workers drain at once), and plain emails.
    live = PublishedPostingFactory.create_batch(REINDEXED)
    for n in range(ALERTS):
        owner = UserFactory(email=f"alert{n}@example.org")
        alert_create(owner=owner, query=PostingQuery())
    wait_for(lambda: not OutboxEntry.objects.exists(), "the alerts indexed", machines)
    owner, editor = OwnerFactory(), EditorFactory()
    pending = [
        PendingPostingFactory(employer=owner.employer, created_by=owner.user, title=f"Job {n}")
        for n in range(POSTINGS)
    ]
    for posting in pending:
        posting_services.posting_approve(posting=posting, by=editor)
    wait_for(lambda: not OutboxEntry.objects.exists(), "the postings indexed", machines)
    written_before = postings_written()
    for posting in live:
        with transaction.atomic():
            outbox.enqueue(postings_index.name, [posting.pk])
    for n in range(PLAIN_EMAILS):
        queue_message(
            kind="test/note", to=[f"reader{n}@example.org"], subject=f"Note {n}", body_text="Hi"
        )

    # One web server and one worker stop (as in a deploy) while mail is going out.
    wait_for(lambda: len(delivered(collector)) >= 3, "the first emails", machines)
    assert stopped_cleanly(worker_1), worker_1.log()[-2000:]
    assert stopped_cleanly(web_a), web_a.log()[-2000:]

    def all_work_done() -> bool:
        return (
            not OutboxEntry.objects.exists()
            and not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()
            and not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists()
        )

    wait_for(all_work_done, "every email sent and every change indexed", machines)

    # Nothing lost, nothing twice: the mail server got each queued email
    # exactly once (one per alert and posting among them), and each posting
    # queued for the index was written once (Elasticsearch counts the writes).
    queued = sorted(
        (address, subject)
        for to, subject in OutgoingEmail.objects.values_list("to", "subject")
        for address in to
    )
    assert delivered(collector) == queued
    assert sum(1 for _, s in queued if s.startswith("Note ")) == PLAIN_EMAILS
    assert OutgoingEmail.objects.filter(dedupe_key__startswith="alert:").count() == (
        ALERTS * POSTINGS
    )
    assert postings_written() - written_before == REINDEXED
    # Both workers took tasks from the one queue, and no task ran twice.
    runs = list(DBTaskResult.objects.values_list("worker_ids", flat=True))
    assert len({worker for ids in runs for worker in ids}) == 2
    assert all(len(ids) == 1 for ids in runs)
    assert not DBTaskResult.objects.filter(status="FAILED").exists()

    # The survivors still serve: the session and the CV, through web B.
    assert sam.get(web_b, download_path).content == cv
    assert worker_2.process.poll() is None
    assert web_b.process.poll() is None

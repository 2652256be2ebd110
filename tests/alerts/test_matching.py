"""Publishing a posting matches it against every alert, with the real Elasticsearch:
instant emails once per alert and posting, nothing lost when the server is down."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection, transaction
from django.utils import timezone

from candidates.alerts import search as alerts_search
from candidates.alerts.emails import alert_emails_queued
from candidates.alerts.matching import check_due
from candidates.alerts.models import AlertMatch, Frequency, PostingCheck
from candidates.alerts.services import alert_create, alert_pause
from fairsite.mail.models import OutgoingEmail
from fairsite.outbox.drain import retry_now
from fairsite.outbox.models import OutboxEntry
from jobs import services
from jobs.search.queries import Near, PostingQuery
from tests.alerts.conftest import sync
from tests.factories import (
    EditorFactory,
    OwnerFactory,
    PendingPostingFactory,
    PublishedPostingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

COLUMBUS = Near(39.9612, -82.9988, 10, "Columbus, OH")
LEEDS = Near(53.7965, -1.5478, 25, "Leeds, England")


def alert_emails() -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(subject__startswith="New job").order_by("pk"))


def publish(posting, capture):
    """Approve the posting, running what its commit starts (the check, the mail)."""
    with capture(execute=True):
        services.posting_approve(posting=posting, by=EditorFactory())
    posting.refresh_from_db()
    return posting


def warehouse_posting(**kwargs):
    """A posting waiting for review, written by an owner of its employer."""
    owner = OwnerFactory()
    return PendingPostingFactory(
        employer=owner.employer,
        created_by=owner.user,
        title="Warehouse operative",
        description="<p>Pick and pack orders on the night shift.</p>",
        category="warehouse-logistics",
        **kwargs,
    )


def test_a_posting_matching_3_of_5_alerts_queues_exactly_3_instant_emails(
    indices, django_capture_on_commit_callbacks
):
    people = {name: UserFactory(email=f"{name}@example.org") for name in "abcde"}
    for name, query in {
        "a": PostingQuery(text="warehouse operatives"),
        "b": PostingQuery(filters={"category": "warehouse-logistics"}),
        "c": PostingQuery(near=COLUMBUS, flags=frozenset({"after_offer"})),
        "d": PostingQuery(text="forklift"),
        "e": PostingQuery(text="warehouse", near=LEEDS),
    }.items():
        alert_create(owner=people[name], query=query)
    sync()

    posting = publish(warehouse_posting(), django_capture_on_commit_callbacks)

    emails = alert_emails()
    assert sorted(email.to[0] for email in emails) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    assert all(posting.title in email.subject for email in emails)
    assert not PostingCheck.objects.exists()
    assert AlertMatch.objects.filter(posting=posting, sent_at__isnull=False).count() == 3


def test_a_posting_edited_paused_and_resumed_after_publishing_sends_nothing_more(
    indices, django_capture_on_commit_callbacks
):
    alert_create(owner=UserFactory(), query=PostingQuery(text="warehouse"))
    sync()
    posting = publish(warehouse_posting(), django_capture_on_commit_callbacks)
    assert len(alert_emails()) == 1
    owner = posting.created_by

    with django_capture_on_commit_callbacks(execute=True):
        services.posting_update(
            posting=posting, by=owner, fields={"title": "Warehouse operative (nights)"}
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.posting_pause(posting=posting, by=owner)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.posting_resume(posting=posting, by=owner)

    assert callbacks, "resuming puts the posting live, so its alerts are checked again"
    assert not PostingCheck.objects.exists()
    assert len(alert_emails()) == 1
    assert AlertMatch.objects.count() == 1


def test_daily_and_weekly_alerts_record_the_match_and_wait_for_their_digest(
    indices, django_capture_on_commit_callbacks
):
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        alert_create(owner=UserFactory(), query=PostingQuery(), frequency=frequency)
    sync()

    posting = publish(warehouse_posting(), django_capture_on_commit_callbacks)

    assert alert_emails() == []
    assert AlertMatch.objects.filter(posting=posting, sent_at__isnull=True).count() == 2


def test_paused_alerts_and_closed_accounts_match_nothing(
    indices, django_capture_on_commit_callbacks
):
    paused = alert_create(owner=UserFactory(), query=PostingQuery(text="warehouse"))
    alert_pause(alert=paused)
    gone = UserFactory(is_active=False)
    alert_create(owner=gone, query=PostingQuery(text="warehouse"))
    sync()

    publish(warehouse_posting(), django_capture_on_commit_callbacks)

    assert alert_emails() == []
    assert not AlertMatch.objects.exists()


def test_a_rolled_back_publish_leaves_no_check(indices):
    posting = warehouse_posting()

    try:
        with transaction.atomic():
            services.posting_approve(posting=posting, by=EditorFactory())
            assert PostingCheck.objects.filter(posting=posting).exists()
            raise RuntimeError("the request failed after publishing")
    except RuntimeError:
        pass

    assert not PostingCheck.objects.exists()


def test_with_elasticsearch_down_the_check_waits_and_nothing_is_lost(
    indices, settings, django_capture_on_commit_callbacks
):
    alert_create(owner=UserFactory(), query=PostingQuery(text="warehouse"))
    sync()
    working = settings.ELASTICSEARCH
    settings.ELASTICSEARCH = {**working, "URL": "http://127.0.0.1:9", "TIMEOUT": 1}

    posting = publish(warehouse_posting(), django_capture_on_commit_callbacks)

    check = PostingCheck.objects.get(posting=posting)
    assert check.attempts == 1
    assert check.last_error.startswith("unreachable")
    assert alert_emails() == []

    settings.ELASTICSEARCH = working
    PostingCheck.objects.update(next_attempt_at=check.created_at)
    with django_capture_on_commit_callbacks(execute=True):
        report = check_due()

    assert (report.checked, report.emailed) == (1, 1)
    assert len(alert_emails()) == 1
    assert not PostingCheck.objects.exists()


def test_a_check_waits_for_alerts_saved_before_it_that_the_index_has_not_taken(
    indices, django_capture_on_commit_callbacks
):
    alert_create(owner=UserFactory(), query=PostingQuery(text="warehouse"))
    # As if its drain had failed: the entry waits an hour for its retry.
    OutboxEntry.objects.filter(index_name="alerts").update(
        next_attempt_at=timezone.now() + timedelta(hours=1)
    )

    posting = publish(warehouse_posting(), django_capture_on_commit_callbacks)
    assert PostingCheck.objects.get(posting=posting).last_error == "IndexBehind"
    assert alert_emails() == []

    retry_now()
    sync()
    PostingCheck.objects.update(next_attempt_at=posting.published_at)
    with django_capture_on_commit_callbacks(execute=True):
        check_due()

    assert len(alert_emails()) == 1


def test_a_posting_taken_down_before_its_check_sends_nothing(
    indices, django_capture_on_commit_callbacks
):
    alert_create(owner=UserFactory(), query=PostingQuery(text="warehouse"))
    sync()
    posting = warehouse_posting()
    with django_capture_on_commit_callbacks(execute=False):
        services.posting_approve(posting=posting, by=EditorFactory())
    services.posting_pause(posting=posting, by=posting.created_by)

    check_due()

    assert alert_emails() == []
    assert not PostingCheck.objects.exists()


def test_every_matching_alert_is_found_across_pages(indices, monkeypatch):
    owners = UserFactory.create_batch(3)
    # Three sets of criteria that match ("a", "b", "a b"), two of them shared by
    # three people each, and one that does not.
    alerts = [alert_create(owner=o, query=PostingQuery(text=t)) for o in owners for t in "ab"]
    alerts += [alert_create(owner=owners[0], query=PostingQuery(text="a b"))]
    alert_create(owner=owners[0], query=PostingQuery(text="zebra"))
    sync()
    posting = PublishedPostingFactory(title="A b")
    # Two requests of two sets (the last one short) rather than 10,000.
    monkeypatch.setattr(alerts_search, "PAGE_SIZE", 2)
    timings: list[int] = []

    found = alerts_search.alerts_matching_posting(posting, timings=timings)

    assert found == sorted(alert.pk for alert in alerts)
    assert len(timings) == 2


def test_an_alert_whose_email_is_refused_holds_up_no_other_and_is_sent_on_the_retry(
    indices, django_capture_on_commit_callbacks
):
    people = {name: UserFactory(email=f"{name}@example.org") for name in "abc"}
    alerts = {
        name: alert_create(owner=person, query=PostingQuery(text="warehouse"))
        for name, person in people.items()
    }
    sync()

    def refuse(sender, *, emails, **kwargs):
        if alerts["b"].pk in {email.alert_id for email in emails}:
            with connection.cursor() as cursor:  # a real database error
                cursor.execute("SELECT * FROM no_such_table")

    alert_emails_queued.connect(refuse, dispatch_uid="test.refuse")
    try:
        posting = publish(warehouse_posting(), django_capture_on_commit_callbacks)
    finally:
        alert_emails_queued.disconnect(dispatch_uid="test.refuse")

    assert sorted(email.to[0] for email in alert_emails()) == ["a@example.org", "c@example.org"]
    # Nothing recorded for b: the check stays, to be retried after a wait.
    assert not AlertMatch.objects.filter(alert=alerts["b"]).exists()
    [check] = PostingCheck.objects.all()
    assert check.next_attempt_at > timezone.now()

    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        report = check_due()
    assert (report.checked, report.emailed) == (1, 1)
    assert sorted(email.to[0] for email in alert_emails()) == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]
    assert AlertMatch.objects.filter(posting=posting, sent_at__isnull=False).count() == 3
    assert not PostingCheck.objects.exists()

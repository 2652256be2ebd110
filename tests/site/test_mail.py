"""Email is queued in the database and delivered by the worker: none lost, none twice.

These tests talk SMTP to a real (local) mail server, aiosmtpd, started on a free
port (the `smtp` fixture, tests/conftest.py); "the mail server is down" means
nothing listens on that port yet.
"""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks.signals import task_enqueued

from fairsite.mail.delivery import (
    MAX_ATTEMPTS,
    deliver_due,
    new_message,
    queue_email,
    queue_message,
    queue_messages,
)
from fairsite.mail.models import OutgoingEmail

pytestmark = pytest.mark.django_db(transaction=True)


def queue(n: int) -> None:
    with transaction.atomic():
        for i in range(n):
            queue_message(
                kind="test/note",
                to=[f"person{i}@example.org"],
                subject=f"Note {i}",
                body_text=f"Hello {i}",
            )


def _queue_then_fail():
    with transaction.atomic():
        queue_message(kind="test/note", to=["a@example.org"], subject="Hi", body_text="Hello")
        raise RuntimeError("the change failed")


def test_a_rolled_back_change_sends_nothing():
    with pytest.raises(RuntimeError):
        _queue_then_fail()

    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


def test_a_committed_message_is_sent_after_commit():
    with transaction.atomic():
        queue_email(
            to="owner@example.org",
            template="jobs/email/rejected",
            context={"posting": {"title": "Cook"}, "employer": {"name": "Acme"}, "reason": "Pay?"},
        )
        assert mail.outbox == []

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Your job advert needs changes: Cook"
    assert OutgoingEmail.objects.get().sent_at is not None


def test_one_transaction_of_many_messages_starts_one_delivery_that_sends_them_all():
    started = []

    def count(sender, task_result, **kwargs):
        started.append(task_result.task.name)

    task_enqueued.connect(count)
    try:
        queue(250)  # more than one round of delivery
    finally:
        task_enqueued.disconnect(count)

    assert started == ["deliver_queued_email"]
    assert len(mail.outbox) == 250
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


def test_a_message_queued_after_a_rolled_back_savepoint_is_still_delivered():
    with transaction.atomic():
        try:
            with transaction.atomic():
                queue_message(kind="test/note", to=["a@example.org"], subject="A", body_text="a")
                raise RuntimeError("this part failed")
        except RuntimeError:
            pass
        queue_message(kind="test/note", to=["b@example.org"], subject="B", body_text="b")

    assert [message.to for message in mail.outbox] == [["b@example.org"]]


def test_a_dedupe_key_sends_at_most_once():
    for _ in range(3):
        queue_message(
            kind="test/note",
            to=["a@example.org"],
            subject="Receipt",
            body_text="Paid",
            dedupe_key="evt_1",
        )

    assert OutgoingEmail.objects.count() == 1
    assert len(mail.outbox) == 1


def test_with_the_mail_server_down_nothing_is_lost_and_each_message_goes_once(smtp):
    controller, collector = smtp

    queue(100)  # each commit tries to send at once, and fails: nothing listens yet

    assert OutgoingEmail.objects.filter(sent_at__isnull=True, attempts=1).count() == 100
    # Failed messages wait before the next try: nothing is due yet.
    assert deliver_due(limit=500).failed == 0
    controller.start()
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        report = deliver_due(limit=500)
        again = deliver_due(limit=500)

    assert (report.sent, report.failed, again.sent) == (100, 0, 0)
    recipients = sorted(rcpt for envelope in collector.messages for rcpt in envelope.rcpt_tos)
    assert recipients == sorted(f"person{i}@example.org" for i in range(100))
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


def test_two_workers_at_once_send_each_message_once(smtp):
    controller, collector = smtp
    controller.start()
    OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            to=[f"p{i}@example.org"], subject="x", body_text="y", next_attempt_at=timezone.now()
        )
        for i in range(40)
    )

    workers = [threading.Thread(target=deliver_due, kwargs={"limit": 100}) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert len(collector.messages) == 40
    assert OutgoingEmail.objects.filter(sent_at__isnull=False).count() == 40


def test_plain_text_email_is_not_html_escaped():
    queue_email(
        to="owner@example.org",
        template="jobs/email/rejected",
        context={
            "posting": {"title": "Cook & cleaner"},
            "employer": {"name": "Parcel & Pallet"},
            "reason": "Say <when> the shifts are.",
        },
    )

    message = mail.outbox[0]
    assert message.subject == "Your job advert needs changes: Cook & cleaner"
    assert "Parcel & Pallet" in message.body
    assert "Say <when> the shifts are." in message.body


def test_a_message_that_keeps_failing_is_given_up_marked_failed_and_logged(smtp, caplog):
    queue(1)  # nothing listens: the try after commit fails
    email = OutgoingEmail.objects.get()
    assert (email.attempts, email.failed_at) == (1, None)

    for attempt in range(2, MAX_ATTEMPTS + 1):
        OutgoingEmail.objects.update(next_attempt_at=timezone.now())
        assert deliver_due().failed == 1, f"attempt {attempt}"

    email.refresh_from_db()
    assert email.attempts == MAX_ATTEMPTS
    assert email.failed_at is not None
    assert email.sent_at is None
    assert email.last_error == "ConnectionRefusedError"
    assert f"gave up on {email.pk} after {MAX_ATTEMPTS} attempts" in caplog.text
    # Given up means given up: it is not tried again, even when it looks due.
    controller, collector = smtp
    controller.start()
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    assert (deliver_due().sent, deliver_due().failed) == (0, 0)
    assert collector.messages == []


def test_each_failure_waits_twice_as_long_up_to_an_hour(smtp):
    queue(1)
    waits = []
    for _ in range(9):
        OutgoingEmail.objects.update(next_attempt_at=timezone.now())
        before = timezone.now()
        deliver_due()
        waits.append(round((OutgoingEmail.objects.get().next_attempt_at - before).total_seconds()))

    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]


def note(to: str, key: str | None = None) -> OutgoingEmail:
    return new_message(kind="test/note", to=[to], subject="Note", body_text="Hi", dedupe_key=key)


def test_many_messages_at_once_go_once_per_key_and_after_commit():
    queue_message(
        kind="test/note", to=["old@example.org"], subject="Old", body_text="Hi", dedupe_key="k1"
    )
    mail.outbox.clear()
    batch = [
        note("a@example.org", "k2"),
        note("b@example.org", "k1"),  # used before
        note("c@example.org", "k2"),  # used earlier in the list
        note("d@example.org"),
        note("e@example.org"),
    ]

    with transaction.atomic():
        queued = queue_messages(batch)
        assert [email.to for email in queued] == [
            ["a@example.org"],
            ["d@example.org"],
            ["e@example.org"],
        ]
        assert mail.outbox == []

    assert sorted(message.to[0] for message in mail.outbox) == [
        "a@example.org",
        "d@example.org",
        "e@example.org",
    ]
    assert OutgoingEmail.objects.count() == 4


def test_queueing_no_messages_writes_and_starts_nothing(django_assert_num_queries):
    started = []

    def count(sender, task_result, **kwargs):
        started.append(task_result.task.name)

    task_enqueued.connect(count)
    try:
        with django_assert_num_queries(0):
            assert queue_messages([]) == []
    finally:
        task_enqueued.disconnect(count)

    assert started == []
    assert not OutgoingEmail.objects.exists()

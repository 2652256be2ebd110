"""Sent email keeps its text for a set number of days, account emails not at all;
who it went to, when and what kind stay.

Delivery is real: messages go to a real SMTP server (aiosmtpd, the `smtp`
fixture) or Django's in-memory backend, and the clean-up runs through the
worker's scheduler, as in production.
"""

import importlib
import re
from datetime import timedelta
from email import message_from_bytes

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import timezone

from fairsite.mail.delivery import deliver_due, queue_email, queue_message
from fairsite.mail.models import OutgoingEmail
from fairsite.mail.retention import sent_bodies_forget
from fairsite.scheduler import registered_jobs
from fairsite.scheduler.runner import Scheduler
from fairsite.settings import mail as mail_settings
from tests.factories import PASSWORD, UserFactory

# Transactional, so that email queued by a request goes out when it commits.
pytestmark = pytest.mark.django_db(transaction=True)

AFTER_OFFER = "We read what you told us about your conviction. It does not change our offer."


def stage_message() -> OutgoingEmail:
    """A message sent after a conditional offer, where a record may be discussed."""
    with transaction.atomic():
        queue_message(
            kind="jobs/email/application_stage",
            to=["sam@example.org"],
            subject="Offer: Cook",
            body_text=AFTER_OFFER,
            body_html=f"<p>{AFTER_OFFER}</p>",
            headers={"List-Unsubscribe": "<https://example.org/u/abc>"},
        )
    return OutgoingEmail.objects.get(kind="jobs/email/application_stage")


def delivered_text(envelope) -> str:
    """The text parts of a message as the mail server received it."""
    message = message_from_bytes(envelope.content)
    return "".join(
        part.get_payload(decode=True).decode()
        for part in message.walk()
        if part.get_content_maintype() == "text"
    )


def forget_job():
    (job,) = [job for job in registered_jobs() if job.name == "mail.forget_bodies"]
    return job


def assert_forgotten(email: OutgoingEmail) -> None:
    email.refresh_from_db()
    assert (email.body_text, email.body_html, email.headers) == ("", "", {})
    assert email.body_forgotten_at is not None


def test_a_sent_message_keeps_its_text_30_days_then_only_who_when_and_what_kind():
    email = stage_message()
    assert email.sent_at is not None
    sent_at, created_at = email.sent_at, email.created_at
    scheduler = Scheduler(jobs=[forget_job()])

    with time_machine.travel(sent_at + timedelta(days=29, hours=23)):
        scheduler.run_due()
    email.refresh_from_db()
    assert email.body_text == AFTER_OFFER
    assert email.body_forgotten_at is None

    with time_machine.travel(sent_at + timedelta(days=30, minutes=1)):
        assert scheduler.run_due() == ["mail.forget_bodies"]
    assert_forgotten(email)
    assert email.to == ["sam@example.org"]
    assert email.kind == "jobs/email/application_stage"
    assert email.subject == "Offer: Cook"
    assert (email.sent_at, email.created_at) == (sent_at, created_at)
    assert not OutgoingEmail.objects.filter(body_text__contains="conviction").exists()


def test_the_number_of_days_comes_from_the_setting(settings):
    settings.SENT_EMAIL_BODY_DAYS = 7
    email = stage_message()

    assert sent_bodies_forget(now=email.sent_at + timedelta(days=6)) == 0
    assert sent_bodies_forget(now=email.sent_at + timedelta(days=7, seconds=1)) == 1
    assert_forgotten(email)
    assert sent_bodies_forget(now=email.sent_at + timedelta(days=8)) == 0


def test_a_message_not_yet_sent_keeps_its_text_until_it_goes(smtp):
    controller, collector = smtp
    with transaction.atomic():
        queue_email(
            to="owner@example.org",
            template="jobs/email/rejected",
            context={"posting": {"title": "Cook"}, "employer": {"name": "Acme"}, "reason": "Pay?"},
        )
    email = OutgoingEmail.objects.get()
    assert email.sent_at is None  # the mail server was down

    assert sent_bodies_forget(now=timezone.now() + timedelta(days=60)) == 0
    email.refresh_from_db()
    assert "Pay?" in email.body_text
    assert email.kind == "jobs/email/rejected"

    controller.start()
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert deliver_due().sent == 1
    assert "Pay?" in delivered_text(collector.messages[0])
    email.refresh_from_db()
    assert "Pay?" in email.body_text  # kept for the set number of days, like any other


def test_a_password_reset_link_is_emailed_but_never_kept(client, forget_rate_limits):
    UserFactory(email="sam@example.org")
    mail.outbox.clear()

    response = client.post("/accounts/password/reset/", {"email": "sam@example.org"})

    assert response.status_code == 302
    (sent,) = mail.outbox
    link = re.search(r"/accounts/password/reset/key/[-\w]+/", sent.body)
    assert link
    email = OutgoingEmail.objects.get(kind="account/email/password_reset_key")
    assert email.sent_at is not None
    assert_forgotten(email)
    assert email.to == ["sam@example.org"]
    assert not OutgoingEmail.objects.filter(body_text__contains=link.group()).exists()
    assert not OutgoingEmail.objects.filter(body_html__contains=link.group()).exists()


@pytest.fixture
def forget_rate_limits():
    """allauth counts emails per address in the cache (one confirmation per address
    every few minutes): clear the count, so other tests may send to the same address."""
    yield
    cache.clear()


def test_an_email_confirmation_link_is_emailed_but_never_kept(client, forget_rate_limits):
    response = client.post(
        "/accounts/signup/",
        {"email": "retention.test@example.org", "password1": PASSWORD, "purpose": "find_work"},
    )

    assert response.status_code == 302
    (sent,) = mail.outbox
    assert re.search(r"/accounts/confirm-email/[-:\w]+/", sent.body)
    email = OutgoingEmail.objects.get(to=["retention.test@example.org"])
    assert email.kind.startswith("account/email/email_confirmation")
    assert_forgotten(email)


def test_an_account_email_that_failed_keeps_its_link_only_until_it_is_sent(
    smtp, forget_rate_limits
):
    controller, collector = smtp
    UserFactory(email="sam@example.org")
    OutgoingEmail.objects.all().delete()

    Client().post("/accounts/password/reset/", {"email": "sam@example.org"})
    email = OutgoingEmail.objects.get()
    assert email.sent_at is None
    assert "/accounts/password/reset/key/" in email.body_text

    controller.start()
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert deliver_due().sent == 1
    assert "/accounts/password/reset/key/" in delivered_text(collector.messages[0])
    assert_forgotten(email)


@pytest.fixture
def reload_mail_settings(monkeypatch):
    yield monkeypatch
    monkeypatch.undo()
    importlib.reload(mail_settings)


def test_the_setting_is_a_whole_number_of_days_30_unless_set(reload_mail_settings):
    reload_mail_settings.delenv("SENT_EMAIL_BODY_DAYS", raising=False)
    assert importlib.reload(mail_settings).SENT_EMAIL_BODY_DAYS == 30
    reload_mail_settings.setenv("SENT_EMAIL_BODY_DAYS", "14")
    assert importlib.reload(mail_settings).SENT_EMAIL_BODY_DAYS == 14
    for wrong in ("a month", "-1"):
        reload_mail_settings.setenv("SENT_EMAIL_BODY_DAYS", wrong)
        with pytest.raises(SystemExit, match="SENT_EMAIL_BODY_DAYS must be"):
            importlib.reload(mail_settings)

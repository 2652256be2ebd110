"""Application emails go through the database queue to a real SMTP server
(aiosmtpd, the `smtp` fixture): with the server down none is lost, and once it
is back each is delivered exactly once."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from fairsite.mail.delivery import deliver_due
from fairsite.mail.models import OutgoingEmail
from jobs.applications import services
from jobs.applications.models import Application
from tests.factories import ApplicationFactory, OwnerFactory, PublishedPostingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_with_the_mail_server_down_100_notifications_are_kept_and_each_goes_once(smtp):
    controller, collector = smtp
    owner = OwnerFactory()
    posting = PublishedPostingFactory(employer=owner.employer, title="Warehouse operative")
    ApplicationFactory.create_batch(100, posting=posting)
    applications = list(Application.objects.filter(posting=posting))

    # One bulk move queues 100 emails; the send right after commit fails: no server yet.
    services.applications_move(
        applications=applications, to="interview", by=owner.user, message="Tuesday?"
    )

    queued = OutgoingEmail.objects.filter(subject="Interview: Warehouse operative")
    assert queued.count() == 100
    assert queued.filter(sent_at__isnull=True, attempts=1).count() == 100
    # Moving them again is refused, so nothing more is queued.
    with pytest.raises(services.StageMoveNotAllowed):
        services.applications_move(applications=applications, to="interview", by=owner.user)
    assert OutgoingEmail.objects.count() == 100

    controller.start()
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        report = deliver_due(limit=500)
        again = deliver_due(limit=500)

    assert (report.sent, report.failed, again.sent) == (100, 0, 0)
    recipients = sorted(rcpt for envelope in collector.messages for rcpt in envelope.rcpt_tos)
    assert recipients == sorted(a.candidate.email for a in applications)
    assert all(b"Tuesday?" in envelope.content for envelope in collector.messages)
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()

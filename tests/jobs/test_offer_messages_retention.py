"""Messages sent with or after an offer may talk about a record: they are kept only
as long as the email that carried them, then the stage change alone stays."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.applications.models import ApplicationEvent
from jobs.applications.services import application_move, offer_messages_forget
from tests.factories import (
    ApplicationFactory,
    OwnerFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
)

pytestmark = pytest.mark.django_db

ABOUT_THE_CHECK = "Please tell us about the conviction the check showed."


def _application():
    owner = OwnerFactory(employer=VerifiedEmployerFactory())
    posting = PublishedPostingFactory(employer=owner.employer, created_by=owner.user)
    return ApplicationFactory(posting=posting), owner.user


def _offer_then_withdraw(application, by):
    application_move(application=application, to="interview", by=by, message="See you Monday.")
    application_move(
        application=application,
        to="offer",
        by=by,
        offer_is_conditional=True,
        message="The job is yours once the check is back. " + ABOUT_THE_CHECK,
    )
    application_move(application=application, to="rejected", by=by, message=ABOUT_THE_CHECK)


def _age(application, days):
    """Moves the events back in time, a minute apart, in the order they happened."""
    events = list(ApplicationEvent.objects.filter(application=application).order_by("pk"))
    for minutes, event in enumerate(reversed(events)):
        event.created_at = timezone.now() - timedelta(days=days, minutes=minutes)
        event.save(update_fields=["created_at"])


def _messages(application):
    return list(application.events.order_by("pk").values_list("to_stage", "message"))


def test_messages_from_the_offer_on_are_forgotten_after_the_email_days(settings):
    settings.SENT_EMAIL_BODY_DAYS = 30
    old, by = _application()
    recent, recent_by = _application()
    _offer_then_withdraw(old, by)
    _offer_then_withdraw(recent, recent_by)
    _age(old, 31)
    _age(recent, 29)

    forgotten = offer_messages_forget()

    assert forgotten == 2
    assert _messages(old) == [
        ("interview", "See you Monday."),
        ("offer", ""),
        ("rejected", ""),
    ]
    assert ABOUT_THE_CHECK in _messages(recent)[2][1]
    assert offer_messages_forget() == 0


def test_messages_before_any_offer_stay(settings):
    settings.SENT_EMAIL_BODY_DAYS = 1
    application, by = _application()
    application_move(application=application, to="interview", by=by, message="See you Monday.")
    application_move(application=application, to="rejected", by=by, message="We chose another.")
    _age(application, 400)

    assert offer_messages_forget() == 0
    assert [message for _stage, message in _messages(application)] == [
        "See you Monday.",
        "We chose another.",
    ]

"""The one-click unsubscribe link in every alert email: no sign-in, works once,
and cannot be altered to stop anyone else's alert."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.test import Client

from candidates.alerts.emails import UNSUBSCRIBE_SALT, queue_instant_email, unsubscribe_token
from candidates.alerts.models import Alert
from candidates.alerts.services import alert_resume
from fairsite.mail.models import OutgoingEmail
from tests.alerts.factories import AlertFactory
from tests.factories import PublishedPostingFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def emailed_link(alert) -> str:
    """The unsubscribe path of a real alert email, as its owner would follow it."""
    queue_instant_email(alert, PublishedPostingFactory())
    email = OutgoingEmail.objects.filter(to=[alert.owner.email]).latest("pk")
    [url] = re.findall(r"https?://\S+/alerts/unsubscribe/\S+/", email.body_text)
    assert email.headers["List-Unsubscribe"] == f"<{url}>"
    assert f'href="{url}"' in email.body_html
    return urlsplit(url).path


@pytest.fixture
def mail_program():
    """A client with no session that checks CSRF, like a mail program's one-click POST."""
    return Client(enforce_csrf_checks=True)


def test_opening_the_link_asks_first_and_changes_nothing(mail_program):
    alert = AlertFactory(name="Cooks near Leeds")

    response = mail_program.get(emailed_link(alert))

    assert response.status_code == 200
    page = parse(response)
    assert "Cooks near Leeds" in page.h1.get_text()
    assert page.select_one("form[method=post] button")
    alert.refresh_from_db()
    assert not alert.is_paused


def test_the_link_stops_the_alert_without_signing_in_and_works_once(mail_program):
    alert = AlertFactory()
    link = emailed_link(alert)

    first = mail_program.post(link, {"List-Unsubscribe": "One-Click"})
    alert.refresh_from_db()
    assert first.status_code == 200
    assert "You won't get emails for this alert any more" in first.content.decode()
    assert alert.is_paused

    # Its owner starts it again: the used link (followed again, or by a mail
    # program's second try) no longer stops it.
    alert_resume(alert=alert)
    second = mail_program.post(link)
    third = mail_program.get(link)

    alert.refresh_from_db()
    assert not alert.is_paused
    assert second.status_code == third.status_code == 410
    assert "This link has been used already" in second.content.decode()
    # A new email has a new link, which works.
    assert mail_program.post(emailed_link(alert)).status_code == 200
    alert.refresh_from_db()
    assert alert.is_paused


def test_an_altered_link_is_refused_and_stops_nothing(mail_program):
    mine, theirs = AlertFactory(), AlertFactory()
    link = emailed_link(mine)
    token = link.rstrip("/").rsplit("/", 1)[1]

    # Another alert's number with this link's signature, a cut-short link, a
    # made-up one, and one signed without our secret.
    forged = signing.dumps([theirs.pk, theirs.owner_id, 0], salt=UNSUBSCRIBE_SALT, key="guess")
    other_salt = signing.dumps([theirs.pk, theirs.owner_id, 0], compress=True)
    swapped = unsubscribe_token(theirs).split(":")[0] + ":" + token.split(":", 1)[1]
    for bad in (token[:-3], "nonsense", forged, other_salt, swapped, token + "x"):
        response = mail_program.post(f"/alerts/unsubscribe/{bad}/")
        assert response.status_code == 400, bad
        assert "This link doesn't work" in response.content.decode()

    assert not Alert.objects.filter(is_paused=True).exists()


def test_a_link_for_an_alert_deleted_since_says_so(mail_program):
    alert = AlertFactory()
    link = emailed_link(alert)
    alert.delete()

    response = mail_program.post(link)

    assert response.status_code == 404
    assert "This job alert no longer exists" in response.content.decode()

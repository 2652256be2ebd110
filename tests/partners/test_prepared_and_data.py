"""A case worker saves jobs and gets applications ready; only the seeker sends one,
with their own note. Delegations are exported with, and deleted with, either account."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.alerts.digests import send_due_digests
from candidates.alerts.emails import queue_instant_email
from candidates.alerts.models import Alert, AlertMatch
from candidates.models import SavedJob
from fairsite.accounts.services import account_delete, account_export
from fairsite.mail.models import OutgoingEmail
from jobs.applications.models import Application
from partners import alert_copies, case_work, services
from partners.models import (
    AccessCode,
    Activity,
    EmailInvitation,
    Grant,
    JobNote,
    PreparedApplication,
)
from tests.factories import ApplicationFactory, PublishedPostingFactory, UserFactory
from tests.partners.factories import CaseWorkerFactory, GrantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grant():
    return GrantFactory(may_save_jobs=True)


@pytest.fixture
def posting():
    return PublishedPostingFactory(title="Forklift driver")


def test_prepare_then_the_seeker_sends_it_with_their_own_note(client, grant, posting):
    client.force_login(grant.case_worker)
    response = client.post(
        reverse("partners:prepare", args=[grant.public_id, posting.pk]),
        {"note": "Say you have a forklift licence.", "cv_choice": "none"},
    )
    assert response.status_code == 302
    prepared = PreparedApplication.objects.get()
    assert not Application.objects.exists()  # a case worker never applies
    assert OutgoingEmail.objects.filter(kind="partners/email/prepared", to=[grant.seeker.email])

    client.force_login(grant.seeker)
    url = reverse("partners:prepared", args=[prepared.pk])
    page = client.get(url).content.decode()
    assert "Say you have a forklift licence." in page
    response = client.post(url, {"cover_note": "I drove forklifts for five years."})
    application = Application.objects.get()
    assert response["Location"] == application.get_absolute_url()
    assert application.candidate == grant.seeker
    assert application.cover_note == "I drove forklifts for five years."
    assert "forklift licence" not in application.cover_note  # the worker's note stays theirs
    prepared.refresh_from_db()
    assert prepared.sent_at
    assert prepared.application == application
    assert client.get(url).status_code == 404  # sent: no longer waiting


def test_the_prepared_page_is_the_seekers_alone(client, grant, posting):
    prepared = case_work.application_prepare(
        grant=grant, posting=posting, note="Check the hours.", cv_choice="profile"
    )
    for user in (grant.case_worker, UserFactory()):
        client.force_login(user)
        url = reverse("partners:prepared", args=[prepared.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"cover_note": "x"}).status_code == 404
    assert not Application.objects.exists()


def test_bad_input_on_the_send_form_keeps_what_was_typed(client, grant, posting):
    prepared = case_work.application_prepare(
        grant=grant, posting=posting, note="Check the hours.", cv_choice="profile"
    )
    client.force_login(grant.seeker)
    response = client.post(
        reverse("partners:prepared", args=[prepared.pk]), {"cover_note": "Hello " * 400}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not Application.objects.exists()


def test_setting_aside_sends_nothing(client, grant, posting):
    prepared = case_work.application_prepare(
        grant=grant, posting=posting, note="Check the hours.", cv_choice="profile"
    )
    client.force_login(grant.seeker)
    client.post(reverse("partners:prepared-dismiss", args=[prepared.pk]))
    prepared.refresh_from_db()
    assert prepared.dismissed_at
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cv_choice": "profile"}, "Write a note to help them"),
        ({"note": "x" * 2001, "cv_choice": "profile"}, "2000 characters or fewer"),
        ({"note": "Fine", "cv_choice": "upload"}, "Choose whether to send their CV"),
        ({"note": "Fine"}, "Choose whether to send their CV"),
    ],
)
def test_bad_input_on_the_prepare_form(client, grant, posting, data, message):
    client.force_login(grant.case_worker)
    response = client.post(reverse("partners:prepare", args=[grant.public_id, posting.pk]), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert message in page
    assert not PreparedApplication.objects.exists()


def test_preparing_twice_or_after_applying_is_explained(client, grant, posting):
    client.force_login(grant.case_worker)
    url = reverse("partners:prepare", args=[grant.public_id, posting.pk])
    client.post(url, {"note": "One", "cv_choice": "profile"})
    response = client.post(url, {"note": "Two", "cv_choice": "profile"})
    assert "already waiting for them" in response.content.decode()
    other = PublishedPostingFactory(title="Packer")
    ApplicationFactory(candidate=grant.seeker, posting=other)
    response = client.post(
        reverse("partners:prepare", args=[grant.public_id, other.pk]),
        {"note": "One", "cv_choice": "profile"},
    )
    assert "already applied" in response.content.decode()
    assert PreparedApplication.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [({}, "Write a short note"), ({"note": "x" * 1001}, "1000 characters or fewer")],
)
def test_bad_input_on_the_save_form(client, grant, posting, data, message):
    client.force_login(grant.case_worker)
    url = reverse("partners:save-job", args=[grant.public_id, posting.pk])
    response = client.post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SavedJob.objects.exists()
    assert not JobNote.objects.exists()


def test_a_closed_posting_cannot_be_saved_or_prepared(client, grant):
    closed = PublishedPostingFactory(expires_at=timezone.now() - timedelta(hours=1))
    client.force_login(grant.case_worker)
    for name in ("partners:save-job", "partners:prepare"):
        url = reverse(name, args=[grant.public_id, closed.pk])
        assert client.post(url, {"note": "x", "cv_choice": "profile"}).status_code == 404


def test_alert_copies_go_only_to_case_workers_allowed_and_without_the_unsubscribe_link(posting):
    allowed = GrantFactory(may_get_alerts=True)
    seeker = allowed.seeker
    GrantFactory(seeker=seeker, may_get_alerts=False)
    ended = GrantFactory(seeker=seeker, may_get_alerts=True)
    services.grant_end(grant=ended, by=seeker)
    alert = Alert.objects.create(owner=seeker, name="Forklift jobs", text="forklift")
    queue_instant_email(alert, posting)
    copies = OutgoingEmail.objects.filter(kind="partners/email/alert_copy")
    assert [c.to for c in copies] == [[allowed.case_worker.email]]
    assert "Forklift driver" in copies[0].body_text
    assert "unsubscribe" not in copies[0].body_text.lower()
    assert not copies[0].headers
    assert Activity.objects.filter(grant=allowed, kind="alert_copy").count() == 1
    queue_instant_email(alert, posting)  # the same email again: no second copy
    assert copies.count() == 1


def test_a_digest_run_copies_each_seekers_digest_to_their_own_case_workers_only(posting):
    allowed = GrantFactory(may_get_alerts=True)
    other = GrantFactory(may_get_alerts=True)
    GrantFactory(seeker=other.seeker, may_get_alerts=True)
    without = UserFactory()
    two_days_ago = timezone.now() - timedelta(days=2)
    alerts = [
        Alert.objects.create(
            owner=owner,
            name="Forklift",
            text="forklift",
            frequency="daily",
            last_digest_at=two_days_ago,
        )
        for owner in (allowed.seeker, other.seeker, without)
    ]
    AlertMatch.objects.bulk_create(AlertMatch(alert=alert, posting=posting) for alert in alerts)

    with CaptureQueriesContext(connection) as queries:
        assert send_due_digests().emails == 3

    copies = OutgoingEmail.objects.filter(kind="partners/email/alert_copy")
    sent_to = sorted(email for copy in copies for email in copy.to)
    others = other.seeker.grants_given.all()
    assert sent_to == sorted([allowed.case_worker.email, *(g.case_worker.email for g in others)])
    assert all("Forklift driver" in copy.body_text for copy in copies)
    # The case workers' access is read once for the whole batch, not once an email.
    grant_table = Grant._meta.db_table
    reads = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    assert len([sql for sql in reads if f'FROM "{grant_table}"' in sql]) == 1


def test_a_copy_that_cannot_be_written_holds_up_only_its_seekers_digest(posting, monkeypatch):
    failing = GrantFactory(may_get_alerts=True)
    working = GrantFactory(may_get_alerts=True)
    two_days_ago = timezone.now() - timedelta(days=2)
    alerts = [
        Alert.objects.create(
            owner=grant.seeker,
            name="Forklift",
            text="forklift",
            frequency="daily",
            last_digest_at=two_days_ago,
        )
        for grant in (failing, working)
    ]
    AlertMatch.objects.bulk_create(AlertMatch(alert=alert, posting=posting) for alert in alerts)
    write = alert_copies.queue_email

    def write_or_fail(*, to, **kwargs):
        if to == failing.case_worker.email:
            with connection.cursor() as cursor:  # a real database error
                cursor.execute("SELECT * FROM no_such_table")
        return write(to=to, **kwargs)

    monkeypatch.setattr(alert_copies, "queue_email", write_or_fail)
    assert send_due_digests().emails == 1

    sent = OutgoingEmail.objects.order_by("pk")
    assert [email.to for email in sent] == [[working.seeker.email], [working.case_worker.email]]
    # The failing copy's seeker gets neither email nor copy yet: both wait.
    assert list(
        AlertMatch.objects.filter(sent_at__isnull=True).values_list("alert", flat=True)
    ) == [alerts[0].pk]
    monkeypatch.setattr(alert_copies, "queue_email", write)
    assert send_due_digests().emails == 1
    assert OutgoingEmail.objects.filter(to=[failing.case_worker.email]).count() == 1


def _export(user) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(account_export(user=user)))
    return json.loads(archive.read("data.json"))["data"]


@pytest.fixture
def delegation(grant, posting):
    case_work.job_save_for(grant=grant, posting=posting, note="Near your bus stop.")
    case_work.application_prepare(
        grant=grant, posting=posting, note="Check the hours.", cv_choice="profile"
    )
    services.invitation_send(
        seeker=grant.seeker,
        email="another.worker@example.org",
        permissions={"may_see_matches": True},
        months=6,
    )
    services.code_create(case_worker=grant.case_worker, organisation=grant.organisation)
    return grant


def test_the_seekers_export_holds_their_delegations(delegation):
    data = _export(delegation.seeker)
    for label in (
        "partners.Grant",
        "partners.Activity",
        "partners.JobNote",
        "partners.PreparedApplication",
        "partners.EmailInvitation",
    ):
        assert data.get(label), f"{label} missing from the seeker's export"
    assert data["partners.JobNote"][0]["text"] == "Near your bus stop."
    assert "token" not in data["partners.EmailInvitation"][0]


def test_the_case_workers_export_holds_the_access_they_held(delegation):
    data = _export(delegation.case_worker)
    assert data["partners.Grant"][0]["may_save_jobs"] is True
    assert data.get("partners.AccessCode")
    assert "code" not in data["partners.AccessCode"][0]


@pytest.mark.parametrize("who", ["seeker", "case_worker"])
def test_deleting_either_account_deletes_the_delegation(delegation, who):
    seeker, worker = delegation.seeker, delegation.case_worker
    account_delete(user=getattr(delegation, who))
    assert not Grant.objects.exists()
    assert not Activity.objects.exists()
    assert not JobNote.objects.exists()
    assert not PreparedApplication.objects.exists()
    if who == "seeker":
        assert not EmailInvitation.objects.exists()
    else:
        assert not AccessCode.objects.exists()
        # The seeker's own saved job stays theirs.
        assert SavedJob.objects.filter(user=seeker).exists()
    assert not type(worker).objects.filter(pk=getattr(delegation, f"{who}_id")).exists()


def test_a_former_case_worker_of_an_organisation_is_deleted_without_blocking():
    membership = CaseWorkerFactory()
    account_delete(user=membership.user)
    assert not Grant.objects.exists()

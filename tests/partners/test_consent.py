"""Giving access (by email, by code), its emails, the activity list, expiry and
its reminder, and bad input on every form of the seeker's and the case worker's."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from fairsite.mail.models import OutgoingEmail
from partners import case_work, services
from partners.models import AccessCode, Activity, EmailInvitation, EndReason, Grant
from tests.factories import CandidateProfileFactory, EditorFactory, UserFactory
from tests.partners.factories import CaseWorkerFactory, GrantFactory, ReentryOrganisationFactory

pytestmark = pytest.mark.django_db

CHOICES = {"may_see_matches": "on", "may_save_jobs": "on", "months": "6"}


def _kinds(to):
    return [
        e.kind
        for e in OutgoingEmail.objects.order_by("id")
        if to.lower() in [a.lower() for a in e.to]
    ]


def test_invite_by_email_then_accept_starts_access_and_emails_both(client):
    seeker = CandidateProfileFactory().user
    worker = CaseWorkerFactory(user__email="worker@reentry.example").user
    client.force_login(seeker)
    response = client.post(
        reverse("partners:invite"),
        {
            "invite-email": "Worker@reentry.example",
            "invite-may_see_matches": "on",
            "invite-months": "3",
        },
    )
    assert response.status_code == 302
    invitation = EmailInvitation.objects.get()
    assert invitation.may_see_matches
    assert not invitation.may_save_jobs
    assert _kinds("worker@reentry.example") == ["partners/email/invitation"]
    email = OutgoingEmail.objects.get(kind="partners/email/invitation")
    assert invitation.token in email.body_text

    client.force_login(worker)
    url = reverse("partners:invitation-accept", args=[invitation.token])
    assert client.get(url).status_code == 200
    organisation = worker.memberships.get().employer.reentry
    response = client.post(url, {"organisation": organisation.pk})
    grant = Grant.objects.get()
    assert response["Location"] == reverse("partners:person", args=[grant.public_id])
    assert grant.seeker == seeker
    assert grant.case_worker == worker
    assert 85 <= (grant.expires_at - grant.started_at).days <= 95
    assert "partners/email/started" in _kinds(seeker.email)
    assert "partners/email/started_case_worker" in _kinds(worker.email)
    assert Activity.objects.filter(grant=grant, kind="started").exists()

    # The link works once.
    response = client.post(url, {"organisation": organisation.pk})
    assert response.status_code == 400
    assert "has been used or has expired" in response.content.decode()
    assert Grant.objects.count() == 1


def test_an_invitation_expires_and_works_only_for_its_address(client):
    seeker = UserFactory()
    worker = CaseWorkerFactory().user
    invitation = services.invitation_send(
        seeker=seeker, email=worker.email, permissions={"may_see_matches": True}, months=6
    )
    organisation = worker.memberships.get().employer.reentry
    stranger = CaseWorkerFactory().user
    client.force_login(stranger)
    url = reverse("partners:invitation-accept", args=[invitation.token])
    assert "different email address" in client.get(url).content.decode()
    EmailInvitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=15)
    )
    client.force_login(worker)
    response = client.post(url, {"organisation": organisation.pk})
    assert "has been used or has expired" in response.content.decode()
    assert not Grant.objects.exists()


def test_an_unverified_organisations_worker_cannot_accept(client):
    seeker = UserFactory()
    membership = CaseWorkerFactory()
    membership.employer.reentry.verification_status = "pending"
    membership.employer.reentry.save()
    invitation = services.invitation_send(
        seeker=seeker, email=membership.user.email, permissions={"may_see_matches": True}, months=6
    )
    client.force_login(membership.user)
    url = reverse("partners:invitation-accept", args=[invitation.token])
    assert "reentry organisation that we have verified" in client.get(url).content.decode()
    client.post(url, {"organisation": membership.employer.reentry.pk})
    assert not Grant.objects.exists()


def test_a_code_from_the_case_worker_gives_access_once(client):
    worker = CaseWorkerFactory().user
    client.force_login(worker)
    organisation = worker.memberships.get().employer.reentry
    client.post(reverse("partners:code-create"), {"organisation": organisation.pk})
    code = AccessCode.objects.get(case_worker=worker)
    assert code.code in client.get(reverse("partners:caseload")).content.decode()

    seeker = CandidateProfileFactory().user
    client.force_login(seeker)
    spaced = f"{code.code[:4].lower()} {code.code[4:]}"
    response = client.post(
        reverse("partners:redeem-code"),
        {"code-code": spaced, "code-may_see_matches": "on", "code-months": "6"},
    )
    assert response.status_code == 302
    grant = Grant.objects.get()
    assert grant.case_worker == worker
    assert grant.may_see_matches
    assert not grant.may_get_alerts
    assert 180 <= (grant.expires_at - grant.started_at).days <= 185  # six months by default

    other = UserFactory()
    client.force_login(other)
    response = client.post(
        reverse("partners:redeem-code"),
        {"code-code": code.code, "code-may_see_matches": "on", "code-months": "6"},
    )
    assert response.status_code == 400
    assert "has been used or has expired" in response.content.decode()
    assert Grant.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"code-months": "6", "code-may_see_matches": "on"}, "code", "Enter the code"),
        (
            {"code-code": "ABC", "code-months": "6", "code-may_see_matches": "on"},
            "code",
            "The code has 8 letters",
        ),
        (
            {"code-code": "ZZZZ2222", "code-months": "6", "code-may_see_matches": "on"},
            "code",
            "know this code, or it has been used",
        ),
        (
            {"code-code": "ZZZZ2222", "code-months": "6"},
            "may_see_matches",
            "Choose at least one thing",
        ),
        (
            {"code-code": "ZZZZ2222", "code-months": "7", "code-may_see_matches": "on"},
            "months",
            "Choose how long",
        ),
    ],
)
def test_bad_code_input_is_explained_and_kept(client, data, field, message):
    client.force_login(UserFactory())
    response = client.post(reverse("partners:redeem-code"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert message in page
    assert f'id="id_code-{field}_error"' in page
    if "code-code" in data:
        assert f'value="{data["code-code"]}"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"invite-may_see_matches": "on", "invite-months": "6"}, "Enter your case worker"),
        (
            {
                "invite-email": "not an address",
                "invite-may_see_matches": "on",
                "invite-months": "6",
            },
            "Enter an email address like",
        ),
        ({"invite-email": "cw@example.org", "invite-months": "6"}, "Choose at least one thing"),
        ({"invite-email": "cw@example.org", "invite-may_see_matches": "on"}, "Choose how long"),
    ],
)
def test_bad_invitation_input_is_explained_and_kept(client, data, message):
    client.force_login(UserFactory())
    response = client.post(reverse("partners:invite"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert message in page
    assert not EmailInvitation.objects.exists()
    if data.get("invite-email"):
        assert f'value="{data["invite-email"]}"' in page


def test_inviting_yourself_is_refused(client):
    seeker = UserFactory()
    client.force_login(seeker)
    response = client.post(
        reverse("partners:invite"),
        {"invite-email": seeker.email, "invite-may_see_matches": "on", "invite-months": "6"},
    )
    assert "not your own" in response.content.decode()


def test_code_form_of_the_case_worker_refuses_an_organisation_not_theirs(client):
    worker = CaseWorkerFactory().user
    other = ReentryOrganisationFactory()
    client.force_login(worker)
    response = client.post(reverse("partners:code-create"), {"organisation": other.pk})
    assert response.status_code == 400
    assert "Choose your organisation" in response.content.decode()
    response = client.post(reverse("partners:code-create"), {})
    assert response.status_code == 400
    assert not AccessCode.objects.exists()


def test_the_seeker_ends_access_and_both_are_emailed(client):
    grant = GrantFactory()
    client.force_login(grant.seeker)
    page = client.get(reverse("partners:access")).content.decode()
    assert grant.case_worker.email in page or grant.case_worker.get_full_name() in page
    client.post(reverse("partners:end", args=[grant.public_id]))
    grant.refresh_from_db()
    assert grant.ended_at is not None
    assert grant.ended_reason == EndReason.SEEKER
    assert "partners/email/ended" in _kinds(grant.seeker.email)
    assert "partners/email/ended_case_worker" in _kinds(grant.case_worker.email)
    assert not Grant.objects.current().filter(pk=grant.pk).exists()


def test_unverifying_the_organisation_ends_its_grants_and_tells_both(client):
    grant = GrantFactory()
    colleague = GrantFactory(membership__employer=grant.organisation.employer)
    already_ended = GrantFactory(membership__employer=grant.organisation.employer)
    services.grant_end(grant=already_ended, by=already_ended.seeker)
    elsewhere = GrantFactory()
    OutgoingEmail.objects.all().delete()

    services.reentry_unverify(organisation=grant.organisation, by=EditorFactory())

    for ended in (grant, colleague):
        ended.refresh_from_db()
        assert ended.ended_reason == EndReason.ORGANISATION
        assert _kinds(ended.seeker.email) == ["partners/email/ended"]
        assert _kinds(ended.case_worker.email) == ["partners/email/ended_case_worker"]
        assert Activity.objects.filter(grant=ended, kind="ended").exists()
    already_ended.refresh_from_db()
    assert already_ended.ended_reason == EndReason.SEEKER
    assert not _kinds(already_ended.seeker.email)
    assert Grant.objects.current().get() == elsewhere
    [email] = [
        e
        for e in OutgoingEmail.objects.filter(kind="partners/email/ended")
        if e.to == [grant.seeker.email]
    ]
    assert "their organisation is no longer verified" in email.body_text
    # Verified again, the organisation gets nobody's access back by itself.
    services.reentry_verify(organisation=grant.organisation, by=EditorFactory())
    assert Grant.objects.current().get() == elsewhere
    client.force_login(grant.seeker)
    page = client.get(reverse("partners:access")).content.decode()
    assert "their organisation is no longer verified" in page


def test_someone_else_cannot_end_a_grant(client):
    grant = GrantFactory()
    client.force_login(UserFactory())
    assert client.post(reverse("partners:end", args=[grant.public_id])).status_code == 404
    grant.refresh_from_db()
    assert grant.ended_at is None


def test_reminder_before_expiry_and_emails_after_it():
    now = timezone.now()
    soon = GrantFactory(expires_at=now + timedelta(days=10))
    later = GrantFactory(expires_at=now + timedelta(days=60))
    gone = GrantFactory(expires_at=now - timedelta(minutes=5))
    services.grants_remind_and_close(now=now)
    services.grants_remind_and_close(now=now)  # twice: still one of each
    assert _kinds(soon.seeker.email).count("partners/email/reminder") == 1
    assert "partners/email/reminder" not in _kinds(later.seeker.email)
    assert _kinds(gone.seeker.email).count("partners/email/ended") == 1
    gone.refresh_from_db()
    assert gone.ended_reason == EndReason.EXPIRED
    assert Activity.objects.filter(grant=soon, kind="reminded").count() == 1


def test_the_seekers_page_lists_what_the_case_worker_did(client, es):
    from tests.factories import PublishedPostingFactory

    grant = GrantFactory(may_save_jobs=True)
    posting = PublishedPostingFactory(title="Kitchen porter")
    case_work.job_save_for(grant=grant, posting=posting, note="Two buses from your place.")
    client.force_login(grant.case_worker)
    client.get(reverse("partners:person", args=[grant.public_id]))
    client.force_login(grant.seeker)
    page = client.get(reverse("partners:access")).content.decode()
    assert "Saved a job for you: Kitchen porter" in page
    assert "Looked at your jobs" in page
    assert "Two buses from your place." in page
    saved = client.get(reverse("candidates:saved-jobs")).content.decode()
    assert "Kitchen porter" in saved


def test_codes_cannot_be_guessed_by_trying_many(client):
    client.force_login(UserFactory())
    data = {"code-code": "ZZZZ2222", "code-months": "6", "code-may_see_matches": "on"}
    # Tries are counted in windows of a clock minute: the clock stands still
    # here, or a run that crosses into the next minute starts counting again.
    with time_machine.travel(timezone.now().replace(second=10), tick=False):
        statuses = [
            client.post(reverse("partners:redeem-code"), data).status_code for _ in range(6)
        ]
        refused = client.post(reverse("partners:redeem-code"), data).content.decode()

    assert statuses == [400] * 5 + [429]
    assert "tried too many codes" in refused


def test_bad_input_on_the_accept_form(client):
    worker = CaseWorkerFactory().user
    invitation = services.invitation_send(
        seeker=UserFactory(), email=worker.email, permissions={"may_see_matches": True}, months=6
    )
    url = reverse("partners:invitation-accept", args=[invitation.token])
    client.force_login(worker)
    for data in ({}, {"organisation": ReentryOrganisationFactory().pk}, {"organisation": "x"}):
        response = client.post(url, data)
        assert response.status_code == 400
        assert "Choose your organisation" in response.content.decode()
    assert not Grant.objects.exists()


def test_the_reminder_job_is_scheduled():
    from fairsite.scheduler import registered_jobs

    assert "partners.grants_remind_and_close" in {job.name for job in registered_jobs()}

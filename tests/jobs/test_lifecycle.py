"""Every move of a posting's life goes through one service that enforces it."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from fairsite.mail.models import OutgoingEmail
from jobs import services
from jobs.models import JobPosting, PostingEvent, Status
from tests.factories import (
    DraftPostingFactory,
    EditorFactory,
    EmployerWithoutPolicyFactory,
    ExpiredPostingFactory,
    OwnerFactory,
    PendingPostingFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
    credential,
)

pytestmark = pytest.mark.django_db

SERVICE_FOR_MOVE = {
    "submit": lambda p, by: services.posting_submit(posting=p, by=by, accept_flags=True),
    "approve": lambda p, by: services.posting_approve(posting=p, by=by),
    "reject": lambda p, by: services.posting_reject(posting=p, by=by, reason="Too vague."),
    "pause": lambda p, by: services.posting_pause(posting=p, by=by),
    "resume": lambda p, by: services.posting_resume(posting=p, by=by),
    "mark as filled": lambda p, by: services.posting_mark_filled(posting=p, by=by),
    "close": lambda p, by: services.posting_close(posting=p, by=by),
    "relist": lambda p, by: services.posting_relist(posting=p, by=by),
}
ILLEGAL = [
    (move, status)
    for move in SERVICE_FOR_MOVE
    for status in Status.values
    if status not in services.MOVES[move]
]


@pytest.fixture
def editor():
    return EditorFactory()


def owned_posting(factory=DraftPostingFactory, **kwargs):
    posting = factory(**kwargs)
    owner = OwnerFactory(employer=posting.employer)
    posting.created_by = owner.user
    posting.save()
    return posting, owner.user


@pytest.mark.parametrize(("move", "status"), ILLEGAL)
def test_illegal_moves_are_refused_with_a_clear_message(move, status, editor):
    posting = DraftPostingFactory(status=status, expires_at=timezone.now() + timedelta(days=5))

    with pytest.raises(services.TransitionNotAllowed) as refused:
        SERVICE_FOR_MOVE[move](posting, editor)

    assert "can't" in refused.value.messages[0]
    assert JobPosting.objects.get(pk=posting.pk).status == status


def test_submitting_a_draft_sends_it_for_review_and_records_who(editor):
    posting, owner = owned_posting()

    services.posting_submit(posting=posting, by=owner)

    posting.refresh_from_db()
    assert posting.status == Status.PENDING_REVIEW
    event = posting.events.last()
    assert (event.from_status, event.to_status, event.actor) == (
        Status.DRAFT,
        Status.PENDING_REVIEW,
        owner,
    )


def test_a_rejected_posting_can_be_changed_and_submitted_again(editor):
    posting, owner = owned_posting(PendingPostingFactory)
    services.posting_reject(posting=posting, by=editor, reason="Add the hours.")
    services.posting_update(
        posting=posting,
        by=owner,
        fields={"description": "<p>Monday to Friday, 8am to 4pm.</p>"},
    )

    services.posting_submit(posting=posting, by=owner)

    assert posting.status == Status.PENDING_REVIEW
    assert posting.rejection_reason == ""


def test_a_posting_needs_a_fair_chance_policy_before_review():
    posting, owner = owned_posting(employer=EmployerWithoutPolicyFactory())

    with pytest.raises(ValidationError, match="fair-chance policy"):
        services.posting_submit(posting=posting, by=owner)
    assert JobPosting.objects.get(pk=posting.pk).status == Status.DRAFT


def test_flagged_wording_must_be_accepted_before_submitting():
    posting, owner = owned_posting(title="Driver (must pass a background check)")

    with pytest.raises(ValidationError, match="wording"):
        services.posting_submit(posting=posting, by=owner)
    services.posting_submit(posting=posting, by=owner, accept_flags=True)

    assert posting.status == Status.PENDING_REVIEW


def test_verified_auto_approved_employer_goes_live_at_once_with_a_default_closing_date():
    employer = VerifiedEmployerFactory(auto_approve_postings=True)
    posting, owner = owned_posting(employer=employer)

    services.posting_submit(posting=posting, by=owner)

    assert posting.status == Status.PUBLISHED
    assert posting.expires_at - posting.published_at == timedelta(days=30)
    assert JobPosting.objects.visible().filter(pk=posting.pk).exists()


def test_auto_approval_never_skips_review_of_flagged_wording():
    employer = VerifiedEmployerFactory(auto_approve_postings=True)
    posting, owner = owned_posting(employer=employer, title="Cook: no felons")

    services.posting_submit(posting=posting, by=owner, accept_flags=True)

    assert posting.status == Status.PENDING_REVIEW


def test_approving_publishes_and_emails_the_employer_only_after_commit(
    editor, django_capture_on_commit_callbacks
):
    posting, owner = owned_posting(PendingPostingFactory)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.posting_approve(posting=posting, by=editor)
    assert mail.outbox == []
    for callback in callbacks:
        callback()

    posting.refresh_from_db()
    assert posting.status == Status.PUBLISHED
    assert posting.published_at is not None
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert posting.title in mail.outbox[0].subject


def test_rejecting_needs_a_reason_which_the_employer_receives(
    editor, django_capture_on_commit_callbacks
):
    posting, owner = owned_posting(PendingPostingFactory)
    with pytest.raises(ValidationError, match="reason"):
        services.posting_reject(posting=posting, by=editor, reason="  ")

    with django_capture_on_commit_callbacks(execute=True):
        services.posting_reject(posting=posting, by=editor, reason="Please add the pay.")

    assert posting.status == Status.REJECTED
    assert "Please add the pay." in mail.outbox[0].body
    assert mail.outbox[0].to == [owner.email]


def test_a_rolled_back_approval_sends_nothing(editor, django_capture_on_commit_callbacks):
    posting, _owner = owned_posting(PendingPostingFactory)

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.posting_approve(posting=posting, by=editor)
                raise RuntimeError("something later in the request failed")
        except RuntimeError:
            pass

    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()
    assert JobPosting.objects.get(pk=posting.pk).status == Status.PENDING_REVIEW


def test_only_editors_moderate():
    posting, owner = owned_posting(PendingPostingFactory)

    with pytest.raises(PermissionDenied):
        services.posting_approve(posting=posting, by=owner)
    with pytest.raises(PermissionDenied):
        services.posting_reject(posting=posting, by=owner, reason="no")


def test_pause_and_resume():
    posting, owner = owned_posting(PublishedPostingFactory)

    services.posting_pause(posting=posting, by=owner)
    assert not JobPosting.objects.visible().filter(pk=posting.pk).exists()
    services.posting_resume(posting=posting, by=owner)

    assert JobPosting.objects.visible().filter(pk=posting.pk).exists()


def test_a_paused_posting_past_its_closing_date_cannot_resume():
    posting, owner = owned_posting(PublishedPostingFactory)
    services.posting_pause(posting=posting, by=owner)

    with (
        time_machine.travel(timezone.now() + timedelta(days=31)),
        pytest.raises(services.TransitionNotAllowed, match="closing date has passed"),
    ):
        services.posting_resume(posting=posting, by=owner)


def test_filling_or_closing_a_live_posting_announces_it_once():
    received = []

    def listener(sender, posting, **kwargs):
        received.append(posting.pk)

    services.posting_closed.connect(listener)
    try:
        filled, owner = owned_posting(PublishedPostingFactory)
        closed, _ = owned_posting(PublishedPostingFactory)
        draft, _ = owned_posting()
        services.posting_mark_filled(posting=filled, by=owner)
        services.posting_close(posting=closed, by=owner)
        services.posting_close(posting=draft, by=owner)
    finally:
        services.posting_closed.disconnect(listener)

    assert received == [filled.pk, closed.pk]


def test_a_posting_past_its_closing_time_is_hidden_before_the_expiry_task_runs():
    posting = ExpiredPostingFactory()

    assert posting.status == Status.PUBLISHED
    assert not JobPosting.objects.visible().filter(pk=posting.pk).exists()
    assert not posting.is_visible


def test_the_expiry_task_marks_exactly_the_postings_past_their_closing_time():
    with time_machine.travel("2027-03-01 12:00 +0000", tick=False):
        due = PublishedPostingFactory(expires_at=timezone.now() + timedelta(days=1))
        paused = PublishedPostingFactory(
            status=Status.PAUSED, expires_at=timezone.now() + timedelta(hours=2)
        )
        later = PublishedPostingFactory(expires_at=timezone.now() + timedelta(days=3))

    with time_machine.travel("2027-03-02 12:00:01 +0000", tick=False):
        expired = services.postings_expire()

    assert expired == 2
    statuses = dict(JobPosting.objects.values_list("pk", "status"))
    assert statuses == {
        due.pk: Status.EXPIRED,
        paused.pk: Status.EXPIRED,
        later.pk: Status.PUBLISHED,
    }
    assert PostingEvent.objects.filter(to_status=Status.EXPIRED, actor=None).count() == 2


def test_relisting_copies_the_posting_into_a_new_draft():
    original, owner = owned_posting(PublishedPostingFactory, title="Peer support specialist")
    original.required_credentials.set([credential("cpors")])
    services.posting_mark_filled(posting=original, by=owner)

    copy = services.posting_relist(posting=original, by=owner)

    assert copy.pk != original.pk
    assert copy.status == Status.DRAFT
    assert copy.relisted_from == original
    assert copy.title == original.title
    assert copy.published_at is None
    assert copy.expires_at is None
    assert [c.slug for c in copy.required_credentials.all()] == ["cpors"]
    assert [loc.label for loc in copy.locations.all()] == ["Columbus, OH"]
    assert JobPosting.objects.get(pk=original.pk).status == Status.FILLED


def test_editing_a_live_posting_into_flagged_wording_sends_it_back_for_review():
    posting, owner = owned_posting(PublishedPostingFactory)

    services.posting_update(
        posting=posting,
        by=owner,
        fields={"description": "<p>Applicants must have a clean criminal record.</p>"},
    )

    assert posting.status == Status.PENDING_REVIEW


def test_the_expiry_command_reports_what_it_did():
    from io import StringIO

    from django.core.management import call_command

    ExpiredPostingFactory()
    output = StringIO()

    call_command("expire_postings", stdout=output)

    assert output.getvalue().strip() == "1 posting expired."

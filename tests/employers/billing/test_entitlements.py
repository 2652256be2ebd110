"""Submitting needs a credit or a plan place: held at submission, used when live,
given back when rejected or closed before going live. Payments off: free."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from employers.billing.entitlements import (
    AllowanceMissing,
    credits_grant,
    credits_held,
    credits_left,
    plan_places,
)
from employers.billing.models import AllowanceSource, AllowanceState, CreditEntry
from jobs import services
from jobs.models import Status
from tests.factories import (
    ActiveSubscriptionFactory,
    CreditGrantFactory,
    DraftPostingFactory,
    EditorFactory,
    EmployerFactory,
    OwnerFactory,
    PastDueSubscriptionFactory,
    UserFactory,
    VerifiedEmployerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return EditorFactory()


def draft_by_owner(employer=None):
    posting = DraftPostingFactory(employer=employer or EmployerFactory())
    owner = OwnerFactory(employer=posting.employer).user
    posting.created_by = owner
    posting.save()
    return posting, owner


def kinds(employer) -> list[tuple[str, int]]:
    entries = CreditEntry.objects.filter(employer=employer).order_by("id")
    return list(entries.values_list("kind", "change"))


def test_with_payments_off_submitting_needs_nothing_and_records_nothing():
    posting, owner = draft_by_owner()

    services.posting_submit(posting=posting, by=owner)

    assert posting.status == Status.PENDING_REVIEW
    assert not CreditEntry.objects.exists()


def test_without_a_credit_or_plan_submitting_is_refused_with_what_to_do(stripe_settings):
    posting, owner = draft_by_owner()

    with pytest.raises(AllowanceMissing, match="posting credit or a monthly plan"):
        services.posting_submit(posting=posting, by=owner)

    posting.refresh_from_db()
    assert posting.status == Status.DRAFT


def test_a_credit_is_held_on_submission_and_used_when_the_posting_goes_live(
    stripe_settings, editor
):
    posting, owner = draft_by_owner()
    CreditGrantFactory(employer=posting.employer, change=2)

    services.posting_submit(posting=posting, by=owner)
    assert (credits_left(posting.employer), credits_held(posting.employer)) == (1, 1)

    services.posting_approve(posting=posting, by=editor)

    assert (credits_left(posting.employer), credits_held(posting.employer)) == (1, 0)
    assert kinds(posting.employer) == [("grant", 2), ("hold", -1), ("use", 0)]


def test_a_rejected_posting_gets_its_credit_back_and_pays_again_when_resubmitted(
    stripe_settings, editor
):
    posting, owner = draft_by_owner()
    CreditGrantFactory(employer=posting.employer)
    services.posting_submit(posting=posting, by=owner)

    services.posting_reject(posting=posting, by=editor, reason="Add the hours.")
    assert credits_left(posting.employer) == 1
    services.posting_submit(posting=posting, by=owner)

    assert credits_left(posting.employer) == 0
    assert kinds(posting.employer) == [("grant", 1), ("hold", -1), ("release", 1), ("hold", -1)]
    release = CreditEntry.objects.get(kind="release")
    assert release.reason == "Not approved: Add the hours."


def test_closing_a_posting_before_it_went_live_gives_the_credit_back(stripe_settings):
    posting, owner = draft_by_owner()
    CreditGrantFactory(employer=posting.employer)
    services.posting_submit(posting=posting, by=owner)

    services.posting_close(posting=posting, by=owner)

    assert credits_left(posting.employer) == 1


def test_closing_a_live_posting_gives_nothing_back(stripe_settings, editor):
    posting, owner = draft_by_owner()
    CreditGrantFactory(employer=posting.employer)
    services.posting_submit(posting=posting, by=owner)
    services.posting_approve(posting=posting, by=editor)

    services.posting_close(posting=posting, by=owner)

    assert credits_left(posting.employer) == 0


def test_an_auto_approved_posting_uses_its_credit_at_once(stripe_settings):
    employer = VerifiedEmployerFactory(auto_approve_postings=True)
    posting, owner = draft_by_owner(employer)
    CreditGrantFactory(employer=employer)

    services.posting_submit(posting=posting, by=owner)

    assert posting.status == Status.PUBLISHED
    assert posting.allowance.state == AllowanceState.USED
    assert kinds(employer) == [("grant", 1), ("hold", -1), ("use", 0)]


def test_submitting_the_same_posting_twice_holds_one_credit(stripe_settings):
    posting, owner = draft_by_owner()
    CreditGrantFactory(employer=posting.employer, change=3)
    stale = type(posting).objects.get(pk=posting.pk)
    services.posting_submit(posting=posting, by=owner)

    # A second click that read the posting before the first one saved.
    services.posting_submit(posting=stale, by=owner)

    assert credits_left(posting.employer) == 2


def test_a_live_posting_sent_back_to_review_and_rejected_costs_nothing_more(
    stripe_settings, editor
):
    posting, owner = draft_by_owner()
    CreditGrantFactory(employer=posting.employer)
    services.posting_submit(posting=posting, by=owner)
    services.posting_approve(posting=posting, by=editor)
    services.posting_update(
        posting=posting,
        by=owner,
        fields={"description": "<p>You must pass a background check.</p>"},
    )
    assert posting.status == Status.PENDING_REVIEW

    services.posting_reject(posting=posting, by=editor, reason="Wording.")
    services.posting_submit(posting=posting, by=owner, accept_flags=True)

    assert credits_left(posting.employer) == 0
    assert posting.allowance.state == AllowanceState.USED


def test_a_plan_place_is_used_before_credits_and_only_up_to_its_limit(stripe_settings):
    employer = EmployerFactory()
    ActiveSubscriptionFactory(employer=employer, plan_postings=2)
    CreditGrantFactory(employer=employer)
    owner = OwnerFactory(employer=employer).user
    postings = [DraftPostingFactory(employer=employer) for _ in range(3)]

    for posting in postings:
        services.posting_submit(posting=posting, by=owner)

    assert [p.allowance.source for p in postings] == [
        AllowanceSource.PLAN,
        AllowanceSource.PLAN,
        AllowanceSource.CREDIT,
    ]
    assert plan_places(employer) == (2, 2)
    assert credits_left(employer) == 0
    with pytest.raises(AllowanceMissing):
        services.posting_submit(posting=DraftPostingFactory(employer=employer), by=owner)


def test_a_plan_in_its_grace_period_still_lets_you_post(stripe_settings):
    posting, owner = draft_by_owner()
    PastDueSubscriptionFactory(employer=posting.employer, days_ago=3)

    services.posting_submit(posting=posting, by=owner)

    assert posting.allowance.source == AllowanceSource.PLAN


def test_an_editor_grants_credits_with_a_reason_that_is_kept(editor):
    employer = EmployerFactory()

    entry = credits_grant(employer=employer, credits=3, reason="Reentry agency", by=editor)

    assert (entry.change, entry.reason, entry.by) == (3, "Reentry agency", editor)
    assert credits_left(employer) == 3


@pytest.mark.parametrize(
    ("credits", "reason", "field"),
    [(0, "Charity", "credits"), (101, "Charity", "credits"), (2, "  ", "reason")],
)
def test_a_grant_needs_a_sensible_number_and_a_reason(editor, credits, reason, field):
    with pytest.raises(ValidationError) as refused:
        credits_grant(employer=EmployerFactory(), credits=credits, reason=reason, by=editor)

    assert field in refused.value.message_dict
    assert not CreditEntry.objects.exists()


def test_only_editors_may_grant_credits():
    with pytest.raises(PermissionDenied):
        credits_grant(employer=EmployerFactory(), credits=1, reason="Why not", by=UserFactory())


def test_the_database_refuses_a_grant_without_a_reason():
    with pytest.raises(IntegrityError):
        CreditEntry.objects.create(employer=EmployerFactory(), kind="grant", change=1)


def test_ledger_entries_are_never_changed():
    entry = CreditGrantFactory()
    entry.change = 100

    with pytest.raises(ValueError, match="never changed"):
        entry.save()

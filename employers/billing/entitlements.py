"""What an employer may post: posting credits, places on a plan, and the hold a
posting takes on one of them.

The rule: sending a posting for review holds one allowance (a free place on a
usable plan first, otherwise one credit). The posting going live uses it. Being
rejected or closed before it ever went live gives it back. A posting that was
live once keeps what it used, so sending it back to review costs nothing more.
With payments off (no Stripe key) nothing is needed and nothing is recorded.

Changes to an employer's credits lock its BillingAccount row first, so two
submissions at once cannot both spend the last credit.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum

from employers.models import Employer
from fairsite.accounts.models import User
from jobs.models import JobPosting, Status

from .models import (
    AllowanceSource,
    AllowanceState,
    BillingAccount,
    CreditChange,
    CreditEntry,
    Order,
    PostingAllowance,
    Subscription,
)
from .stripe_api import payments_enabled

GRANT = "billing.grant_credits"
MAX_GRANT = 100
# A plan place is taken by a posting in any of these states.
TAKES_A_PLACE = {Status.PENDING_REVIEW, Status.PUBLISHED, Status.PAUSED}


class AllowanceMissing(ValidationError):
    """The employer has no credit or plan place for another posting."""


def credits_left(employer: Employer) -> int:
    """Credits the employer can spend now (held ones are already taken off)."""
    total = CreditEntry.objects.filter(employer=employer).aggregate(total=Sum("change"))["total"]
    return total or 0


def credits_held(employer: Employer) -> int:
    """Credits held by postings waiting for review."""
    return PostingAllowance.objects.filter(
        employer=employer, source=AllowanceSource.CREDIT, state=AllowanceState.HELD
    ).count()


def _places_used(subscription: Subscription) -> int:
    return subscription.allowances.filter(
        state__in=[AllowanceState.HELD, AllowanceState.USED], posting__status__in=TAKES_A_PLACE
    ).count()


def plan_places(employer: Employer, *, now=None) -> tuple[int, int]:
    """(places used, places in all usable plans) for the employer."""
    used = limit = 0
    for subscription in employer.subscriptions.all():
        if subscription.is_usable(now):
            used += _places_used(subscription)
            limit += subscription.plan_postings
    return used, limit


def _plan_with_a_free_place(employer: Employer) -> Subscription | None:
    for subscription in employer.subscriptions.order_by("created_at"):
        if subscription.is_usable() and _places_used(subscription) < subscription.plan_postings:
            return subscription
    return None


def can_post(employer: Employer) -> bool:
    """Whether sending one more posting for review would be allowed now."""
    if not payments_enabled():
        return True
    return credits_left(employer) > 0 or _plan_with_a_free_place(employer) is not None


def _lock_account(employer: Employer) -> BillingAccount:
    account, _ = BillingAccount.objects.select_for_update().get_or_create(employer=employer)
    return account


def _take_allowance(allowance: PostingAllowance, *, state: str) -> None:
    """Point the allowance at a free plan place, or a credit; refuse if neither."""
    employer = allowance.employer
    _lock_account(employer)
    plan = _plan_with_a_free_place(employer)
    if plan is not None:
        allowance.source, allowance.subscription = AllowanceSource.PLAN, plan
    elif credits_left(employer) > 0:
        allowance.source, allowance.subscription = AllowanceSource.CREDIT, None
        CreditEntry.objects.create(
            employer=employer, kind=CreditChange.HOLD, change=-1, posting_id=allowance.posting_id
        )
        if state == AllowanceState.USED:
            CreditEntry.objects.create(
                employer=employer, kind=CreditChange.USE, change=0, posting_id=allowance.posting_id
            )
    else:
        raise AllowanceMissing(
            "You need a posting credit or a monthly plan to send a posting for review. "
            "An owner of your organisation can buy one on the billing page."
        )
    allowance.state = state
    allowance.save()


@transaction.atomic
def allowance_hold(*, posting: JobPosting, by: User | None) -> PostingAllowance | None:
    """Hold a plan place or a credit for a posting sent for review (none if payments are off)."""
    if not payments_enabled():
        return None
    # The posting's row first, as every posting service locks it, so two
    # submissions of one posting hold one allowance and never deadlock.
    JobPosting.objects.select_for_update(no_key=True).filter(pk=posting.pk).first()
    allowance = PostingAllowance.objects.select_for_update().filter(posting=posting).first()
    if allowance is not None and allowance.state in {AllowanceState.HELD, AllowanceState.USED}:
        return allowance
    allowance = allowance or PostingAllowance(
        posting_id=posting.pk, employer_id=posting.employer_id
    )
    _take_allowance(allowance, state=AllowanceState.HELD)
    return allowance


# What the ledger records when a held credit is settled one way or the other.
SETTLED_CREDIT = {
    AllowanceState.USED: (CreditChange.USE, 0),
    AllowanceState.RELEASED: (CreditChange.RELEASE, 1),
}


def _settle_held(posting: JobPosting, *, state: str, reason: str = "") -> None:
    allowance = (
        PostingAllowance.objects.select_for_update()
        .filter(posting=posting, state=AllowanceState.HELD)
        .first()
    )
    if allowance is None:
        return
    allowance.state = state
    allowance.save(update_fields=["state", "updated_at"])
    if allowance.source == AllowanceSource.CREDIT:
        kind, change = SETTLED_CREDIT[state]
        CreditEntry.objects.create(
            employer_id=allowance.employer_id,
            kind=kind,
            change=change,
            posting=posting,
            reason=reason,
        )


@transaction.atomic
def allowance_use(*, posting: JobPosting) -> None:
    """The posting went live: what it held is spent."""
    _settle_held(posting, state=AllowanceState.USED)


@transaction.atomic
def allowance_release(*, posting: JobPosting, reason: str) -> None:
    """The posting will not go live as it is: give back what it held."""
    _settle_held(posting, state=AllowanceState.RELEASED, reason=reason)


@transaction.atomic
def allowance_reinstate(*, posting: JobPosting) -> None:
    """Before a posting paused for an unpaid plan goes back up: pay for it again.

    Its own plan, if paid again; otherwise another plan place or a credit.
    """
    allowance = (
        PostingAllowance.objects.select_for_update(of=("self",))
        .select_related("subscription")
        .filter(posting=posting, state=AllowanceState.LAPSED)
        .first()
    )
    if allowance is None:
        return
    plan = allowance.subscription
    if not payments_enabled() or (plan is not None and plan.is_usable()):
        allowance.state = AllowanceState.USED
        allowance.save(update_fields=["state", "updated_at"])
        return
    try:
        _take_allowance(allowance, state=AllowanceState.USED)
    except AllowanceMissing:
        raise AllowanceMissing(
            "This posting is paused because your plan was not paid. Update your card on "
            "the billing page, or buy a posting credit, to put it back up."
        ) from None


@transaction.atomic
def credits_grant(*, employer: Employer, credits: int, reason: str, by: User) -> CreditEntry:
    """Give an employer free credits (editors only); the reason and editor are kept."""
    if not by.has_perm(GRANT):
        raise PermissionDenied("Only site editors can give free credits.")
    if not 1 <= credits <= MAX_GRANT:
        raise ValidationError({"credits": f"Give between 1 and {MAX_GRANT} credits."})
    if not reason.strip():
        raise ValidationError({"reason": "Say why, so that others can see it later."})
    return CreditEntry.objects.create(
        employer=employer, kind=CreditChange.GRANT, change=credits, reason=reason.strip(), by=by
    )


def credits_add_purchase(*, order: Order) -> CreditEntry | None:
    """Add the credits a paid order bought, once (the database refuses a second)."""
    try:
        with transaction.atomic():
            return CreditEntry.objects.create(
                employer=order.employer,
                kind=CreditChange.PURCHASE,
                change=order.credits,
                order=order,
            )
    except IntegrityError:
        return None


def credits_take_back(*, order: Order) -> CreditEntry | None:
    """A refunded order takes back its credits, as many as are still unspent, once."""
    _lock_account(order.employer)
    taken = min(order.credits, max(credits_left(order.employer), 0))
    try:
        with transaction.atomic():
            return CreditEntry.objects.create(
                employer=order.employer,
                kind=CreditChange.REFUND,
                change=-taken,
                order=order,
                reason=f"Refund of order {order.pk}"
                + ("" if taken == order.credits else f": {order.credits - taken} already used"),
            )
    except IntegrityError:
        return None

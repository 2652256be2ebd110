"""Monthly plans: Stripe's subscription and invoice events, and what a failed
renewal does to the plan's postings.

A subscription's state is never built from deltas. Each event carries a whole
subscription object; we keep the newest one we have seen, ordered by the
event's time and, within one second, by how far along its life the status is.
So the same set of events ends in the same state whatever order they arrive in.
An invoice is paid once it was reported paid, whatever came after.
"""

import logging
from datetime import UTC, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jobs import services as posting_services
from jobs.models import JobPosting, Status

from .models import (
    GOOD_STANDING,
    PAYMENT_FAILED,
    PLAN_GRACE_PERIOD,
    STATUS_STAGE,
    AllowanceState,
    BillingAccount,
    Invoice,
    Order,
    PostingAllowance,
    StripeEvent,
    Subscription,
    SubscriptionStatus,
)
from .notices import email_owners

logger = logging.getLogger(__name__)


def _time(timestamp: int | None) -> datetime | None:
    return datetime.fromtimestamp(timestamp, tz=UTC) if timestamp else None


def _id(value) -> str:
    return (value.get("id") or "") if isinstance(value, dict) else (value or "")


def _order_from_metadata(metadata: dict | None) -> Order | None:
    order_id = (metadata or {}).get("order", "")
    if not str(order_id).isdigit():
        return None
    return Order.objects.filter(pk=int(order_id)).first()


def _lock_subscription(stripe_id: str, metadata: dict | None) -> Subscription | None:
    """Our row for a Stripe subscription, made from the order in its metadata if new."""
    subscription = Subscription.objects.select_for_update().filter(stripe_id=stripe_id).first()
    if subscription is not None:
        return subscription
    order = _order_from_metadata(metadata)
    if order is None:
        logger.warning("Subscription %s is not one of ours: no order in its metadata", stripe_id)
        return None
    subscription, _ = Subscription.objects.select_for_update().get_or_create(
        stripe_id=stripe_id,
        defaults={
            "employer_id": order.employer_id,
            "order": order,
            "name": order.name,
            "plan_postings": order.plan_postings,
        },
    )
    return subscription


def _period(data: dict) -> tuple[int | None, int | None]:
    # Newer API versions keep the period on each item, older ones on the subscription.
    items = (data.get("items") or {}).get("data") or []
    if items and items[0].get("current_period_start"):
        return items[0]["current_period_start"], items[0].get("current_period_end")
    return data.get("current_period_start"), data.get("current_period_end")


def subscription_changed(*, event: StripeEvent, subscription: dict) -> None:
    """Keep the newest snapshot of the subscription; tell the owners what changed."""
    row = _lock_subscription(subscription["id"], subscription.get("metadata"))
    if row is None:
        return
    status = subscription.get("status") or ""
    stage = STATUS_STAGE.get(status, 0)
    if row.snapshot_at is not None and (row.snapshot_at, row.snapshot_stage) >= (
        event.created,
        stage,
    ):
        return
    period_start, period_end = _period(subscription)
    row.status = status
    row.current_period_start = _time(period_start)
    row.current_period_end = _time(period_end)
    row.cancel_at_period_end = bool(subscription.get("cancel_at_period_end"))
    row.ended_at = _time(subscription.get("ended_at"))
    row.cancellation_reason = (subscription.get("cancellation_details") or {}).get("reason") or ""
    row.snapshot_at, row.snapshot_stage = event.created, stage
    row.save()
    _tell_owners(row)
    if row.status in GOOD_STANDING:
        _put_lapsed_postings_back(row)


def _tell_owners(row: Subscription) -> None:
    context = {"subscription": row}
    if row.status == SubscriptionStatus.CANCELED:
        template, cause = "billing/email/plan_ended", f"plan-ended:{row.stripe_id}"
    elif row.status in GOOD_STANDING and row.cancel_at_period_end:
        template = "billing/email/plan_ending"
        cause = f"plan-ending:{row.stripe_id}:{row.current_period_end:%Y%m%d}"
    elif row.status in GOOD_STANDING:
        template, cause = "billing/email/plan_active", f"plan-active:{row.stripe_id}"
    else:
        return
    email_owners(employer=row.employer, template=template, context=context, cause=cause)


def _put_lapsed_postings_back(row: Subscription) -> None:
    for allowance in row.allowances.filter(state=AllowanceState.LAPSED).select_related("posting"):
        try:
            posting_services.posting_resume(posting=allowance.posting, by=None)
        except ValidationError:
            # Its closing date passed while it was paused: the employer relists it.
            continue


def _invoice_links(invoice: dict) -> tuple[str, dict]:
    """The invoice's subscription id and the metadata that names our order."""
    parent = invoice.get("parent") or {}
    details = parent.get("subscription_details") or invoice.get("subscription_details") or {}
    subscription_id = _id(details.get("subscription")) or _id(invoice.get("subscription"))
    return subscription_id, details.get("metadata") or invoice.get("metadata") or {}


def _lock_invoice(invoice: dict) -> Invoice | None:
    row = Invoice.objects.select_for_update().filter(stripe_id=invoice["id"]).first()
    if row is not None:
        return row
    subscription_id, metadata = _invoice_links(invoice)
    subscription = _lock_subscription(subscription_id, metadata) if subscription_id else None
    employer_id = subscription.employer_id if subscription else None
    if employer_id is None:
        order = _order_from_metadata(metadata)
        account = BillingAccount.objects.filter(
            stripe_customer_id=_id(invoice.get("customer")) or "-"
        ).first()
        employer_id = (order or account).employer_id if (order or account) else None
    if employer_id is None:
        logger.warning("Invoice %s is for no employer of ours", invoice["id"])
        return None
    row, _ = Invoice.objects.select_for_update().get_or_create(
        stripe_id=invoice["id"],
        defaults={
            "employer_id": employer_id,
            "subscription": subscription,
            "created": _time(invoice.get("created")) or timezone.now(),
        },
    )
    return row


def _copy_invoice(row: Invoice, invoice: dict, amount_field: str) -> None:
    row.number = invoice.get("number") or row.number
    row.currency = invoice.get("currency") or row.currency
    row.amount = Decimal(invoice.get(amount_field) or 0) / 100
    row.hosted_invoice_url = invoice.get("hosted_invoice_url") or row.hosted_invoice_url
    row.invoice_pdf = invoice.get("invoice_pdf") or row.invoice_pdf


def invoice_paid(*, event: StripeEvent, invoice: dict) -> None:
    """Record a paid invoice with its links; a renewal gets a receipt email."""
    row = _lock_invoice(invoice)
    if row is None:
        return
    _copy_invoice(row, invoice, "amount_paid")
    row.is_paid = True
    row.save()
    if invoice.get("billing_reason") == "subscription_cycle":
        email_owners(
            employer=row.employer,
            template="billing/email/invoice_paid",
            context={"invoice": row},
            cause=f"invoice-paid:{row.stripe_id}",
        )


def invoice_payment_failed(*, event: StripeEvent, invoice: dict) -> None:
    """A plan payment failed: record it and tell the owners how long they have."""
    row = _lock_invoice(invoice)
    if row is None or row.is_paid:
        return
    _copy_invoice(row, invoice, "amount_due")
    row.payment_failed_at = row.payment_failed_at or event.created
    row.save()
    subscription = row.subscription
    grace_ends_at = subscription.grace_ends_at if subscription else None
    email_owners(
        employer=row.employer,
        template="billing/email/invoice_failed",
        context={
            "invoice": row,
            "grace_ends_at": grace_ends_at or row.created + PLAN_GRACE_PERIOD,
        },
        cause=f"invoice-failed:{row.stripe_id}",
    )


def plans_enforce(*, now: datetime | None = None) -> int:
    """Pause the live postings of plans whose renewal failed and whose grace is over."""
    now = now or timezone.now()
    paused = 0
    failing = Subscription.objects.filter(
        Q(status__in=PAYMENT_FAILED)
        | Q(status=SubscriptionStatus.CANCELED, cancellation_reason="payment_failed")
    ).select_related("employer")
    for subscription in failing:
        if not subscription.has_lapsed(now):
            continue
        count = 0
        allowances = subscription.allowances.filter(
            state=AllowanceState.USED, posting__status=Status.PUBLISHED
        ).values_list("pk", flat=True)
        for pk in list(allowances):
            count += _pause_for_nonpayment(pk)
        if count:
            email_owners(
                employer=subscription.employer,
                template="billing/email/plan_paused",
                context={"subscription": subscription, "count": count},
                cause=f"plan-paused:{subscription.stripe_id}:{subscription.grace_ends_at:%Y%m%d}",
            )
        paused += count
    return paused


@transaction.atomic
def _pause_for_nonpayment(allowance_pk: int) -> int:
    posting_id = PostingAllowance.objects.values_list("posting_id", flat=True).get(pk=allowance_pk)
    # The posting first, then its allowance: the order the posting services lock them in.
    posting = JobPosting.objects.select_for_update().get(pk=posting_id)
    allowance = PostingAllowance.objects.select_for_update().get(pk=allowance_pk)
    if allowance.state != AllowanceState.USED or posting.status != Status.PUBLISHED:
        return 0
    posting_services.posting_pause(posting=posting, by=None)
    allowance.state = AllowanceState.LAPSED
    allowance.save(update_fields=["state", "updated_at"])
    return 1

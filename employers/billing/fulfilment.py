"""Handing over what was bought, from verified Stripe events about one-off payments.

Every step is safe to repeat and gives the same result in any order:

- an order's status only moves forward (open → processing → paid or failed →
  refunded), each move a conditional UPDATE that one caller wins;
- credits are added and taken back through ledger rows the database keeps
  unique per order;
- a refund can arrive before the payment it undoes: both handlers lock the
  StripePayment row of the PaymentIntent first, so the second sees the first.

Callers run these inside one transaction (see events.py); locks are taken in
one order everywhere (payment, order, account or posting) so that two handlers
never wait on each other.
"""

import logging

from django.utils import timezone

from jobs import services as posting_services

from . import entitlements
from .checkout import order_for_reference
from .models import (
    BillingAccount,
    Order,
    OrderStatus,
    ProductKind,
    StripeEvent,
    StripePayment,
    Subscription,
)
from .notices import email_owners

logger = logging.getLogger(__name__)


def _id(value) -> str:
    """A Stripe reference, whether the API sent the id or the expanded object."""
    if isinstance(value, dict):
        return value.get("id") or ""
    return value or ""


def _lock_payment(payment_intent_id: str) -> StripePayment:
    payment, _ = StripePayment.objects.select_for_update().get_or_create(
        payment_intent_id=payment_intent_id
    )
    return payment


def _lock_order(order: Order) -> Order:
    return Order.objects.select_for_update(no_key=True).get(pk=order.pk)


def _advance(order: Order, *, to: str, allowed_from: set[str], **fields) -> bool:
    """Move the order's status forward if it is still in `allowed_from`; True if this call did."""
    changed = Order.objects.filter(pk=order.pk, status__in=allowed_from).update(status=to, **fields)
    if changed:
        order.status = to
        for name, value in fields.items():
            setattr(order, name, value)
    return bool(changed)


def _session_order(session: dict) -> tuple[Order, StripePayment | None] | None:
    """The order a session is for, locked, with what Stripe told us recorded on it."""
    order = order_for_reference(session.get("client_reference_id") or "")
    if order is None:
        logger.warning("Checkout session %s names no order of ours", session.get("id"))
        return None
    payment_intent_id = _id(session.get("payment_intent"))
    payment = _lock_payment(payment_intent_id) if payment_intent_id else None
    order = _lock_order(order)
    updates = {
        "checkout_session_id": session.get("id") or order.checkout_session_id,
        "payment_intent_id": payment_intent_id or order.payment_intent_id,
        "subscription_id": _id(session.get("subscription")) or order.subscription_id,
    }
    Order.objects.filter(pk=order.pk).update(**updates)
    for name, value in updates.items():
        setattr(order, name, value)
    if payment is not None and payment.order_id is None:
        payment.order = order
        payment.save(update_fields=["order"])
    customer_id = _id(session.get("customer"))
    if customer_id:
        BillingAccount.objects.get_or_create(employer_id=order.employer_id)
        BillingAccount.objects.filter(employer_id=order.employer_id, stripe_customer_id="").update(
            stripe_customer_id=customer_id
        )
    if order.kind == ProductKind.PLAN and order.subscription_id:
        Subscription.objects.get_or_create(
            stripe_id=order.subscription_id,
            defaults={
                "employer_id": order.employer_id,
                "order": order,
                "name": order.name,
                "plan_postings": order.plan_postings,
            },
        )
    return order, payment


def checkout_completed(*, event: StripeEvent, session: dict) -> None:
    """The customer finished Checkout: fulfil if paid, else wait for the bank."""
    found = _session_order(session)
    if found is None:
        return
    order, payment = found
    if session.get("payment_status") in {"paid", "no_payment_required"}:
        _order_paid(order, payment)
    else:
        _advance(order, to=OrderStatus.PROCESSING, allowed_from={OrderStatus.OPEN})


def checkout_async_succeeded(*, event: StripeEvent, session: dict) -> None:
    """A delayed payment (such as a bank debit) went through: fulfil."""
    found = _session_order(session)
    if found is not None:
        _order_paid(*found)


def checkout_async_failed(*, event: StripeEvent, session: dict) -> None:
    """A delayed payment failed: nothing is granted, and the owners are told."""
    found = _session_order(session)
    if found is None:
        return
    order, _payment = found
    failed = _advance(
        order,
        to=OrderStatus.FAILED,
        allowed_from={OrderStatus.OPEN, OrderStatus.PROCESSING},
    )
    if failed:
        email_owners(
            employer=order.employer,
            template="billing/email/payment_failed",
            context={"order": order},
            cause=f"order-failed:{order.pk}",
        )


def _order_paid(order: Order, payment: StripePayment | None) -> None:
    paid = _advance(
        order,
        to=OrderStatus.PAID,
        allowed_from={OrderStatus.OPEN, OrderStatus.PROCESSING},
        paid_at=timezone.now(),
    )
    if paid:
        _grant(order)
        if order.kind != ProductKind.PLAN:
            # A plan's welcome comes when the subscription is active (see plans.py).
            email_owners(
                employer=order.employer,
                template="billing/email/order_paid",
                context={"order": order, "credits_left": entitlements.credits_left(order.employer)},
                cause=f"order-paid:{order.pk}",
            )
    if payment is not None and payment.is_fully_refunded:
        _order_refunded(order)


def _grant(order: Order) -> None:
    if order.kind == ProductKind.CREDITS:
        entitlements.credits_add_purchase(order=order)
    elif order.kind == ProductKind.FEATURED and order.posting_id:
        posting_services.posting_feature(posting_id=order.posting_id, days=order.featured_days)


def charge_refunded(*, event: StripeEvent, charge: dict) -> None:
    """Money went back: take back unspent credits or end the featured period."""
    payment_intent_id = _id(charge.get("payment_intent"))
    if not payment_intent_id:
        return
    payment = _lock_payment(payment_intent_id)
    StripePayment.objects.filter(pk=payment.pk).update(
        amount_refunded=max(payment.amount_refunded, charge.get("amount_refunded") or 0),
        is_fully_refunded=payment.is_fully_refunded or bool(charge.get("refunded")),
        receipt_url=charge.get("receipt_url") or payment.receipt_url,
    )
    payment.refresh_from_db()
    # A partial refund is recorded but changes nothing granted: an editor decides.
    if payment.is_fully_refunded and payment.order_id:
        _order_refunded(_lock_order(payment.order))


def _order_refunded(order: Order) -> None:
    refunded = _advance(
        order,
        to=OrderStatus.REFUNDED,
        allowed_from={OrderStatus.PAID},
        refunded_at=timezone.now(),
    )
    if not refunded:
        return
    if order.kind == ProductKind.CREDITS:
        entitlements.credits_take_back(order=order)
    elif order.kind == ProductKind.FEATURED and order.posting_id:
        posting_services.posting_feature_take_back(
            posting_id=order.posting_id, days=order.featured_days
        )
    email_owners(
        employer=order.employer,
        template="billing/email/refunded",
        context={"order": order, "credits_left": entitlements.credits_left(order.employer)},
        cause=f"order-refunded:{order.pk}",
    )

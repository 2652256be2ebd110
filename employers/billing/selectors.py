"""Reads for the billing page, the dashboard and the posting page."""

from dataclasses import dataclass

from django.db.models import QuerySet

from employers.models import Employer

from . import entitlements
from .models import BillingAccount, CreditEntry, Invoice, Order, OrderStatus, Subscription
from .stripe_api import payments_enabled


@dataclass(frozen=True)
class BillingSummary:
    payments_on: bool
    credits_left: int = 0
    credits_held: int = 0
    plan: Subscription | None = None
    places_used: int = 0
    places_limit: int = 0
    can_post: bool = True
    has_customer: bool = False


def billing_summary(employer: Employer) -> BillingSummary:
    """What the employer holds now; with payments off, everything is free."""
    if not payments_enabled():
        return BillingSummary(payments_on=False)
    used, limit = entitlements.plan_places(employer)
    return BillingSummary(
        payments_on=True,
        credits_left=entitlements.credits_left(employer),
        credits_held=entitlements.credits_held(employer),
        plan=current_plan(employer),
        places_used=used,
        places_limit=limit,
        can_post=entitlements.can_post(employer),
        has_customer=BillingAccount.objects.filter(employer=employer)
        .exclude(stripe_customer_id="")
        .exists(),
    )


def current_plan(employer: Employer) -> Subscription | None:
    """The plan to show: a usable one if any, else the newest."""
    subscriptions = list(employer.subscriptions.all())
    usable = [s for s in subscriptions if s.is_usable()]
    return (usable or subscriptions or [None])[0]


def orders_of(employer: Employer) -> QuerySet[Order]:
    """Orders that got as far as a payment (abandoned checkouts are left out)."""
    return employer.orders.exclude(status=OrderStatus.OPEN).select_related("posting")


def credit_history(employer: Employer, *, limit: int = 50) -> QuerySet[CreditEntry]:
    """The newest changes to the employer's credits, each with its reason."""
    return employer.credit_entries.select_related("posting", "order")[:limit]


def invoices_of(employer: Employer) -> QuerySet[Invoice]:
    """Invoices and receipts, newest first, with Stripe's links."""
    return employer.invoices.all()

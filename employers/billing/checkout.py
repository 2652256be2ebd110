"""Starting payments with Stripe: Checkout sessions and the customer portal.

These are the only calls the site makes to Stripe. None of them grants
anything: what was bought is handed over only when a verified webhook says it
was paid (fulfilment.py), never because someone reached the success page.
"""

import logging
import re

import stripe
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from employers.models import Employer
from fairsite.accounts.models import User
from jobs.models import JobPosting, Status

from .models import BillingAccount, Order, Product, ProductKind
from .stripe_api import payments_enabled, stripe_client

logger = logging.getLogger(__name__)


class PaymentsUnavailable(Exception):
    """Payment can't start now; the message says why in plain words."""


REFERENCE = re.compile(r"employer-(?P<employer>\d+)-order-(?P<order>\d+)")


def client_reference(order: Order) -> str:
    """The Checkout session's client_reference_id: which employer and which order."""
    return f"employer-{order.employer_id}-order-{order.pk}"


def order_for_reference(reference: str) -> Order | None:
    """The order a client_reference_id names, if it is of the employer it names too."""
    match = REFERENCE.fullmatch(reference)
    if match is None:
        return None
    return Order.objects.filter(pk=match["order"], employer_id=match["employer"]).first()


STRIPE_DOWN = (
    "We could not reach our payment provider, Stripe. You have not been charged. "
    "Please try again in a few minutes."
)


def _check(employer: Employer, product: Product, posting: JobPosting | None) -> None:
    if not product.is_on_sale:
        raise ValidationError({"product": "That is no longer on sale. Choose another."})
    if product.kind == ProductKind.FEATURED:
        if posting is None:
            raise ValidationError({"posting": "Choose the posting to feature."})
        if posting.employer_id != employer.pk or posting.status != Status.PUBLISHED:
            raise ValidationError({"posting": "Choose one of your live postings."})
    if product.kind == ProductKind.PLAN and any(
        subscription.is_usable() for subscription in employer.subscriptions.all()
    ):
        raise ValidationError(
            {"product": "You already have a plan. Change it from the billing page."}
        )


def _session_params(order: Order, *, email: str, customer_id: str) -> dict:
    slug = order.employer.slug
    metadata = {"order": str(order.pk), "employer": str(order.employer_id)}
    price_data = {
        "currency": order.currency.lower(),
        "unit_amount": order.unit_amount,
        "product_data": {"name": order.name, "description": order.grants_text},
    }
    params = {
        "client_reference_id": client_reference(order),
        "metadata": metadata,
        "success_url": settings.SITE_URL
        + reverse("billing:order", kwargs={"slug": slug, "pk": order.pk}),
        "cancel_url": settings.SITE_URL
        + reverse("billing:order-cancelled", kwargs={"slug": slug, "pk": order.pk}),
        "line_items": [{"quantity": 1, "price_data": price_data}],
    }
    if customer_id:
        params["customer"] = customer_id
    else:
        params["customer_email"] = email
    if order.kind == ProductKind.PLAN:
        price_data["recurring"] = {"interval": "month"}
        # Subscription and invoice events carry this, whatever order they come in.
        params.update(mode="subscription", subscription_data={"metadata": metadata})
    else:
        params.update(
            mode="payment",
            payment_intent_data={"metadata": metadata},
            # A one-off payment gets an invoice too, for the billing page's receipts.
            invoice_creation={"enabled": True, "invoice_data": {"metadata": metadata}},
        )
        if not customer_id:
            params["customer_creation"] = "always"
    return params


def checkout_start(
    *,
    employer: Employer,
    product: Product,
    by: User,
    posting: JobPosting | None = None,
    return_to: str = "",
) -> tuple[Order, str]:
    """An order and its Stripe Checkout session; returns the order and Stripe's address."""
    if not payments_enabled():
        raise PaymentsUnavailable("Payments are switched off on this site, so posting is free.")
    _check(employer, product, posting)
    order = Order.objects.create(
        employer=employer,
        product=product,
        posting=posting if product.kind == ProductKind.FEATURED else None,
        created_by=by,
        kind=product.kind,
        name=product.name,
        amount=product.price,
        currency=product.currency,
        credits=product.credits if product.kind == ProductKind.CREDITS else 0,
        featured_days=product.featured_days if product.kind == ProductKind.FEATURED else 0,
        plan_postings=product.plan_postings if product.kind == ProductKind.PLAN else 0,
        return_to=return_to,
    )
    account, _ = BillingAccount.objects.get_or_create(employer=employer)
    params = _session_params(order, email=by.email, customer_id=account.stripe_customer_id)
    try:
        session = stripe_client().v1.checkout.sessions.create(params=params)
    except stripe.StripeError:
        logger.exception("Stripe refused a Checkout session for order %s", order.pk)
        # Nothing was shown to the customer, so nothing can be paid for it.
        order.delete()
        raise PaymentsUnavailable(STRIPE_DOWN) from None
    order.checkout_session_id = session.id
    order.save(update_fields=["checkout_session_id"])
    return order, session.url


def checkout_session_state(*, order: Order) -> str | None:
    """Stripe's status of the order's Checkout session ("open", "complete", "expired").

    Only for wording the order page; None when Stripe can't say. Never grants anything.
    """
    if not payments_enabled() or not order.checkout_session_id:
        return None
    try:
        session = stripe_client().v1.checkout.sessions.retrieve(order.checkout_session_id)
    except stripe.StripeError:
        logger.warning("Could not read Checkout session of order %s", order.pk, exc_info=True)
        return None
    return session.status


def portal_start(*, employer: Employer, return_url: str) -> str:
    """The address of Stripe's customer portal, where owners change cards and plans."""
    if not payments_enabled():
        raise PaymentsUnavailable("Payments are switched off on this site, so posting is free.")
    account = BillingAccount.objects.filter(employer=employer).first()
    if account is None or not account.stripe_customer_id:
        raise PaymentsUnavailable(
            "You can manage your card and plan once you have paid for something."
        )
    try:
        session = stripe_client().v1.billing_portal.sessions.create(
            params={"customer": account.stripe_customer_id, "return_url": return_url}
        )
    except stripe.StripeError:
        logger.exception("Stripe refused a portal session for employer %s", employer.pk)
        raise PaymentsUnavailable(STRIPE_DOWN) from None
    return session.url

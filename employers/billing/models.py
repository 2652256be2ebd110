"""What employers buy and what they hold.

Products are set up by editors. An Order is one purchase through Stripe
Checkout, with a copy of what the product granted at that moment. Credits live
in an append-only ledger, so "credits left" is a sum and every change says why.
A Subscription mirrors the newest snapshot of a Stripe subscription we have
seen. Every webhook event is kept by its id, which is unique: a replay is a
duplicate row that the database refuses.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from employers.models import Employer
from jobs.models import Currency, JobPosting

# How long a plan whose renewal failed keeps its postings up while the card is fixed.
PLAN_GRACE_PERIOD = timedelta(days=7)
CURRENCY_SYMBOLS = {Currency.USD: "$", Currency.GBP: "£"}


def money_text(amount: Decimal, currency: str) -> str:
    """An amount as people write it: "$49", "£12.50"."""
    return f"{CURRENCY_SYMBOLS.get(currency, '')}{amount:,.2f}".removesuffix(".00")


class ProductKind(models.TextChoices):
    CREDITS = "credits", "Posting credits"
    FEATURED = "featured", "Featured posting"
    PLAN = "plan", "Monthly plan"


class ProductQuerySet(models.QuerySet):
    def on_sale(self):
        return self.filter(is_on_sale=True).order_by("sort_order", "price", "name")


class Product(models.Model):
    """Something employers can buy; editors set it up in the Wagtail admin."""

    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)
    kind = models.CharField("what it grants", max_length=10, choices=ProductKind.choices)
    price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        # Stripe's smallest charge in US dollars and pounds.
        validators=[MinValueValidator(Decimal("0.50"))],
    )
    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.USD)
    credits = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(1000)], blank=True
    )
    featured_days = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(365)], blank=True
    )
    plan_postings = models.PositiveSmallIntegerField(
        "postings at once", default=0, validators=[MaxValueValidator(1000)], blank=True
    )
    is_on_sale = models.BooleanField("on sale", default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "price", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        needed = {
            ProductKind.CREDITS: ("credits", "Say how many posting credits it gives (1 or more)."),
            ProductKind.FEATURED: ("featured_days", "Say for how many days it features a posting."),
            ProductKind.PLAN: ("plan_postings", "Say how many postings the plan allows at once."),
        }
        if self.kind in needed:
            field, message = needed[self.kind]
            if not getattr(self, field):
                raise ValidationError({field: message})

    @property
    def price_text(self) -> str:
        text = money_text(self.price, self.currency)
        return f"{text} a month" if self.kind == ProductKind.PLAN else text

    @property
    def grants_text(self) -> str:
        return grants_text(self.kind, self.credits, self.featured_days, self.plan_postings)


def grants_text(kind: str, credits: int, featured_days: int, plan_postings: int) -> str:
    """What a product or order gives, in plain words."""
    if kind == ProductKind.CREDITS:
        return f"{credits} posting credit{'s' if credits != 1 else ''}"
    if kind == ProductKind.FEATURED:
        return f"One posting featured for {featured_days} day{'s' if featured_days != 1 else ''}"
    return f"Up to {plan_postings} posting{'s' if plan_postings != 1 else ''} at once, every month"


class OrderStatus(models.TextChoices):
    OPEN = "open", "Not paid yet"
    PROCESSING = "processing", "Payment processing"
    PAID = "paid", "Paid"
    FAILED = "failed", "Payment failed"
    REFUNDED = "refunded", "Refunded"


class Order(models.Model):
    """One purchase through Stripe Checkout, with what it grants copied from the product."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="orders")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="orders")
    posting = models.ForeignKey(
        JobPosting, null=True, blank=True, on_delete=models.SET_NULL, related_name="orders"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A copy, so that an editor changing the product later changes no past order.
    kind = models.CharField(max_length=10, choices=ProductKind.choices)
    name = models.CharField(max_length=100)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    credits = models.PositiveSmallIntegerField(default=0)
    featured_days = models.PositiveSmallIntegerField(default=0)
    plan_postings = models.PositiveSmallIntegerField(default=0)

    status = models.CharField(max_length=12, choices=OrderStatus.choices, default=OrderStatus.OPEN)
    checkout_session_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    subscription_id = models.CharField(max_length=255, blank=True)
    # Where the employer was when they chose to buy (a path on this site).
    return_to = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Order {self.pk}: {self.name} for {self.employer}"

    @property
    def amount_text(self) -> str:
        return money_text(self.amount, self.currency)

    @property
    def grants_text(self) -> str:
        return grants_text(self.kind, self.credits, self.featured_days, self.plan_postings)

    @property
    def unit_amount(self) -> int:
        """The price in cents or pence, as Stripe counts it."""
        return int(self.amount * 100)


class StripePayment(models.Model):
    """A Stripe PaymentIntent, the one key that refunds and checkouts share.

    A refund can be delivered before the checkout it undoes; both handlers lock
    this row first, so whichever comes second sees what the first did.
    """

    payment_intent_id = models.CharField(max_length=255, unique=True)
    order = models.OneToOneField(
        Order, null=True, blank=True, on_delete=models.SET_NULL, related_name="payment"
    )
    amount_refunded = models.PositiveIntegerField(default=0)
    is_fully_refunded = models.BooleanField(default=False)
    receipt_url = models.URLField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.payment_intent_id


class StripeEvent(models.Model):
    """A verified webhook event, stored before it is acted on; the id is unique."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    created = models.DateTimeField(help_text="When Stripe created the event.")
    livemode = models.BooleanField(default=False)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class BillingAccount(models.Model):
    """An employer's side of billing: its Stripe customer, and the row that
    serialises changes to its credits (locked while a balance is checked)."""

    employer = models.OneToOneField(Employer, on_delete=models.CASCADE, related_name="billing")
    stripe_customer_id = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return f"Billing for {self.employer}"


class CreditChange(models.TextChoices):
    PURCHASE = "purchase", "Bought"
    GRANT = "grant", "Given free by the site"
    HOLD = "hold", "Held for a posting in review"
    USE = "use", "Used: the posting went live"
    RELEASE = "release", "Given back: the posting did not go live"
    REFUND = "refund", "Taken back: the payment was refunded"


class CreditEntry(models.Model):
    """One change to an employer's posting credits. Rows are only ever added."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="credit_entries")
    kind = models.CharField(max_length=10, choices=CreditChange.choices)
    change = models.IntegerField(help_text="Credits added (positive) or taken (negative).")
    order = models.ForeignKey(
        Order, null=True, blank=True, on_delete=models.CASCADE, related_name="credit_entries"
    )
    posting = models.ForeignKey(
        JobPosting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "credit entries"
        permissions = [("grant_credits", "Can give employers free posting credits")]
        constraints = [
            # The database, not a check in Python, makes a purchase or refund count once.
            models.UniqueConstraint(
                fields=["order", "kind"],
                condition=Q(order__isnull=False),
                name="one_credit_entry_per_order_and_kind",
            ),
            models.CheckConstraint(
                condition=~Q(kind="grant") | (Q(change__gt=0) & ~Q(reason="")),
                name="a_grant_adds_credits_and_says_why",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.change:+d} {self.get_kind_display().lower()} ({self.employer})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Credit entries are never changed; add a new entry instead.")
        super().save(*args, **kwargs)


class AllowanceSource(models.TextChoices):
    CREDIT = "credit", "A posting credit"
    PLAN = "plan", "Your plan"


class AllowanceState(models.TextChoices):
    HELD = "held", "Held while in review"
    USED = "used", "Used"
    RELEASED = "released", "Given back"
    LAPSED = "lapsed", "Paused: the plan was not paid"


class PostingAllowance(models.Model):
    """What pays for a posting: a credit or a plan place, held at submission."""

    posting = models.OneToOneField(JobPosting, on_delete=models.CASCADE, related_name="allowance")
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=10, choices=AllowanceSource.choices)
    state = models.CharField(max_length=10, choices=AllowanceState.choices)
    subscription = models.ForeignKey(
        "Subscription", null=True, blank=True, on_delete=models.SET_NULL, related_name="allowances"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.get_source_display()} for {self.posting} ({self.state})"


class SubscriptionStatus(models.TextChoices):
    """Stripe's subscription statuses, in words for the billing page."""

    INCOMPLETE = "incomplete", "Waiting for the first payment"
    INCOMPLETE_EXPIRED = "incomplete_expired", "Not started: the first payment failed"
    TRIALING = "trialing", "Trial"
    ACTIVE = "active", "Active"
    PAST_DUE = "past_due", "Payment failed: update your card"
    UNPAID = "unpaid", "Unpaid: update your card"
    PAUSED = "paused", "Paused"
    CANCELED = "canceled", "Ended"


# Breaks ties between snapshots Stripe stamped with the same second: a later
# stage of a subscription's life wins, whatever order the events came in.
LIFE_STAGES = "incomplete trialing active past_due unpaid paused incomplete_expired canceled"
STATUS_STAGE = {"": 0} | {status: n for n, status in enumerate(LIFE_STAGES.split(), start=1)}
GOOD_STANDING = {SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING}
PAYMENT_FAILED = {SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID}


class Subscription(models.Model):
    """A monthly plan: the newest snapshot of the Stripe subscription we have seen."""

    stripe_id = models.CharField(max_length=255, unique=True)
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="subscriptions")
    order = models.ForeignKey(
        Order, null=True, blank=True, on_delete=models.SET_NULL, related_name="subscriptions"
    )
    name = models.CharField(max_length=100)
    plan_postings = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=20, choices=SubscriptionStatus.choices, blank=True)
    current_period_start = models.DateTimeField(null=True, blank=True)
    current_period_end = models.DateTimeField(null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)
    ended_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.CharField(max_length=40, blank=True)
    # Which snapshot the fields above come from: (event time, stage) orders them.
    snapshot_at = models.DateTimeField(null=True, blank=True)
    snapshot_stage = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} for {self.employer} ({self.status or 'new'})"

    @property
    def grace_ends_at(self):
        """When a failed renewal starts to pause postings (None if nothing failed)."""
        if self.status in PAYMENT_FAILED or self.ended_for_nonpayment:
            start = self.current_period_start or self.snapshot_at
            return start + PLAN_GRACE_PERIOD if start else None
        return None

    @property
    def ended_for_nonpayment(self) -> bool:
        return self.status == SubscriptionStatus.CANCELED and self.cancellation_reason == (
            "payment_failed"
        )

    def is_usable(self, now=None) -> bool:
        """Whether the plan lets the employer post now (in grace after a failed renewal)."""
        now = now or timezone.now()
        if self.status in GOOD_STANDING:
            return True
        grace_ends_at = self.grace_ends_at
        return self.status in PAYMENT_FAILED and grace_ends_at is not None and now < grace_ends_at

    def has_lapsed(self, now=None) -> bool:
        """A renewal failed and the grace period is over: its postings are paused."""
        grace_ends_at = self.grace_ends_at
        return grace_ends_at is not None and (now or timezone.now()) >= grace_ends_at


class Invoice(models.Model):
    """A Stripe invoice or receipt, with the links Stripe hosts for it."""

    stripe_id = models.CharField(max_length=255, unique=True)
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="invoices")
    subscription = models.ForeignKey(
        Subscription, null=True, blank=True, on_delete=models.SET_NULL, related_name="invoices"
    )
    number = models.CharField(max_length=100, blank=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    currency = models.CharField(max_length=3, blank=True)
    is_paid = models.BooleanField(default=False)
    payment_failed_at = models.DateTimeField(null=True, blank=True)
    hosted_invoice_url = models.URLField(max_length=500, blank=True)
    invoice_pdf = models.URLField(max_length=500, blank=True)
    created = models.DateTimeField()

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return self.number or self.stripe_id

    @property
    def amount_text(self) -> str:
        return money_text(self.amount, self.currency.upper())

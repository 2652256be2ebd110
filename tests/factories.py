"""factory_boy factories, one per meaningful state."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from candidates.models import (
    Availability,
    CandidateKind,
    CandidateProfile,
    EducationEntry,
    ExperienceEntry,
    HomeLocation,
    SavedJob,
)
from employers.billing.models import (
    STATUS_STAGE,
    CreditChange,
    CreditEntry,
    Order,
    OrderStatus,
    Product,
    ProductKind,
    Subscription,
    SubscriptionStatus,
)
from employers.models import (
    CheckLevel,
    CheckTiming,
    CompanySize,
    Employer,
    FairChancePolicy,
    Industry,
    MemberRole,
    Membership,
    VerificationStatus,
)
from fairsite.accounts.models import Purpose, User
from jobs.applications.models import Application, Stage
from jobs.models import (
    Category,
    Credential,
    EmploymentType,
    JobPosting,
    PostingLocation,
    Status,
)

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A job seeker whose email address is verified, able to sign in."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    purpose = Purpose.FIND_WORK
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class UnverifiedUserFactory(UserFactory):
    verified_email = False


class EmployerUserFactory(UserFactory):
    purpose = Purpose.HIRE


class EditorFactory(UserFactory):
    """A site editor: signs in to the Wagtail admin."""

    purpose = Purpose.BOTH
    is_staff = True
    is_superuser = True


# Employers and postings ------------------------------------------------------


class EmployerFactory(factory.django.DjangoModelFactory):
    """An unverified organisation with a fair-chance policy (checks after an offer)."""

    class Meta:
        model = Employer
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Second Start Logistics {n}")
    slug = factory.Sequence(lambda n: f"second-start-logistics-{n}")
    industry = Industry.WAREHOUSE
    size = CompanySize.MEDIUM
    about = "We run warehouses and hire people who want a fresh start."

    @factory.post_generation
    def with_policy(self, create, extracted, **kwargs):
        if create and extracted is not False:
            FairChancePolicyFactory(employer=self, **kwargs)


class EmployerWithoutPolicyFactory(EmployerFactory):
    with_policy = factory.PostGeneration(lambda *args, **kwargs: None)


class VerifiedEmployerFactory(EmployerFactory):
    verification_status = VerificationStatus.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)


class FairChancePolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FairChancePolicy

    employer = factory.SubFactory(EmployerWithoutPolicyFactory)
    check_timing = CheckTiming.AFTER_OFFER
    check_level = CheckLevel.BASIC
    ignores_spent_convictions = True
    support = factory.LazyFunction(lambda: ["mentoring", "flexible_hours"])
    pledges = factory.LazyFunction(lambda: ["fair_chance_business"])
    incentives = factory.LazyFunction(list)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(EmployerUserFactory)
    employer = factory.SubFactory(EmployerFactory)
    role = MemberRole.RECRUITER


class OwnerFactory(MembershipFactory):
    role = MemberRole.OWNER


def credential(slug: str) -> Credential:
    """One of the four credentials every installation has (seeded by a migration)."""
    return Credential.objects.get(slug=slug)


class DraftPostingFactory(factory.django.DjangoModelFactory):
    """A complete draft: a warehouse role in Columbus, Ohio, paid by the hour."""

    class Meta:
        model = JobPosting
        skip_postgeneration_save = True

    employer = factory.SubFactory(EmployerFactory)
    title = "Warehouse operative"
    description = "<p>Pick and pack orders in a friendly team. Full training given.</p>"
    category = Category.WAREHOUSE
    employment_type = EmploymentType.FULL_TIME
    salary_min = 18
    salary_max = 21
    salary_period = "hour"
    check_timing = CheckTiming.AFTER_OFFER
    check_level = CheckLevel.BASIC
    status = Status.DRAFT

    @factory.post_generation
    def located(self, create, extracted, **kwargs):
        if create and extracted is not False:
            PostingLocation.objects.create(
                posting=self,
                label=extracted or "Columbus, OH",
                locality=kwargs.get("locality", "Columbus"),
                region=kwargs.get("region", "OH"),
                country=kwargs.get("country", "US"),
                latitude=kwargs.get("latitude", 39.9612),
                longitude=kwargs.get("longitude", -82.9988),
            )


class PendingPostingFactory(DraftPostingFactory):
    status = Status.PENDING_REVIEW


class PublishedPostingFactory(DraftPostingFactory):
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


class ExpiredPostingFactory(PublishedPostingFactory):
    """Past its closing time, though the expiry task has not run yet."""

    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=31))
    expires_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))


# Billing ---------------------------------------------------------------------


class CreditProductFactory(factory.django.DjangoModelFactory):
    """One posting credit for $49."""

    class Meta:
        model = Product

    name = "One job posting"
    kind = ProductKind.CREDITS
    price = Decimal("49.00")
    currency = "USD"
    credits = 1


class CreditPackFactory(CreditProductFactory):
    name = "Five job postings"
    price = Decimal("199.00")
    credits = 5


class FeaturedProductFactory(CreditProductFactory):
    name = "Featured for 14 days"
    kind = ProductKind.FEATURED
    price = Decimal("29.00")
    credits = 0
    featured_days = 14


class PlanProductFactory(CreditProductFactory):
    name = "Monthly plan"
    kind = ProductKind.PLAN
    price = Decimal("299.00")
    credits = 0
    plan_postings = 3


class OpenOrderFactory(factory.django.DjangoModelFactory):
    """An order sent to Stripe Checkout and not paid yet, as checkout_start leaves it."""

    class Meta:
        model = Order

    product = factory.SubFactory(CreditProductFactory)
    employer = factory.SubFactory(EmployerFactory)
    kind = factory.SelfAttribute("product.kind")
    name = factory.SelfAttribute("product.name")
    amount = factory.SelfAttribute("product.price")
    currency = factory.SelfAttribute("product.currency")
    credits = factory.SelfAttribute("product.credits")
    featured_days = factory.SelfAttribute("product.featured_days")
    plan_postings = factory.SelfAttribute("product.plan_postings")
    status = OrderStatus.OPEN
    checkout_session_id = factory.Sequence(lambda n: f"cs_test_order{n}")


class CreditGrantFactory(factory.django.DjangoModelFactory):
    """Free credits an editor gave, with the reason."""

    class Meta:
        model = CreditEntry

    employer = factory.SubFactory(EmployerFactory)
    kind = CreditChange.GRANT
    change = 1
    reason = "Reentry agency: free postings agreed."


class ActiveSubscriptionFactory(factory.django.DjangoModelFactory):
    """A plan in good standing, renewed today, with three places."""

    class Meta:
        model = Subscription

    stripe_id = factory.Sequence(lambda n: f"sub_test{n}")
    employer = factory.SubFactory(EmployerFactory)
    name = "Monthly plan"
    plan_postings = 3
    status = SubscriptionStatus.ACTIVE
    current_period_start = factory.LazyFunction(timezone.now)
    current_period_end = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    snapshot_at = factory.LazyFunction(timezone.now)
    snapshot_stage = STATUS_STAGE[SubscriptionStatus.ACTIVE]


class PastDueSubscriptionFactory(ActiveSubscriptionFactory):
    """A plan whose renewal failed `days_ago` days ago (default: just now)."""

    class Params:
        days_ago = 0

    status = SubscriptionStatus.PAST_DUE
    current_period_start = factory.LazyAttribute(
        lambda o: timezone.now() - timedelta(days=o.days_ago)
    )
    snapshot_stage = STATUS_STAGE[SubscriptionStatus.PAST_DUE]


# Candidates ------------------------------------------------------------------


class CandidateProfileFactory(factory.django.DjangoModelFactory):
    """A job seeker's profile: warehouse work near Columbus, Ohio; not discoverable."""

    class Meta:
        model = CandidateProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    kind = CandidateKind.JOB_SEEKER
    headline = "Warehouse worker with forklift experience"
    summary = "Five years picking, packing and driving forklifts."
    skills = factory.LazyFunction(lambda: ["forklift", "stock control"])
    desired_categories = factory.LazyFunction(lambda: [Category.WAREHOUSE])
    employment_types = factory.LazyFunction(lambda: [EmploymentType.FULL_TIME])
    availability = Availability.NOW

    @factory.post_generation
    def home(self, create, extracted, **kwargs):
        if create and extracted is not False:
            HomeLocation.objects.create(
                profile=self,
                label=kwargs.get("label", "Columbus, OH"),
                locality=kwargs.get("locality", "Columbus"),
                region=kwargs.get("region", "OH"),
                country=kwargs.get("country", "US"),
                latitude=kwargs.get("latitude", 39.9612),
                longitude=kwargs.get("longitude", -82.9988),
            )


class DiscoverableCandidateFactory(CandidateProfileFactory):
    """A profile its owner lets employers find (so it is in the candidates index)."""

    is_discoverable = True


class ExperienceEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExperienceEntry

    profile = factory.SubFactory(CandidateProfileFactory)
    employer = "Parcel & Pallet Ltd"
    title = "Picker packer"
    started_on = date(2019, 3, 1)
    ended_on = date(2023, 6, 1)


class EducationEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EducationEntry

    profile = factory.SubFactory(CandidateProfileFactory)
    provider = "Columbus State Community College"
    qualification = "Forklift licence"
    ended_on = date(2020, 1, 1)


# Applications and saved jobs ---------------------------------------------------


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A new application, as sent, with a small PDF as its CV copy."""

    class Meta:
        model = Application

    posting = factory.SubFactory(PublishedPostingFactory)
    candidate = factory.SubFactory(UserFactory)
    cover_note = "I have packed orders for five years and would love to join your team."
    cv = factory.django.FileField(filename="cv.pdf", data=b"%PDF-1.4 test\n%%EOF\n")
    stage = Stage.SUBMITTED


class SavedJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedJob

    user = factory.SubFactory(UserFactory)
    posting = factory.SubFactory(PublishedPostingFactory)

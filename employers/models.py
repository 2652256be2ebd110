"""Organisations that hire, the people who act for them, and what they promise.

A fair-chance policy is a set of fields, never free text, so that claims can be
shown in plain words, matched against, filtered on and verified by an editor.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from .record_questions import record_question_errors


class Industry(models.TextChoices):
    WAREHOUSE = "warehouse-logistics", "Warehouse and logistics"
    CONSTRUCTION = "construction", "Construction and trades"
    MANUFACTURING = "manufacturing", "Manufacturing"
    HOSPITALITY = "hospitality", "Hospitality and food"
    RETAIL = "retail", "Retail"
    TRANSPORT = "transport", "Transport and delivery"
    FACILITIES = "facilities", "Cleaning and facilities"
    HEALTH_CARE = "health-care", "Health and care"
    SOCIAL_SERVICES = "social-services", "Social services and charities"
    JUSTICE = "justice", "Courts, probation and corrections"
    TECHNOLOGY = "technology", "Technology"
    OTHER = "other", "Other"


class CompanySize(models.TextChoices):
    MICRO = "1-9", "1 to 9 people"
    SMALL = "10-49", "10 to 49 people"
    MEDIUM = "50-249", "50 to 249 people"
    LARGE = "250-999", "250 to 999 people"
    ENTERPRISE = "1000+", "1,000 people or more"


class CheckTiming(models.TextChoices):
    """When an employer looks at criminal records, if ever."""

    NEVER = "never", "Never checks records"
    AFTER_OFFER = "after_offer", "Only after a conditional job offer"
    BEFORE_OFFER_BY_LAW = "before_offer_by_law", "Before an offer, only where the law requires it"


# "Checks records only after an offer (or never)": the timings a person filtering
# for fair-chance employers wants, for postings, policies and the index alike.
CHECKS_AFTER_OFFER = (CheckTiming.NEVER, CheckTiming.AFTER_OFFER)


class CheckLevel(models.TextChoices):
    """How deep a check goes (UK DBS levels, with the nearest US practice)."""

    NONE = "none", "No check"
    BASIC = "basic", "Basic: unspent convictions only"
    STANDARD = "standard", "Standard: spent and unspent convictions"
    ENHANCED = "enhanced", "Enhanced: also police information and barred lists"


class Pledge(models.TextChoices):
    BAN_THE_BOX = "ban_the_box", "Ban the Box"
    FAIR_CHANCE_BUSINESS = "fair_chance_business", "Fair Chance Business Pledge"
    SECOND_CHANCE_COALITION = "second_chance_coalition", "Second Chance Business Coalition"


class Support(models.TextChoices):
    MENTORING = "mentoring", "Mentoring"
    FLEXIBLE_HOURS = "flexible_hours", "Flexible hours for supervision appointments"
    TRANSPORT = "transport", "Help with transport"
    TRAINING = "training", "Training"


class Incentive(models.TextChoices):
    WOTC = "wotc", "Work Opportunity Tax Credit (WOTC)"
    FEDERAL_BONDING = "federal_bonding", "Federal Bonding Program"


class RoleType(models.TextChoices):
    """Kinds of role where the law can rule out some offences."""

    DRIVING = "driving", "Driving roles"
    CHILDREN = "children", "Roles working with children"
    VULNERABLE_ADULTS = "vulnerable_adults", "Roles working with vulnerable adults"
    CASH = "cash", "Roles handling cash or payments"
    SECURITY = "security", "Security roles"
    HEALTH_CARE = "health_care", "Health care roles"


class OffenceCategory(models.TextChoices):
    VIOLENCE = "violence", "Violent offences"
    SEXUAL = "sexual", "Sexual offences"
    DISHONESTY = "dishonesty", "Theft, fraud and other dishonesty"
    DRIVING = "driving", "Serious driving offences"
    DRUG_SUPPLY = "drug_supply", "Supplying drugs"
    ARSON = "arson", "Arson"


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Not verified"
    PENDING = "pending", "Waiting for review"
    VERIFIED = "verified", "Verified"


class Location(models.Model):
    """A place typed by a person, with the point the gazetteer gave it."""

    label = models.CharField("place", max_length=200, help_text="A city, US ZIP or UK postcode.")
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("town or city", max_length=120, blank=True)
    region = models.CharField("state or region", max_length=120, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, help_text="ISO code: US or GB.")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label

    @property
    def point(self) -> tuple[float, float]:
        return (self.latitude, self.longitude)


def is_verified_status(status: str) -> bool:
    """Whether an employer with this verification status counts as verified.

    With ``EmployerQuerySet.verified`` (the same for queries) the one definition
    of "verified employer": an editor has checked their fair-chance policy.
    Only their members see discoverable people.
    """
    return status == VerificationStatus.VERIFIED


class EmployerQuerySet(models.QuerySet):
    def verified(self):
        """Organisations whose fair-chance policy an editor has checked (``is_verified_status``)."""
        return self.filter(verification_status=VerificationStatus.VERIFIED)


class Employer(models.Model):
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=160, unique=True)
    logo = models.ImageField(upload_to="employers/logos/", blank=True)
    website = models.URLField(blank=True)
    about = models.TextField(blank=True, max_length=4000)
    industry = models.CharField(max_length=40, choices=Industry.choices)
    size = models.CharField(max_length=10, choices=CompanySize.choices)
    verification_status = models.CharField(
        max_length=12, choices=VerificationStatus.choices, default=VerificationStatus.UNVERIFIED
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    auto_approve_postings = models.BooleanField(
        default=False,
        help_text="Postings from this verified employer go live without review.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        permissions = [("verify_employer", "Can verify employers' fair-chance policies")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("employers:detail", kwargs={"slug": self.slug})

    def clean(self):
        """Candidates read the name and the about text: neither may ask about a record."""
        if errors := record_question_errors(name=self.name, about=self.about):
            raise ValidationError(errors)

    @property
    def is_verified(self) -> bool:
        return is_verified_status(self.verification_status)

    # Slugs that would collide with the employer dashboard's own paths.
    RESERVED_SLUGS = frozenset({"new", "invitations"})

    @staticmethod
    def unique_slug_for(name: str) -> str:
        base = slugify(name)[:150] or "employer"
        slug, n = base, 2
        while slug in Employer.RESERVED_SLUGS or Employer.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class EmployerLocation(Location):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="locations")

    class Meta:
        ordering = ["id"]


class MemberRole(models.TextChoices):
    OWNER = "owner", "Owner"
    RECRUITER = "recruiter", "Recruiter"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=MemberRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["employer__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "employer"], name="one_membership_per_employer")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) at {self.employer}"

    @property
    def is_owner(self) -> bool:
        return self.role == MemberRole.OWNER


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An owner's invitation to join their organisation, sent by email."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=MemberRole.choices, default=MemberRole.RECRUITER)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    VALID_DAYS = 14

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.employer}"

    @property
    def is_open(self) -> bool:
        age = timezone.now() - self.created_at
        return self.accepted_at is None and age.days < self.VALID_DAYS


class FairChancePolicy(models.Model):
    """An employer's promise about criminal records, made of fields."""

    employer = models.OneToOneField(Employer, on_delete=models.CASCADE, related_name="policy")
    check_timing = models.CharField(
        "when you check criminal records",
        max_length=24,
        choices=CheckTiming.choices,
        default=CheckTiming.AFTER_OFFER,
    )
    check_level = models.CharField(
        "the level of check you usually use",
        max_length=10,
        choices=CheckLevel.choices,
        default=CheckLevel.BASIC,
    )
    ignores_spent_convictions = models.BooleanField("we ignore spent convictions", default=True)
    pledges = models.JSONField("pledges you have signed", default=list, blank=True)
    support = models.JSONField("support you offer", default=list, blank=True)
    incentives = models.JSONField("hiring incentives you use", default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "fair-chance policy"
        verbose_name_plural = "fair-chance policies"

    def __str__(self) -> str:
        return f"Fair-chance policy of {self.employer}"

    @property
    def checks_after_offer(self) -> bool:
        return self.check_timing in CHECKS_AFTER_OFFER


class PolicyExclusion(models.Model):
    """An offence category the law rules out for one kind of role."""

    policy = models.ForeignKey(
        FairChancePolicy, on_delete=models.CASCADE, related_name="exclusions"
    )
    role_type = models.CharField(max_length=20, choices=RoleType.choices)
    offence_category = models.CharField(max_length=20, choices=OffenceCategory.choices)

    class Meta:
        ordering = ["role_type", "offence_category"]
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "role_type", "offence_category"], name="one_exclusion_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_offence_category_display()} for {self.get_role_type_display().lower()}"

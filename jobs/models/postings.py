"""Job postings, the credentials they ask for, and each posting's history."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.text import slugify

from employers.models import CHECKS_AFTER_OFFER, CheckLevel, CheckTiming, Employer, Location
from employers.policy import check_words
from employers.record_questions import record_question_errors
from fairsite.places import region_name

from .vocabulary import (
    CURRENCY_SYMBOLS,
    DUTIES,
    ENDED,
    ApplicationMethod,
    Category,
    Currency,
    EmploymentType,
    ExperienceLevel,
    OpenToCountry,
    SalaryPeriod,
    Status,
    Workplace,
    open_to_regions,
)


class Credential(models.Model):
    """A professional credential that postings can require or prefer."""

    name = models.CharField(max_length=200, unique=True)
    abbreviation = models.CharField(max_length=20, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    issuer = models.CharField(max_length=200, blank=True)
    summary = models.TextField(max_length=1000, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    @property
    def short_name(self) -> str:
        return self.abbreviation or self.name


class JobPostingQuerySet(models.QuerySet):
    def visible(self, *, now=None):
        """Postings anyone may see: published and not past their closing time.

        The one definition of "visible", used by pages, feeds, the sitemap, the
        API and the search index alike; it does not wait for the expiry task.
        """
        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, expires_at__gt=now)

    def closed(self, *, now=None):
        """Postings that were live and have ended: closed, filled or past their
        closing time. Their address says so ("This job has closed"); a posting
        paused, rejected or never published stays unknown to the public."""
        now = now or timezone.now()
        return self.filter(published_at__isnull=False).filter(
            Q(status__in=ENDED) | Q(status=Status.PUBLISHED, expires_at__lte=now)
        )

    def for_employer(self, employer: Employer):
        return self.filter(employer=employer)


class JobPosting(models.Model):
    DEFAULT_DAYS_OPEN = 30

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="postings")
    title = models.CharField(max_length=140)
    slug = models.SlugField(max_length=160, blank=True, help_text="Made from the title.")
    description = models.TextField(help_text="Stored as sanitised HTML.")
    category = models.CharField(max_length=40, choices=Category.choices)
    employment_type = models.CharField(max_length=20, choices=EmploymentType.choices)
    workplace = models.CharField(
        max_length=10, choices=Workplace.choices, default=Workplace.ON_SITE
    )
    # Where a remote job may be done from: a country ("US" or "GB"), and a US
    # state's postal code ("CA") or a UK nation ("Scotland") when the employer
    # limits it, blank for the whole country; the same codes as a place's admin1.
    # Blank both for jobs that are not remote.
    open_to_country = models.CharField(
        "country people can work from", max_length=2, blank=True, choices=OpenToCountry.choices
    )
    open_to_region = models.CharField(
        "state or nation people can work from", max_length=40, blank=True
    )
    salary_min = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    salary_max = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    salary_period = models.CharField(max_length=8, choices=SalaryPeriod.choices, blank=True)
    salary_currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.USD)
    skills = models.JSONField(default=list, blank=True)
    required_credentials = models.ManyToManyField(
        Credential, blank=True, related_name="required_by"
    )
    preferred_credentials = models.ManyToManyField(
        Credential, blank=True, related_name="preferred_by"
    )
    experience_level = models.CharField(
        max_length=12, choices=ExperienceLevel.choices, default=ExperienceLevel.NONE
    )
    # What the work involves, as RoleType keys (driving, children, cash...): people
    # can leave out roles they can't or won't do, and the law's exclusions attach here.
    duties = models.JSONField(default=list, blank=True)
    check_timing = models.CharField(max_length=24, choices=CheckTiming.choices)
    check_level = models.CharField(max_length=10, choices=CheckLevel.choices)
    application_method = models.CharField(
        max_length=14, choices=ApplicationMethod.choices, default=ApplicationMethod.ON_SITE
    )
    apply_url = models.URLField(blank=True, max_length=500)
    apply_email = models.EmailField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    rejection_reason = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    featured_until = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    relisted_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="relistings"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobPostingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        permissions = [("moderate_jobposting", "Can approve or reject job postings")]
        indexes = [
            models.Index(fields=["status", "expires_at"]),
            models.Index(fields=["employer", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.employer}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:160] or "job"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The posting's page. Worked out once per instance for as long as its id,
        slug and the URL prefix stay the same: a page of search hits asks for 20,
        and Django's ``reverse`` costs about 20 microseconds each. The rows behind
        search hits are kept between requests (``jobs.selectors``) and carry it."""
        key = (self.pk, self.slug, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
        known = self.__dict__.get("_address")
        if known is None or known[0] != key:
            known = (key, reverse("jobs:detail", kwargs={"pk": self.pk, "slug": self.slug}))
            self._address = known
        return known[1]

    def clean(self):
        """Rules between fields, for every way a posting is written (forms, services, API)."""
        errors = {}
        low, high = self.salary_min, self.salary_max
        if low is not None and high is not None and low > high:
            errors["salary_max"] = "'Pay up to' must be the same as 'Pay from' or more."
        if (low is not None or high is not None) and not self.salary_period:
            errors["salary_period"] = "Say if the pay is per hour, day, week, month or year."
        if self.application_method == ApplicationMethod.EXTERNAL_URL and not self.apply_url:
            errors["apply_url"] = "Enter the web address where people apply."
        if self.application_method == ApplicationMethod.EMAIL and not self.apply_email:
            errors["apply_email"] = "Enter the email address where people apply."
        if self.check_timing == CheckTiming.NEVER and self.check_level != CheckLevel.NONE:
            errors["check_level"] = "You said you don't check records, so choose 'No check'."
        try:
            self.clean_open_to(self.workplace, self.open_to_country, self.open_to_region)
        except ValidationError as error:
            errors.update({name: messages[0] for name, messages in error.message_dict.items()})
        errors |= record_question_errors(
            title=self.title, description=self.description, skills=", ".join(self.skills or [])
        )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def clean_locations(workplace: str, locations: list) -> None:
        """A job that isn't remote must say where it is."""
        if workplace != Workplace.REMOTE and not locations:
            raise ValidationError({"locations": "Say where the job is, or choose 'Remote'."})

    @staticmethod
    def clean_open_to(workplace: str, country: str, region: str) -> None:
        """A remote job must say which country people can work from, and a state
        or nation, if given, must be one of that country's."""
        if workplace != Workplace.REMOTE:
            return
        if not country:
            raise ValidationError(
                {"open_to_country": "Say which country people can work from for this remote job."}
            )
        if region and region not in open_to_regions(country):
            raise ValidationError(
                {
                    "open_to_region": "Choose a state or nation of the country you chose, "
                    "or 'Anywhere in the country'."
                }
            )

    @property
    def open_to_text(self) -> str:
        """Where a remote job can be done from, in words ("" when not remote)."""
        if not self.is_remote or not self.open_to_country:
            return ""
        if self.open_to_region:
            return f"Work from anywhere in {region_name(self.open_to_country, self.open_to_region)}"
        return f"Work from anywhere in the {'US' if self.open_to_country == 'US' else 'UK'}"

    @property
    def is_visible(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )

    @property
    def country(self) -> str:
        """Where the job is: its first place's country, or for remote work the
        country people can work from ("" when neither is known)."""
        location = next(iter(self.locations.all()), None)
        return location.country if location is not None else self.open_to_country

    @property
    def check_text(self) -> str:
        """Its record check in the terms of its country (employers.policy.check_words)."""
        return check_words(self.check_level, self.country)

    @property
    def has_closed(self) -> bool:
        """The twin of JobPostingQuerySet.closed for one posting in hand."""
        if self.published_at is None:
            return False
        if self.status in ENDED:
            return True
        return (
            self.status == Status.PUBLISHED
            and self.expires_at is not None
            and self.expires_at <= timezone.now()
        )

    @property
    def is_featured(self) -> bool:
        return self.featured_until is not None and self.featured_until > timezone.now()

    @property
    def checks_after_offer(self) -> bool:
        return self.check_timing in CHECKS_AFTER_OFFER

    @property
    def duties_text(self) -> list[str]:
        return [DUTIES[duty] for duty in self.duties if duty in DUTIES]

    @property
    def is_remote(self) -> bool:
        return self.workplace == Workplace.REMOTE

    @property
    def salary_text(self) -> str:
        """Pay in words, for example "$18 to $22 an hour" ("" when not given)."""
        symbol = CURRENCY_SYMBOLS.get(self.salary_currency, "$")

        def amount(value) -> str:
            return f"{symbol}{value:,.2f}".removesuffix(".00")

        low, high = self.salary_min, self.salary_max
        if low is None and high is None:
            return ""
        if low is not None and high is not None and low != high:
            text = f"{amount(low)} to {amount(high)}"
        elif low is None:
            text = f"up to {amount(high)}"
        else:
            text = amount(low if low is not None else high)
        period = self.get_salary_period_display() if self.salary_period else ""
        return f"{text} {period}".strip()

    def default_expiry(self, start=None):
        return (start or timezone.now()) + timedelta(days=self.DEFAULT_DAYS_OPEN)


class PostingLocation(Location):
    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="locations")

    class Meta:
        ordering = ["id"]


class PostingEvent(models.Model):
    """One step in a posting's life: who moved it, when, and why."""

    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.posting_id}: {self.from_status or 'new'} → {self.to_status}"

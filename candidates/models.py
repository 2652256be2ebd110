"""A job seeker's profile, their work and training history, their private CV and
their private fair-chance preferences.

Preferences live in their own model, linked to the user and not to the profile,
encrypted, with no relation from the profile: code that turns a profile into a
search document cannot reach them by walking relations.
"""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from employers.models import Location
from fairsite.private_storage import private_storage
from jobs.models import Category, Credential, Currency, EmploymentType, SalaryPeriod

# As many as a posting may list, so every skill can be matched.
MAX_SKILLS = 20


class CandidateKind(models.TextChoices):
    JOB_SEEKER = "job_seeker", "Job seeker"
    REENTRY_PROFESSIONAL = "reentry_professional", "Reentry professional"
    BOTH = "both", "Both"


class TravelRadius(models.IntegerChoices):
    FIVE = 5, "5 miles"
    TEN = 10, "10 miles"
    TWENTY_FIVE = 25, "25 miles"
    FIFTY = 50, "50 miles"


class Availability(models.TextChoices):
    NOW = "now", "Now"
    TWO_WEEKS = "two_weeks", "Within 2 weeks"
    MONTH = "month", "Within a month"
    LATER = "later", "Later"


def cv_upload_to(instance: "CandidateProfile | None", filename: str) -> str:
    # The name a person gave their file can hold their name or more; the stored
    # name is random, with the extension of what the content turned out to be.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"cvs/{secrets.token_urlsafe(24)}.{extension}"


class CandidateProfileQuerySet(models.QuerySet):
    def discoverable(self):
        """Profiles whose owners let employers find them.

        The one definition of "discoverable profile" for queries: the candidates
        index holds exactly these, and only members of a verified employer see
        them (``employers.selectors.may_find_candidates``). One profile says the
        same with its ``is_discoverable`` field.
        """
        return self.filter(is_discoverable=True)


class CandidateProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidate_profile"
    )
    # What pages and, later, employers use in URLs: not guessable, not a count.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(
        max_length=24, choices=CandidateKind.choices, default=CandidateKind.JOB_SEEKER
    )
    headline = models.CharField(max_length=120, blank=True)
    summary = models.TextField(max_length=2000, blank=True)
    skills = models.JSONField(default=list, blank=True)
    credentials = models.ManyToManyField(Credential, blank=True, related_name="+")
    desired_categories = models.JSONField(default=list, blank=True)
    employment_types = models.JSONField(default=list, blank=True)
    travel_radius = models.PositiveSmallIntegerField(
        choices=TravelRadius.choices, default=TravelRadius.TEN
    )
    remote_ok = models.BooleanField(default=False)
    salary_floor = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    salary_period = models.CharField(max_length=8, choices=SalaryPeriod.choices, blank=True)
    salary_currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.USD)
    availability = models.CharField(max_length=12, choices=Availability.choices, blank=True)
    cv = models.FileField(
        storage=private_storage, upload_to=cv_upload_to, blank=True, max_length=200
    )
    cv_uploaded_at = models.DateTimeField(null=True, blank=True)
    is_discoverable = models.BooleanField("let employers find me", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CandidateProfileQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        # Logs and error reports show this: no name, no email, nothing private.
        return f"Candidate profile {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("candidates:profile-detail", kwargs={"public_id": self.public_id})

    def clean(self):
        errors = {}
        if self.salary_floor is not None and self.salary_floor < 0:
            errors["salary_floor"] = "The lowest pay can't be less than 0."
        if self.salary_floor is not None and not self.salary_period:
            errors["salary_period"] = "Say if the pay is per hour, day, week, month or year."
        for name, choices in (
            ("desired_categories", Category),
            ("employment_types", EmploymentType),
        ):
            if not set(getattr(self, name) or []) <= set(choices.values):
                errors[name] = "Choose from the list."
        if len(self.skills or []) > MAX_SKILLS:
            errors["skills"] = f"List at most {MAX_SKILLS} skills."
        if errors:
            raise ValidationError(errors)

    @property
    def cv_kind(self) -> str:
        """The CV's type, pdf or docx, from its stored name (the content check chose it)."""
        return self.cv.name.rsplit(".", 1)[-1] if self.cv else ""

    @property
    def salary_floor_text(self) -> str:
        if self.salary_floor is None:
            return ""
        symbol = "£" if self.salary_currency == Currency.GBP else "$"
        amount = f"{symbol}{self.salary_floor:,.2f}".removesuffix(".00")
        return f"{amount} {self.get_salary_period_display()}".strip()


class HomeLocation(Location):
    """Where the person lives, as precise as what they typed (a town or a postcode)."""

    profile = models.OneToOneField(CandidateProfile, on_delete=models.CASCADE, related_name="home")


def first_of_this_month():
    return timezone.localdate().replace(day=1)


class Period(models.Model):
    """Something a person did from one month to another, or still does."""

    started_on = models.DateField(null=True, blank=True, help_text="The first of the month.")
    ended_on = models.DateField(null=True, blank=True, help_text="The first of the month.")
    is_current = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)

    NO_END_MESSAGE = "Enter the month it ended, or tick the box to say it has not ended."
    CURRENT_WITH_END_MESSAGE = "You said this has not ended, so leave the end month empty."

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def clean(self):
        errors = {}
        this_month = first_of_this_month()
        if self.started_on and self.started_on > this_month:
            errors["started_on"] = "The start month can't be in the future."
        if self.ended_on and self.ended_on > this_month:
            errors["ended_on"] = "The end month can't be in the future."
        elif self.ended_on and self.started_on and self.ended_on < self.started_on:
            errors["ended_on"] = "The end month must be the same as the start month or later."
        if self.is_current and self.ended_on:
            errors["ended_on"] = self.CURRENT_WITH_END_MESSAGE
        if not self.is_current and not self.ended_on and "ended_on" not in errors:
            errors["ended_on"] = self.NO_END_MESSAGE
        if errors:
            raise ValidationError(errors)


class ExperienceEntry(Period):
    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="experience"
    )
    employer = models.CharField(max_length=150)
    title = models.CharField("job title", max_length=150)

    NO_END_MESSAGE = "Enter the month you left, or tick 'I still work here'."
    CURRENT_WITH_END_MESSAGE = "You said you still work here, so leave the end month empty."

    class Meta(Period.Meta):
        verbose_name_plural = "experience entries"

    def __str__(self) -> str:
        return f"Experience entry {self.pk}"


class EducationEntry(Period):
    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="education"
    )
    provider = models.CharField("school, college or training provider", max_length=150)
    qualification = models.CharField("course or qualification", max_length=150)

    NO_END_MESSAGE = "Enter the month you finished, or tick 'I am still doing this'."
    CURRENT_WITH_END_MESSAGE = "You said you are still doing this, so leave the end month empty."

    class Meta(Period.Meta):
        verbose_name_plural = "education entries"

    def __str__(self) -> str:
        return f"Education entry {self.pk}"


class PrivatePreferences(models.Model):
    """A person's fair-chance preferences, encrypted with Fernet.

    Read and write them only through candidates.selectors.preferences_for and
    candidates.services.preferences_save: the column holds ciphertext only, and
    nothing here (str, repr, errors) can show what was chosen.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    ciphertext = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "private fair-chance preferences"
        verbose_name_plural = "private fair-chance preferences"

    def __str__(self) -> str:
        return f"Encrypted preferences {self.pk}"


class SavedJob(models.Model):
    """A posting a person keeps to look at later (or apply to)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_jobs"
    )
    posting = models.ForeignKey("jobs.JobPosting", on_delete=models.CASCADE, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)
    # When we told the person the job had closed, so they are told once.
    closed_noted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-saved_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "posting"], name="one_save_per_posting")
        ]

    def __str__(self) -> str:
        return f"Saved job {self.pk}"


class ApplyInvitation(models.Model):
    """An employer asked a discoverable person to apply for one posting; they decide."""

    posting = models.ForeignKey(
        "jobs.JobPosting", on_delete=models.CASCADE, related_name="apply_invitations"
    )
    profile = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="apply_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["posting", "profile"], name="one_invitation_a_posting")
        ]

    def __str__(self) -> str:
        return f"Invitation to apply {self.pk}"

"""Applications to postings and each application's history of stages.

Kept apart from models.py (which imports these) so each module stays one concern.
An application is the candidate's personal data: it is exported to them and
deleted, with its CV copy, when they delete their account.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from fairsite.private_storage import private_storage


class Stage(models.TextChoices):
    SUBMITTED = "submitted", "Sent"
    VIEWED = "viewed", "Seen by the employer"
    SHORTLISTED = "shortlisted", "Shortlisted"
    INTERVIEW = "interview", "Interview"
    OFFER = "offer", "Conditional offer"
    HIRED = "hired", "Hired"
    REJECTED = "rejected", "Not taken forward"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Stages in which the candidate is still waiting to hear.
IN_PROGRESS = (Stage.SUBMITTED, Stage.VIEWED, Stage.SHORTLISTED, Stage.INTERVIEW, Stage.OFFER)


def application_cv_upload_to(instance, filename: str) -> str:
    # A random name: the person's own file name can hold their name.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"application-cvs/{secrets.token_urlsafe(24)}.{extension}"


class ApplicationQuerySet(models.QuerySet):
    def standing(self):
        """Applications the candidate has not withdrawn: the ones employers count,
        and the only ones that open the candidate's CV to an employer."""
        return self.exclude(stage=Stage.WITHDRAWN)


class Application(models.Model):
    posting = models.ForeignKey(
        "jobs.JobPosting", on_delete=models.CASCADE, related_name="applications"
    )
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    cover_note = models.TextField(max_length=2000, blank=True)
    # A copy of the CV as sent: changing or deleting the profile's CV later
    # does not change what the employer received.
    # Empty when the person applied without a CV (a CV is never required).
    cv = models.FileField(
        storage=private_storage, upload_to=application_cv_upload_to, max_length=200, blank=True
    )
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.SUBMITTED)
    # Set when the employer moves to "offer": an offer here is always conditional,
    # the first point at which the employer may raise a record check. Nothing
    # about any record is stored, here or anywhere.
    offer_is_conditional = models.BooleanField(default=False)
    posting_closed_noted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    stage_changed_at = models.DateTimeField(auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # Two tabs or a retried POST can't make a second application.
            models.UniqueConstraint(
                fields=["posting", "candidate"], name="one_application_per_posting"
            )
        ]

    def __str__(self) -> str:
        # Logs show this: no name, no email.
        return f"Application {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:application", kwargs={"pk": self.pk})

    def get_employer_url(self) -> str:
        return reverse("jobs:applicant", kwargs={"slug": self.posting.employer.slug, "pk": self.pk})

    @property
    def is_in_progress(self) -> bool:
        return self.stage in IN_PROGRESS

    @property
    def applicant_name(self) -> str:
        """What employers call the applicant: their name, or without one a reference
        ("Applicant no. 42"), never their email address. Headings, page titles and
        lists are seen over shoulders and kept in browser history; the address is
        shown once, as a way to get in touch."""
        return self.candidate.get_full_name() or f"Applicant no. {self.pk}"

    @property
    def cv_kind(self) -> str:
        return self.cv.name.rsplit(".", 1)[-1] if self.cv else ""


class ApplicationEvent(models.Model):
    """One stage change: when, who made it, and the message sent with it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_stage = models.CharField(max_length=12, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=12, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Application {self.application_id}: {self.from_stage or 'new'} → {self.to_stage}"

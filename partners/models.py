"""Reentry organisations, and the access a job seeker gives one of their case workers.

An organisation is an employer organisation (employers.Employer, with its
members) that also works as a reentry organisation: a `ReentryOrganisation` row
says so, and an editor verifies it. Its members are its case workers. The same
organisation can post jobs as an employer.
"""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from employers.models import VerificationStatus, is_verified_status
from fairsite.private_storage import private_storage


class ReentryOrganisationQuerySet(models.QuerySet):
    def verified(self):
        """Reentry organisations an editor has checked: only their members can be given access."""
        return self.filter(verification_status=VerificationStatus.VERIFIED)


class ReentryOrganisation(models.Model):
    employer = models.OneToOneField(
        "employers.Employer", on_delete=models.CASCADE, related_name="reentry"
    )
    services = models.TextField(
        "how you help people",
        max_length=2000,
        help_text="For example: probation service, help finding work after prison, job clubs.",
    )
    verification_status = models.CharField(
        max_length=12, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReentryOrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["employer__name"]

    def __str__(self) -> str:
        return f"Reentry organisation: {self.employer.name}"

    @property
    def name(self) -> str:
        return self.employer.name

    @property
    def is_verified(self) -> bool:
        return is_verified_status(self.verification_status)


class Permission(models.TextChoices):
    """What a job seeker can let a case worker do (each is a field on Grant)."""

    MATCHES = "may_see_matches", "See the jobs matched to you and your saved jobs"
    SAVE_JOBS = "may_save_jobs", "Save jobs to your list with a note, and get applications ready"
    ALERTS = "may_get_alerts", "Get a copy of your job alert emails"
    APPLICATIONS = "may_see_applications", "See your applications and how far they have got"


class Months(models.IntegerChoices):
    ONE = 1, "1 month"
    THREE = 3, "3 months"
    SIX = 6, "6 months"
    TWELVE = 12, "12 months"


DEFAULT_MONTHS = Months.SIX


def months_from(start, months: int):
    return start + timedelta(days=round(30.44 * months))


class GrantQuerySet(models.QuerySet):
    def current(self, now=None):
        """Access that works now: not ended, not past its end date, the organisation
        verified, and the case worker still an active member of it.

        The one definition of "current access"; every case-worker read filters on it.
        """
        now = now or timezone.now()
        return self.filter(
            ended_at__isnull=True,
            expires_at__gt=now,
            organisation__verification_status=VerificationStatus.VERIFIED,
            # What employers.selectors.memberships_of asks of one person (an active
            # account with a membership), here as a join for many grants at once;
            # membership is one row per person and organisation, so no duplicates.
            case_worker__is_active=True,
            case_worker__memberships__employer_id=models.F("organisation__employer_id"),
        )


class EndReason(models.TextChoices):
    SEEKER = "seeker", "You ended it"
    EXPIRED = "expired", "The time you chose ran out"
    CASE_WORKER = "case_worker", "The case worker stopped"
    ORGANISATION = "organisation", "Their organisation is no longer verified"


class Grant(models.Model):
    """A job seeker lets one case worker, of one reentry organisation, help them."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants_given"
    )
    case_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants_held"
    )
    organisation = models.ForeignKey(
        ReentryOrganisation, on_delete=models.CASCADE, related_name="grants"
    )
    may_see_matches = models.BooleanField(Permission.MATCHES.label, default=True)
    may_save_jobs = models.BooleanField(Permission.SAVE_JOBS.label, default=False)
    may_get_alerts = models.BooleanField(Permission.ALERTS.label, default=False)
    may_see_applications = models.BooleanField(Permission.APPLICATIONS.label, default=False)
    started_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_reason = models.CharField(max_length=12, choices=EndReason.choices, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    end_noted_at = models.DateTimeField(null=True, blank=True)
    # When the case worker last opened this person's page ("new since last visit").
    last_visit_at = models.DateTimeField(null=True, blank=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Access {self.pk}"

    def permissions(self) -> list[str]:
        """The labels of what this access allows."""
        return [p.label for p in Permission if getattr(self, p.value)]

    def is_current(self) -> bool:
        """Whether this grant works now (asks the database: see GrantQuerySet.current)."""
        return Grant.objects.current().filter(pk=self.pk).exists()


def _token() -> str:
    return secrets.token_urlsafe(32)


# No 0/O or 1/I: read aloud or copied from paper.
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def _code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


class Offer(models.Model):
    """What a seeker chose for an invitation sent by email, before it is accepted."""

    may_see_matches = models.BooleanField(Permission.MATCHES.label, default=True)
    may_save_jobs = models.BooleanField(Permission.SAVE_JOBS.label, default=False)
    may_get_alerts = models.BooleanField(Permission.ALERTS.label, default=False)
    may_see_applications = models.BooleanField(Permission.APPLICATIONS.label, default=False)
    months = models.PositiveSmallIntegerField(choices=Months.choices, default=DEFAULT_MONTHS)

    class Meta:
        abstract = True


class EmailInvitation(Offer):
    """A seeker invites a case worker by email; the link works once, for 14 days."""

    VALID_DAYS = 14

    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_worker_invitations"
    )
    email = models.EmailField("your case worker's email address")
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    grant = models.OneToOneField(
        Grant, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Case worker invitation {self.pk}"

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=self.VALID_DAYS)

    def is_open(self, now=None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at


class AccessCode(models.Model):
    """A code a case worker gives a seeker, who types it in to give access; once, 14 days."""

    VALID_DAYS = 14

    case_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_codes"
    )
    organisation = models.ForeignKey(
        ReentryOrganisation, on_delete=models.CASCADE, related_name="access_codes"
    )
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=_code, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Access code {self.pk}"

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=self.VALID_DAYS)

    def is_open(self, now=None) -> bool:
        return self.used_at is None and (now or timezone.now()) < self.expires_at


class ActivityKind(models.TextChoices):
    STARTED = "started", "Access started"
    LOOKED = "looked", "Looked at your jobs"
    SAVED_JOB = "saved_job", "Saved a job for you"
    PREPARED = "prepared", "Got an application ready for you"
    ALERT_COPY = "alert_copy", "Got a copy of a job alert email"
    SHARED_CV = "shared_cv", "You shared a copy of your CV with them"
    CV_WITHDRAWN = "cv_withdrawn", "You took back the copy of your CV"
    DOWNLOADED_CV = "cv_download", "Downloaded the copy of your CV"
    REMINDED = "reminded", "We reminded you that access ends soon"
    ENDED = "ended", "Access ended"


class Activity(models.Model):
    """One thing a case worker did with a seeker's access: the seeker reads the list."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="activity")
    kind = models.CharField(max_length=12, choices=ActivityKind.choices)
    posting = models.ForeignKey(
        "jobs.JobPosting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return f"Activity {self.pk}"


class JobNote(models.Model):
    """A case worker's note on a job they saved to the seeker's list."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="job_notes")
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_notes"
    )
    posting = models.ForeignKey("jobs.JobPosting", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Job note {self.pk}"


class CvChoice(models.TextChoices):
    PROFILE = "profile", "Send the CV on their profile"
    NONE = "none", "Send no CV"


class PreparedApplication(models.Model):
    """An application a case worker got ready; only the seeker can send it."""

    grant = models.ForeignKey(
        Grant, null=True, blank=True, on_delete=models.SET_NULL, related_name="prepared"
    )
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prepared_applications"
    )
    posting = models.ForeignKey("jobs.JobPosting", on_delete=models.CASCADE, related_name="+")
    # To the seeker, never to the employer: what to say, what to check.
    note = models.TextField("your note to them", max_length=2000)
    cv_choice = models.CharField(
        "CV", max_length=8, choices=CvChoice.choices, default=CvChoice.PROFILE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    application = models.OneToOneField(
        "jobs.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "posting"],
                condition=models.Q(sent_at__isnull=True, dismissed_at__isnull=True),
                name="one_open_prepared_application_per_posting",
            )
        ]

    def __str__(self) -> str:
        return f"Prepared application {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.sent_at is None and self.dismissed_at is None


def shared_cv_upload_to(instance, filename: str) -> str:
    # A random name: the person's own file name can hold their name.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"shared-cvs/{secrets.token_urlsafe(24)}.{extension}"


class SharedCv(models.Model):
    """A copy of one of the seeker's CVs that they shared with the case worker of one grant.

    A copy, like the one sent with an application: changing or deleting the CV
    it came from does not change it. It goes (row and file) when the seeker
    takes it back, when the access ends, and with either account. Who may
    download it is decided by candidates.selectors.can_read_cv.
    """

    grant = models.OneToOneField(Grant, on_delete=models.CASCADE, related_name="shared_cv")
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shared_cvs"
    )
    cv = models.FileField(storage=private_storage, upload_to=shared_cv_upload_to, max_length=200)
    # Which of their CVs it is a copy of, in their words ("The CV on your profile").
    source = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "shared CV copy"

    def __str__(self) -> str:
        return f"Shared CV copy {self.pk}"

    @property
    def cv_kind(self) -> str:
        return self.cv.name.rsplit(".", 1)[-1] if self.cv else ""

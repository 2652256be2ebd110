"""Partner organisations' API keys, and how much each is used.

A key is stored only as a SHA-256 hash of the secret, plus a short prefix that
people can recognise in a list. The secret is shown once, when it is made;
nothing can show it again. A fast hash is enough: the secrets are 32 random
bytes, so there is nothing to guess by brute force.

People's own tokens are Wagtail's `APIToken` (HMAC-hashed, shown once,
revocable); see fairsite.api.keys.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    """What a partner key may read. Write scopes, when the API has them, go here."""

    POSTINGS = "postings:read", "Job postings (search and detail)"
    EMPLOYERS = "employers:read", "Employers and their fair-chance policies"
    CREDENTIALS = "credentials:read", "Credentials"


ALL_SCOPES = [scope.value for scope in Scope]


class PartnerKey(models.Model):
    """An API key issued by an editor to a partner organisation."""

    name = models.CharField(
        "organisation", max_length=150, help_text="The partner organisation that uses the key."
    )
    contact_name = models.CharField(max_length=150, blank=True)
    contact_email = models.EmailField(help_text="Who we tell about changes and problems.")
    scopes = models.JSONField(default=list, help_text="What the key may read.")
    requests_per_minute = models.PositiveIntegerField(
        default=600, help_text="Requests beyond this in one minute get HTTP 429."
    )
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name", "-created_at"]
        verbose_name = "partner API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def status(self) -> str:
        return f"Revoked {self.revoked_at:%d %b %Y}" if self.revoked_at else "Active"

    @property
    def shown_prefix(self) -> str:
        """All that is ever shown of a key after it is issued."""
        return f"{self.prefix}…"

    def requests_since(self, day) -> int:
        return sum(self.usage.filter(day__gte=day).values_list("requests", flat=True))

    @property
    def requests_today(self) -> int:
        return self.requests_since(timezone.now().date())

    @property
    def requests_30_days(self) -> int:
        return self.requests_since(timezone.now().date() - timedelta(days=29))


class PartnerKeyUsage(models.Model):
    """How many requests one key made on one day (UTC), and how many were refused."""

    key = models.ForeignKey(PartnerKey, on_delete=models.CASCADE, related_name="usage")
    day = models.DateField()
    requests = models.PositiveIntegerField(default=0)
    throttled = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["key", "day"], name="one_usage_row_per_day")]

    def __str__(self) -> str:
        return f"{self.key}: {self.requests} on {self.day}"

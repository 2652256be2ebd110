from django.db import models


class OutgoingEmail(models.Model):
    to = models.JSONField(help_text="Addresses, as a list.")
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    # Extra headers, such as List-Unsubscribe on alert emails (RFC 8058).
    headers = models.JSONField(default=dict, blank=True)
    # Set for messages that must go out at most once per cause (for example one
    # receipt per payment event): a second queue_email with the same key is a no-op.
    dedupe_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"

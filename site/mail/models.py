from django.db import models


class OutgoingEmailQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(sent_at__isnull=False)

    def with_body(self):
        """Messages whose text is still kept (not yet forgotten)."""
        return self.filter(body_forgotten_at__isnull=True)


class OutgoingEmail(models.Model):
    to = models.JSONField(help_text="Addresses, as a list.")
    # What kind of message: the name of the templates it was written from.
    kind = models.CharField(max_length=150, blank=True)
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
    # When the worker may next try to send it; claiming it moves this a lease
    # ahead (fairsite.work_queue).
    next_attempt_at = models.DateTimeField(db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # When delivery was given up after too many failed tries (see delivery.py).
    failed_at = models.DateTimeField(null=True, blank=True)
    # No longer read or written (claims move next_attempt_at now). It stays one
    # release so that processes still running the code before it can insert
    # rows while a deploy migrates; the release after drops it.
    claimed_until = models.DateTimeField(null=True, blank=True)
    # Messages with links or codes that act for the person (password reset,
    # sign-in, email confirmation) lose their text the moment they are sent.
    forget_body_when_sent = models.BooleanField(default=False)
    # When the text and headers were deleted; who, when and what kind stay.
    body_forgotten_at = models.DateTimeField(null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"

from django.db import models
from django.utils import timezone


class OutboxEntry(models.Model):
    """A change to one object that its search index has not taken yet."""

    index_name = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # Status and error type only: never document content, which may be personal.
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "outbox entries"
        indexes = [models.Index(fields=["next_attempt_at", "id"], name="outbox_due")]

    def __str__(self) -> str:
        return f"{self.index_name} {self.object_id}"


class IndexGeneration(models.Model):
    """How many committed changes have been queued for one index.

    Bumped in the transaction that queues a change (``outbox.enqueue``), so it
    moves exactly when, and only when, something the index shows has changed:
    a cache key that carries it is out of date the moment the change commits,
    in every process at once.
    """

    index_name = models.CharField(max_length=100, primary_key=True)
    generation = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.index_name} {self.generation}"

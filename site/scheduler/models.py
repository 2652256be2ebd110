from django.db import models


class ScheduledJob(models.Model):
    """When a periodic job last started: the row every worker races to claim."""

    name = models.CharField(max_length=200, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name

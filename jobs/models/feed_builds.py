"""The built documents of the job feed for aggregators (``jobs.aggregator_feed_builds``)."""

from django.db import models


class JobFeedBuild(models.Model):
    """One whole document of the job feed, written to the default storage.

    A row is added only once its file is complete, so the newest row always
    names a whole document: adding it is the switch from the old build to the
    new one."""

    name = models.CharField(max_length=255, help_text="The file's name in the default storage.")
    generation = models.BigIntegerField(
        help_text="The postings index's generation when the build started reading postings."
    )
    built_at = models.DateTimeField(db_index=True)
    size = models.BigIntegerField(help_text="In bytes.")
    etag = models.CharField(max_length=64, help_text="A digest of the document.")

    class Meta:
        get_latest_by = ["built_at", "id"]

    def __str__(self) -> str:
        return self.name

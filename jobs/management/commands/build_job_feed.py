from django.core.management.base import BaseCommand

from jobs.aggregator_feed_builds import job_feed_build


class Command(BaseCommand):
    help = (
        "Build the job feed for aggregators (/feeds/jobs.xml) into storage now. The worker "
        "builds it every 5 minutes when postings changed, and every hour regardless."
    )

    def handle(self, *args, **options):
        build = job_feed_build()
        self.stdout.write(f"Built {build.name} ({build.size:,} bytes).")

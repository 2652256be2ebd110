from django.core.management.base import BaseCommand

from jobs.services import postings_expire


class Command(BaseCommand):
    help = (
        "Mark live and paused postings past their closing time as expired. The worker "
        "runs this every hour; pages never show an expired posting even before it runs."
    )

    def handle(self, *args, **options):
        count = postings_expire()
        self.stdout.write(f"{count} posting{'s' if count != 1 else ''} expired.")

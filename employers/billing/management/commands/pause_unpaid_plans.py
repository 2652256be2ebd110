from django.core.management.base import BaseCommand

from employers.billing.plans import plans_enforce


class Command(BaseCommand):
    help = (
        "Pause the live postings of plans whose renewal failed more than the grace period "
        "ago, and email their owners. The worker runs this every hour."
    )

    def handle(self, *args, **options):
        count = plans_enforce()
        self.stdout.write(f"{count} posting{'s' if count != 1 else ''} paused.")

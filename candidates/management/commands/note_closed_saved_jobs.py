from django.core.management.base import BaseCommand

from candidates.services import saved_jobs_note_closed


class Command(BaseCommand):
    help = (
        "Email each person, once, about each saved job that has closed (expired, filled "
        "or closed). The worker runs this every hour."
    )

    def handle(self, *args, **options):
        count = saved_jobs_note_closed()
        self.stdout.write(f"{count} note{'s' if count != 1 else ''} queued.")

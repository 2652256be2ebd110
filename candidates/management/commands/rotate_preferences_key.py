"""Re-encrypt every person's fair-chance preferences with the newest key.

Run after putting a new key first in PREFERENCES_ENCRYPTION_KEY; once it has
run, the old keys can be removed. It never prints a preference.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from candidates.encryption import PreferencesUnreadable, rotate_token
from candidates.models import PrivatePreferences


class Command(BaseCommand):
    help = "Re-encrypt fair-chance preferences with the newest PREFERENCES_ENCRYPTION_KEY."

    def handle(self, *args, **options):
        rotated = unreadable = 0
        for pk in PrivatePreferences.objects.values_list("pk", flat=True).iterator():
            with transaction.atomic():
                record = PrivatePreferences.objects.select_for_update().get(pk=pk)
                try:
                    record.ciphertext = rotate_token(record.ciphertext)
                except PreferencesUnreadable:
                    unreadable += 1
                    continue
                record.save(update_fields=["ciphertext"])
                rotated += 1
        self.stdout.write(f"Re-encrypted {rotated} people's preferences with the newest key.")
        if unreadable:
            self.stderr.write(
                f"{unreadable} could not be decrypted with any configured key and were left "
                "as they are. Keep the old key until they are sorted out."
            )

from django.core.management.base import BaseCommand
from django.db import transaction

from cms.demo import load_home_page
from fairsite.accounts.demo import load_demo_users
from fairsite.devtools.run import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the demo content for `make run`. Safe to run again: nothing is duplicated."

    @transaction.atomic
    def handle(self, *args, **options):
        load_demo_users(DEMO_PASSWORD)
        load_home_page()
        self.stdout.write("Demo content loaded.")

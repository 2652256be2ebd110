from django.core.management.base import BaseCommand
from django.db import transaction

from cms.demo import load_home_page
from cms.demo_pages import load_site_pages
from fairsite.accounts.demo import load_demo_users
from fairsite.devtools.run import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the demo content for `make run`. Safe to run again: nothing is duplicated."

    @transaction.atomic
    def handle(self, *args, **options):
        load_demo_users(DEMO_PASSWORD)
        home = load_home_page()
        load_site_pages(home)
        self.stdout.write("Demo content loaded.")

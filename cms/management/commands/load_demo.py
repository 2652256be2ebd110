from django.core.management.base import BaseCommand
from django.db import transaction

from candidates.demo import load_demo_candidates
from cms.demo import load_home_page
from cms.demo_pages import load_site_pages
from employers.demo import load_demo_employers
from fairsite.accounts.demo import load_demo_users
from fairsite.devtools.run import DEMO_PASSWORD
from jobs.demo import load_demo_postings
from partners.demo import load_demo_partners


class Command(BaseCommand):
    help = "Load the demo content for `make run`. Safe to run again: nothing is duplicated."

    @transaction.atomic
    def handle(self, *args, **options):
        users = {user.email: user for user in load_demo_users(DEMO_PASSWORD)}
        home = load_home_page()
        load_site_pages(home)
        editor = users["editor@example.com"]
        employers = load_demo_employers(editor=editor, employer_user=users["employer@example.com"])
        postings = load_demo_postings(editor=editor, employers=employers)
        candidates = load_demo_candidates(
            password=DEMO_PASSWORD, employer_user=users["employer@example.com"]
        )
        load_demo_partners(
            password=DEMO_PASSWORD, editor=editor, seeker=users["seeker@example.com"]
        )
        self.stdout.write(
            f"Demo content loaded: {len(employers)} employers, {len(postings)} job postings, "
            f"{len(candidates)} candidates employers can find."
        )

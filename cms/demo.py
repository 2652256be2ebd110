"""Demo pages for `make run`, written in the site's own plain words."""

from django.conf import settings
from wagtail.models import Page, Site

from fairsite.site_address import site_address

from .models import HomePage

HOME_BODY = [
    {
        "type": "hero",
        "value": {
            "heading": "Jobs with employers who give people a fair chance",
            "intro": (
                "Every employer here tells you when and how they check criminal records. "
                "You will never be asked about your record to apply."
            ),
            "show_search": True,
        },
    },
    {"type": "featured_roles", "value": {"heading": "Featured jobs", "how_many": 3}},
    {
        "type": "how_it_works",
        "value": {
            "heading": "Looking for work?",
            "audience": "job-seekers",
            "steps": [
                "Search for jobs near you.",
                "Read each employer's fair-chance promise before you apply.",
                "Apply with your CV. Nobody asks about your record before an offer.",
            ],
            "link_text": "Find a job",
            "link_url": "/jobs/",
        },
    },
    {
        "type": "how_it_works",
        "value": {
            "heading": "Hiring?",
            "audience": "employers",
            "steps": [
                "Set out your fair-chance policy once.",
                "Post your jobs. An editor checks each one.",
                "Meet people who are ready to work.",
            ],
            "link_text": "Start hiring",
            "link_url": "/hire/",
        },
    },
    {
        "type": "how_it_works",
        "value": {
            "heading": "Work in reentry?",
            "audience": "reentry-professionals",
            "steps": [
                "Open the page for a credential you hold, such as CPORS.",
                "See the open jobs that ask for it.",
                "Find out which credentials would open more doors.",
            ],
            "link_text": "See the credentials",
            "link_url": "/credentials/",
        },
    },
    {"type": "latest_roles", "value": {"heading": "Latest jobs", "how_many": 5}},
    {
        "type": "verified_employers",
        "value": {"heading": "Employers we have checked", "how_many": 6},
    },
    {
        "type": "call_to_action",
        "value": {
            "heading": "Start today",
            "text": "Creating an account is free and takes a few minutes.",
            "link_text": "Create an account",
            "link_url": "/accounts/signup/",
        },
    },
]


def load_home_page() -> HomePage:
    """The site's home page at the root of the default site (kept if it exists)."""
    existing = HomePage.objects.first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="home-page", body=HOME_BODY))
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    address = site_address()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": address.hostname,
            "port": address.port,
            "root_page": home,
            "site_name": settings.SITE_NAME,
        },
    )
    if old_root and old_root.specific_class is Page:
        # Wagtail's placeholder "Welcome" page from its first migration.
        old_root.delete()
    return home

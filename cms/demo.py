"""Demo pages for `make run`, written in the site's own plain words."""

from wagtail.models import Page, Site

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
        },
    },
    {
        "type": "text",
        "value": (
            "<h2>How it works</h2>"
            "<ul><li><b>Looking for work?</b> Search for jobs near you and see each "
            "employer's fair-chance promise before you apply.</li>"
            "<li><b>Hiring?</b> Post roles and meet people ready to work.</li>"
            "<li><b>Reentry professional?</b> Find roles that ask for your credentials, "
            "such as CPORS or CPSCP.</li></ul>"
        ),
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
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Fair Chance Jobs",
        },
    )
    if old_root and old_root.specific_class is Page:
        # Wagtail's placeholder "Welcome" page from its first migration.
        old_root.delete()
    return home

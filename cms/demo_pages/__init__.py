"""Demo pages for `make run`: every page type, written in the site's own plain words.

Each loader keeps what is already there (matched by slug), so loading twice
duplicates nothing and never overwrites an editor's changes.
"""

from datetime import date

from cms.models import (
    CareerPathIndexPage,
    CredentialIndexPage,
    EmployerDirectoryPage,
    GuideIndexPage,
    HomePage,
)

from .about import load_about_pages
from .careers import load_career_paths
from .credentials import load_credential_pages
from .guides import load_guides
from .menus import load_menus
from .tree import child_page


def load_site_pages(home: HomePage, *, today: date | None = None) -> None:
    credentials = child_page(
        home,
        CredentialIndexPage,
        "credentials",
        title="Credentials for reentry work",
        intro=(
            "These credentials show you have trained to help people after prison. "
            "Each page says what the course covers and which open jobs ask for it."
        ),
    )
    careers = child_page(
        home,
        CareerPathIndexPage,
        "careers",
        title="Careers in reentry",
        intro=(
            "Jobs helping people rebuild their lives after prison. See what each job "
            "involves, which credentials help, and who is hiring now."
        ),
    )
    child_page(
        home,
        EmployerDirectoryPage,
        "employers",
        title="Fair-chance employers",
        intro=(
            "Employers here have told us when and how they check criminal records, "
            "and an editor has checked what they told us."
        ),
    )
    guides = child_page(
        home,
        GuideIndexPage,
        "guides",
        title="Guides",
        intro="Short guides about criminal records and work, for job seekers and employers.",
    )
    load_credential_pages(credentials)
    load_career_paths(careers)
    load_guides(guides, today=today)
    load_about_pages(home)
    load_menus(home)

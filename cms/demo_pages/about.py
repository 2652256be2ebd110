"""The market insights page and the plain pages (about this site), in our own words."""

from cms.models import HomePage, InsightsPage, StandardPage

from .tree import child_page

ABOUT_BODY = [
    {
        "type": "text",
        "value": (
            "<h2>Why we built this</h2>"
            "<p>Many people leave prison ready to work, and many employers are ready to hire "
            "them. It is hard for them to find each other. This site shows jobs with "
            "employers who say clearly when and how they look at criminal records.</p>"
            "<h2>What we never do</h2>"
            "<ul><li>We never ask you about a criminal record.</li>"
            "<li>We never show employers anything about a record.</li>"
            "<li>If you tell us what kinds of job you want to avoid, only you see it. We "
            "keep it locked and use it only to sort your own results.</li></ul>"
            "<h2>How we check employers</h2>"
            "<p>Every employer fills in the same short set of questions about records. An "
            "editor reads the answers before the employer gets the 'verified' badge, and "
            "again whenever the employer changes them.</p>"
        ),
    },
    {"type": "data_credits", "value": None},
]

CHARTS = [
    ("category", "Which kinds of work are open now."),
    ("region", "Where the open jobs are."),
    ("check_timing", "How many open jobs only look at records after a job offer."),
    ("week", "How many of today's open jobs were posted each week."),
]


def load_about_pages(home: HomePage) -> None:
    child_page(
        home,
        StandardPage,
        "about",
        title="About this site",
        intro="A jobs board for people with criminal records, and the employers who hire them.",
        body=ABOUT_BODY,
    )
    child_page(
        home,
        InsightsPage,
        "market",
        title="The job market",
        intro="Open fair-chance jobs on this site, counted live.",
        body=[
            {"type": "chart", "value": {"chart": chart, "heading": "", "intro": intro}}
            for chart, intro in CHARTS
        ],
    )

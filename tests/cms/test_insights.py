"""The market insights page: charts drawn from live aggregations, with their figures."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.demo import load_home_page
from cms.models import HomePage, InsightsPage, StandardPage
from fairsite.search.indices import ensure
from jobs.market import market_counts
from jobs.search.index import postings_index
from tests.html import parse

pytestmark = pytest.mark.django_db

CHARTS = ["category", "region", "check_timing", "week"]


@pytest.fixture
def insights(home_page):
    page = home_page.add_child(
        instance=InsightsPage(
            title="The job market",
            slug="market",
            intro="Open jobs, counted live.",
            body=[
                {"type": "chart", "value": {"chart": c, "heading": "", "intro": ""}} for c in CHARTS
            ],
        )
    )
    page.save_revision().publish()
    return page


def chart_sections(response):
    return {
        section.h2.get_text(strip=True): section
        for section in parse(response).select(".market-chart")
    }


def figures(section) -> dict[str, int]:
    return {
        row.th.get_text(strip=True): int(row.td.get_text(strip=True))
        for row in section.select("tbody tr")
    }


def test_bars_and_table_equal_the_aggregation_counts(client, insights, market):
    sections = chart_sections(client.get(insights.url))

    by_category = figures(sections["Open roles by category"])
    assert by_category == {"Warehouse and logistics": 3, "Peer support": 2}
    assert figures(sections["Open roles by state or nation"]) == {"Ohio (US)": 3, "England (UK)": 2}
    assert figures(sections["Open roles by when records are checked"]) == {
        "Only after a conditional job offer": 3,
        "Before an offer, only where the law requires it": 2,
    }
    for title, chart in zip(sections, CHARTS, strict=True):
        counts = [bar.count for bar in market_counts(chart)]
        bars = sections[title].select("svg rect")
        assert [int(rect["data-count"]) for rect in bars] == counts
        longest = max(counts)
        lengths = [float(rect["width"] if chart != "week" else rect["height"]) for rect in bars]
        space = 330 if chart != "week" else 160
        assert lengths == [round(space * count / longest, 1) for count in counts]


def test_new_roles_per_week_covers_six_months_and_counts_every_open_role(client, insights, market):
    bars = market_counts("week")

    assert 26 <= len(bars) <= 28
    today = timezone.now().date()
    weeks = Counter(
        (today - timedelta(days=d)) - timedelta(days=(today - timedelta(days=d)).weekday())
        for d in (1, 2, 9, 3, 40)
    )
    by_week = {bar.key[:10]: bar.count for bar in bars if bar.count}
    assert by_week == {monday.isoformat(): count for monday, count in weeks.items()}


def test_a_chart_with_no_data_says_so(client, insights, es):
    ensure(postings_index)

    sections = chart_sections(client.get(insights.url))

    for section in sections.values():
        assert section.select_one("svg") is None
        assert "There are no open roles to count yet." in section.get_text()


def test_with_search_down_the_charts_say_the_figures_are_not_available(client, insights):
    response = client.get(insights.url)

    assert response.status_code == 200
    for section in chart_sections(response).values():
        assert "not available right now" in section.get_text()


class TestPageRules(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = load_home_page()

    def test_editors_create_both_through_the_admin_form(self):
        self.assertCanCreate(
            self.home,
            InsightsPage,
            nested_form_data(
                {
                    "title": "Market",
                    "slug": "market",
                    "intro": "Open jobs, counted.",
                    "body": streamfield(
                        [("chart", {"chart": "category", "heading": "", "intro": ""})]
                    ),
                }
            ),
        )
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Privacy",
                    "slug": "privacy",
                    "intro": "What we keep.",
                    "body": streamfield([("data_credits", "")]),
                }
            ),
        )
        # There is one market page.
        assert not InsightsPage.can_create_at(self.home)

    def test_the_insights_page_and_standard_pages_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(InsightsPage, {HomePage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(InsightsPage, set())

"""The market insights page and a plain page, in a browser: readable and accessible."""

import pytest
from playwright.sync_api import expect

from cms.models import InsightsPage, StandardPage
from tests.browser.conftest import assert_accessible
from tests.cms.test_insights import CHARTS

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_insights_page_and_about_page_are_accessible(page, home_page, market):
    home_page.add_child(
        instance=InsightsPage(
            title="The job market",
            slug="market",
            intro="Open jobs, counted live.",
            body=[
                {"type": "chart", "value": {"chart": c, "heading": "", "intro": ""}} for c in CHARTS
            ],
        )
    ).save_revision().publish()
    home_page.add_child(
        instance=StandardPage(
            title="About this site",
            slug="about",
            body=[{"type": "data_credits", "value": None}],
        )
    ).save_revision().publish()

    page.goto("/market/")
    expect(page.locator(".market-chart svg")).to_have_count(4)
    expect(page.get_by_role("table").first).to_contain_text("Warehouse and logistics")
    assert_accessible(page)

    page.goto("/about/")
    expect(page.locator(".data-credits")).to_contain_text("Ordnance Survey")
    assert_accessible(page)

"""Guides: listed by audience and topic, and kept current by their "last reviewed" date."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.demo import load_home_page
from cms.models import GuidePage
from cms.models.guides import a_year_before
from tests.factories import EditorFactory, UserFactory
from tests.html import parse

from .factories import GuideIndexPageFactory, GuidePageFactory, ReviewDueGuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides():
    return GuideIndexPageFactory(parent=load_home_page())


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def tagged(guide, *tags):
    guide.tags.add(*tags)
    guide.save_revision().publish()
    return guide


def test_a_year_without_review_makes_a_guide_due():
    today = date(2026, 6, 15)
    assert a_year_before(today) == date(2025, 6, 15)
    assert a_year_before(date(2028, 2, 29)) == date(2027, 2, 28)


def test_due_for_review_finds_guides_reviewed_a_year_ago_or_more(guides):
    today = timezone.localdate()
    due = GuidePageFactory(parent=guides, title="Due", last_reviewed=a_year_before(today))
    GuidePageFactory(
        parent=guides, title="Fine", last_reviewed=a_year_before(today) + timedelta(days=1)
    )

    assert list(GuidePage.objects.due_for_review()) == [due]
    assert due.is_review_due


def test_the_page_editor_warns_when_a_guide_is_due_for_review(editor_client, guides):
    old = ReviewDueGuidePageFactory(parent=guides)
    fresh = GuidePageFactory(parent=guides)

    old_editor = editor_client.get(reverse("wagtailadmin_pages:edit", args=[old.pk]))
    fresh_editor = editor_client.get(reverse("wagtailadmin_pages:edit", args=[fresh.pk]))

    assert "This guide is due for review." in old_editor.content.decode()
    assert "This guide is due for review." not in fresh_editor.content.decode()


def test_the_guides_listing_in_the_admin_shows_which_are_due(editor_client, guides):
    ReviewDueGuidePageFactory(parent=guides, title="Old guide")
    GuidePageFactory(parent=guides, title="New guide")

    listing = parse(editor_client.get(reverse("guides:index")))

    rows = {
        row.select_one("td.title span").get_text(strip=True): row.get_text(" ", strip=True)
        for row in listing.select("table.listing tbody tr")
    }
    assert "Due for review" in rows["Old guide"]
    assert "Up to date" in rows["New guide"]


def test_the_dashboard_lists_published_guides_due_for_review(editor_client, guides):
    ReviewDueGuidePageFactory(parent=guides, title="Old guide")
    ReviewDueGuidePageFactory(parent=guides, title="Old draft", slug="old-draft", live=False)

    dashboard = parse(editor_client.get(reverse("wagtailadmin_home")))

    panel = dashboard.select_one("[aria-labelledby=guides-due-heading]")
    assert panel is not None
    assert [a.text for a in panel.select("li a")] == ["Old guide"]


def test_the_dashboard_leaves_the_panel_out_when_nothing_is_due(editor_client, guides):
    GuidePageFactory(parent=guides)

    dashboard = parse(editor_client.get(reverse("wagtailadmin_home")))

    assert dashboard.select_one("[aria-labelledby=guides-due-heading]") is None


def test_the_dashboard_keeps_the_waiting_work_counts(editor_client):
    dashboard = parse(editor_client.get(reverse("wagtailadmin_home")))

    panel = dashboard.select_one("[aria-labelledby=waiting-work-heading]")
    links = {a.get_text(" ", strip=True): a["href"] for a in panel.select("a")}
    assert links["0 Postings waiting for review"] == reverse("jobs_admin:queue")
    assert links["0 Employers waiting for verification"].startswith(reverse("employers_admin:list"))


def test_people_who_are_not_editors_do_not_get_the_guides_listing(client, guides):
    client.force_login(UserFactory())

    response = client.get(reverse("guides:index"))

    assert response.status_code in {302, 403}


def test_the_guides_list_filters_by_audience_and_topic(client, guides):
    tagged(GuidePageFactory(parent=guides, title="Spent convictions"), "Your record")
    tagged(GuidePageFactory(parent=guides, title="Writing adverts", audience="employers"), "Hiring")
    GuidePageFactory(parent=guides, title="Draft guide", live=False)

    def titles(**params):
        return [a.text for a in parse(client.get(guides.url, params)).select(".card__title a")]

    assert titles() == ["Spent convictions", "Writing adverts"]
    assert titles(audience="employers") == ["Writing adverts"]
    assert titles(tag="your-record") == ["Spent convictions"]
    topics = [a.text for a in parse(client.get(guides.url)).select("nav[aria-label=Topics] a")]
    assert topics == ["All topics", "Hiring", "Your record"]


def test_an_unknown_or_malformed_topic_gets_a_message(client, guides):
    GuidePageFactory(parent=guides)

    unknown = parse(client.get(guides.url, {"tag": "knitting"}))
    malformed = client.get(guides.url, {"tag": "<b>bold</b>", "audience": "aliens"})

    assert "We have no guides on that topic." in unknown.text
    assert malformed.status_code == 200
    assert parse(malformed).select_one(".error-summary")

"""The site-wide addresses: search across pages and jobs, the sitemap, robots.txt
and the error pages."""

import re

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import path
from django.views.defaults import server_error
from wagtail.models import PageViewRestriction

from cms.demo import load_home_page
from tests.factories import (
    EmployerFactory,
    ExpiredPostingFactory,
    PendingPostingFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
    credential,
)
from tests.html import parse

from .factories import (
    CredentialIndexPageFactory,
    CredentialPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
)


def failing_view(request):
    raise RuntimeError("something broke")


# A URLconf of our own for the error page tests (see the `urls` marks below).
urlpatterns = [path("broken/", failing_view)]


@pytest.fixture
def home(db):
    return load_home_page()


@pytest.fixture
def guides(home):
    return GuideIndexPageFactory(parent=home)


# Sitemap and robots.txt -------------------------------------------------------


def sitemap_urls(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))


@pytest.mark.django_db
def test_sitemap_lists_exactly_live_pages_visible_postings_and_employer_pages(client, guides):
    home = guides.get_parent()
    guide = GuidePageFactory(parent=guides)
    GuidePageFactory(parent=guides, title="Draft", live=False)
    private = GuidePageFactory(parent=guides, title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    visible = PublishedPostingFactory()
    PendingPostingFactory()
    ExpiredPostingFactory(employer=visible.employer)
    verified = VerifiedEmployerFactory()
    EmployerFactory(name="Signed up, nothing live")

    urls = sitemap_urls(client)

    base = settings.SITE_URL
    assert urls == {
        f"{base}/",
        f"{base}{guides.url}",
        f"{base}{guide.url}",
        f"{base}{visible.get_absolute_url()}",
        f"{base}{visible.employer.get_absolute_url()}",
        f"{base}{verified.get_absolute_url()}",
    }
    assert home.url == "/"


@pytest.mark.django_db
def test_sitemap_drops_a_posting_once_it_is_no_longer_visible(client, home):
    posting = PublishedPostingFactory()
    assert f"{settings.SITE_URL}{posting.get_absolute_url()}" in sitemap_urls(client)

    posting.status = "paused"
    posting.save()

    assert f"{settings.SITE_URL}{posting.get_absolute_url()}" not in sitemap_urls(client)


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert {"Disallow: /admin/", "Disallow: /accounts/", "Disallow: /hire/"} <= set(lines)


# Error pages -----------------------------------------------------------------


@pytest.mark.django_db
def test_a_missing_page_gets_a_friendly_404_with_a_way_on(client, home):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = parse(response)
    assert [h.text for h in page.select("h1")] == ["We can't find that page"]
    assert page.select_one("main a[href='/jobs/']")
    assert page.select_one("main form[action='/search/'] input[name=q]")


def test_the_500_page_renders_without_a_database_or_context():
    # No django_db mark: any database query here would fail the test.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    page = parse(response)
    assert [h.text for h in page.select("h1")] == ["Sorry, something went wrong"]
    assert page.select_one("a[href='/']")


@pytest.mark.urls(__name__)
def test_an_unexpected_error_shows_the_500_page(client):
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


# Site search -------------------------------------------------------------------


@pytest.mark.django_db
def test_one_search_box_finds_pages_and_postings(client, guides):
    GuidePageFactory(parent=guides, title="Spent convictions", intro="Rehabilitation periods.")
    GuidePageFactory(parent=guides, title="Draft about rehabilitation", live=False)
    PublishedPostingFactory(title="Rehabilitation support worker")
    ExpiredPostingFactory(title="Rehabilitation officer, closed")
    index = CredentialIndexPageFactory(parent=guides.get_parent())
    CredentialPageFactory(parent=index, credential=credential("cpors"))

    page = parse(client.get("/search/", {"q": "rehabilitation"}))

    jobs = page.select_one("[aria-labelledby=jobs-results-heading]")
    pages = page.select_one("[aria-labelledby=pages-results-heading]")
    assert [a.text for a in jobs.select(".posting-card__title a")] == [
        "Rehabilitation support worker"
    ]
    assert [a.text for a in pages.select("a")] == ["Spent convictions"]
    assert page.select_one("header form[role=search][action='/search/'] input[name=q]")


@pytest.mark.django_db
def test_search_without_words_shows_just_the_box_and_too_long_gets_a_message(client, home):
    empty = parse(client.get("/search/", {"q": "  "}))
    too_long = parse(client.get("/search/", {"q": "x" * 201}))

    assert empty.select_one("#jobs-results-heading") is None
    assert too_long.select_one(".error-summary")
    assert "Use 200 characters or fewer." in too_long.text
